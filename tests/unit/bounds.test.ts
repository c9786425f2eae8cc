// The domain's bounds that other layers repeat or rely on: a dish's option groups as stored (the
// rules hold the same patterns).

import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  decodeGroup,
  encodeGroup,
  fromMenuItemDoc,
  LIMITS,
  menuItemProblem,
  RULES_OPTION_COUNTS,
  RULES_OPTION_LINE,
  RULES_OPTION_SYNTAX,
  toMenuItemDoc,
  type OptionGroup,
} from "../../functions/src/domain";
import { RESTAURANTS } from "../../scripts/seed/berlin";
import { ROOT } from "../../scripts/lib/config";

const size: OptionGroup = {
  id: "size",
  name: "Size | Größe",
  min: 1,
  max: 1,
  options: [
    { id: "regular", name: "Regular (26 cm)", priceDelta: 0 },
    { id: "large", name: "Large | 32 cm", priceDelta: 350 },
    { id: "kids", name: "Kids", priceDelta: -200 },
  ],
};

describe("unit: a dish's option groups as stored", () => {
  it("writes a group as one text of lines and reads it back as it was", () => {
    assert.equal(
      encodeGroup(size),
      "size|1|1|Size | Größe\nregular|0|Regular (26 cm)\nlarge|350|Large | 32 cm\nkids|-200|Kids",
    );
    assert.deepEqual(decodeGroup(encodeGroup(size)), size);
  });
  it("reads every seeded dish back as the domain's MenuItem, valid", () => {
    for (const r of RESTAURANTS) {
      for (const m of r.menu) {
        const item = { available: true, optionGroups: [], ...m };
        const read = fromMenuItemDoc(toMenuItemDoc(item));
        assert.deepEqual(read, item);
        assert.equal(menuItemProblem(read), null, m.name);
      }
    }
  });
  it("refuses what the rules refuse, line by line", () => {
    for (const text of [
      "size|1|1|",
      "size|1|1",
      "size|01|1|Size\na|0|A",
      "si ze|1|1|Size\na|0|A",
      "size|1|1|Size\na|-0|A",
      "size|1|1|Size\na|07|A",
      `size|1|1|Size\na|${LIMITS.maxPriceCents + 1}|A`,
      `size|1|1|Size\na|0|${"n".repeat(LIMITS.maxNameLength + 1)}`,
      `size|1|1|Size\n${"x".repeat(LIMITS.maxOptionIdLength + 1)}|0|A`,
      "size|1|1|Size\n\na|0|A",
      42,
    ]) {
      assert.equal(decodeGroup(text), null, JSON.stringify(text));
    }
    assert.ok(decodeGroup(`size|1|1|Size\na|-${LIMITS.maxPriceCents}|A`));
  });
  it("leaves a group it cannot read as it is, so that the dish's problem names it", () => {
    const read = fromMenuItemDoc({ name: "P", category: "C", price: 1, available: true, optionGroups: ["bad"] });
    assert.match(menuItemProblem(read) ?? "", /option group/);
  });
  it("refuses names that would break a line, in the editor's checks too", () => {
    const dish = { name: "P", description: "", category: "C", price: 900, available: true };
    assert.ok(menuItemProblem({ ...dish, optionGroups: [{ ...size, name: "Size\nx" }] }));
    const options = [{ id: "a", name: "Large\nb|0|Small", priceDelta: 0 }];
    assert.ok(menuItemProblem({ ...dish, optionGroups: [{ ...size, options }] }));
  });
  it("is checked by firestore.rules with the same patterns, written from the limits", () => {
    const rules = readFileSync(join(ROOT, "firestore.rules"), "utf8");
    for (const pattern of [RULES_OPTION_SYNTAX, RULES_OPTION_COUNTS, RULES_OPTION_LINE]) {
      assert.ok(rules.includes(`'${pattern}'`), `firestore.rules lacks ${pattern.slice(0, 60)}…`);
    }
    assert.match(rules, /gs\.size\(\) <= 10\b/);
    assert.equal(LIMITS.maxOptionGroups, 10);
  });
  it("the rules' patterns accept the largest groups and refuse one past each bound", () => {
    const rules = (groups: string[]) => {
      const text = `\n#${groups.join("\n#")}`;
      const whole = (p: string) => new RegExp(`^(?:${p})$`, "s").test(text.replace(/\\n/g, "\n"));
      const counts = text.replace(new RegExp(RULES_OPTION_LINE.replace(/\\n/g, "\n"), "g"), "\no");
      return (
        whole(RULES_OPTION_SYNTAX.replace(/\\n/g, "\n")) &&
        new RegExp(`^(?:${RULES_OPTION_COUNTS.replace(/\\n/g, "\n")})$`).test(counts)
      );
    };
    const options = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, name: `O${i}`, priceDelta: 0 }));
    const max = LIMITS.maxOptionsPerGroup;
    assert.ok(rules([encodeGroup({ ...size, min: max, max, options: options(max) })]));
    assert.ok(!rules([encodeGroup({ ...size, min: 0, max: 1, options: options(max + 1) })]));
    assert.ok(!rules([encodeGroup({ ...size, min: 0, max: 4, options: options(3) })]));
    assert.ok(!rules([encodeGroup({ ...size, min: 2, max: 1, options: options(3) })]));
    assert.ok(rules([encodeGroup({ ...size, min: 0, max: 0, options: options(1) })]));
  });
});
