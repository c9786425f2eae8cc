import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../scripts/lib/config";
import { applyMutant, mutantsOf, sampleOf, type Mutant } from "../../scripts/mutants/mutate";

const RULES = `rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    // a && b in a comment is not code
    function me() { return request.auth.uid; }
    function small(v) { return v.size() <= 10 && v.matches('^[a-z]{1,3}$'); }
    match /things/{id} {
      allow get: if me() == id || request.time > resource.data.at;
      allow create: if small(id) && request.resource.data.n >= 0 && request.resource.data.n != 7;
    }
  }
}
`;

const changes = (ms: Mutant[]) => ms.map((m) => `${m.operator} ${m.after}`);

describe("unit: rules mutants (scripts/mutants)", () => {
  const mutants = mutantsOf(RULES);

  it("makes each kind of mutant, never inside a string, a comment or a match path", () => {
    const count = (op: string) => mutants.filter((m) => m.operator === op).length;
    assert.equal(count("and-or"), 4);
    assert.equal(count("eq-ne"), 2);
    assert.equal(count("relational"), 3);
    assert.equal(count("number"), 6); // 10, 0 and 7, each up and down; not the pattern's {1,3}
    assert.equal(count("drop-conjunct"), 5);
    assert.equal(count("function-true"), 1); // small(), not me(): it answers a uid, not true or false
    for (const m of mutants) assert.ok(!m.after.includes("//") && !m.before.startsWith("match"), m.key);
  });

  it("flips, swaps and shifts one token at a time", () => {
    const got = changes(mutants);
    for (const want of [
      "and-or function small(v) { return v.size() <= 10 || v.matches('^[a-z]{1,3}$'); }",
      "eq-ne allow get: if me() != id || request.time > resource.data.at;",
      "relational allow get: if me() == id || request.time >= resource.data.at;",
      "relational function small(v) { return v.size() < 10 && v.matches('^[a-z]{1,3}$'); }",
      "number function small(v) { return v.size() <= 11 && v.matches('^[a-z]{1,3}$'); }",
      "number allow create: if small(id) && request.resource.data.n >= -1 && request.resource.data.n != 7;",
    ]) {
      assert.ok(got.includes(want), want);
    }
  });

  it("drops the first, a middle and the last conjunct and leaves valid text", () => {
    const dropped = mutants.filter((m) => m.operator === "drop-conjunct" && m.line === 9).map((m) => m.after);
    assert.deepEqual(dropped, [
      "allow create: if request.resource.data.n >= 0 && request.resource.data.n != 7;",
      "allow create: if small(id) && request.resource.data.n != 7;",
      "allow create: if small(id) && request.resource.data.n >= 0;",
    ]);
  });

  it("replaces a predicate's whole body", () => {
    const m = mutants.find((x) => x.operator === "function-true")!;
    assert.match(applyMutant(RULES, m), /function small\(v\) \{ return true; \}/);
  });

  it("names a mutant by what it changes, so its key survives edits elsewhere in the rules", () => {
    const shifted = mutantsOf(
      RULES.replace("// a && b in a comment is not code", "function unused() { return true; }"),
    );
    const keys = new Set(shifted.map((m) => m.key));
    for (const m of mutants) assert.ok(keys.has(m.key), m.key);
    assert.equal(new Set(mutants.map((m) => m.key)).size, mutants.length);
  });

  it("parses the project's rules and numbers their mutants in file order", () => {
    const all = mutantsOf(readFileSync(join(ROOT, "firestore.rules"), "utf8"));
    assert.ok(all.length > 300, `only ${all.length} mutants`);
    assert.deepEqual(
      all.map((m) => m.id),
      all.map((_, i) => i + 1),
    );
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].start <= all[i].start);
  });

  it("samples the same mutants for the same seed, in list order", () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const a = sampleOf(items, 30, 20);
    assert.deepEqual(a, sampleOf(items, 30, 20));
    assert.notDeepEqual(a, sampleOf(items, 30, 21));
    assert.deepEqual(
      a,
      [...a].sort((x, y) => x - y),
    );
    assert.equal(new Set(a).size, 30);
  });
});
