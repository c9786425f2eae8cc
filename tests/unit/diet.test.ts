import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import {
  ALLERGENS,
  EN_PROBLEMS,
  dietProblem,
  isPhotoUrl,
  menuItemProblem,
  NO_FILTER,
  passesFilter,
  PHOTO_URL_PATTERN,
} from "../../functions/src/domain";
import { RESTAURANTS } from "../../scripts/seed/berlin";
import { CUISINE_PHOTOS, DISH_PHOTOS, dietaryOf } from "../../scripts/seed/dietary";

describe("unit: allergens, diets and photos", () => {
  it("lists the EU's 14 allergens, each with a label, and the rules list the same", () => {
    assert.equal(ALLERGENS.length, 14);
    assert.equal(new Set(ALLERGENS).size, 14);
    for (const a of ALLERGENS) assert.ok(EN_PROBLEMS.allergens[a]);
    const rules = readFileSync("firestore.rules", "utf8");
    const listed = rules.match(/function allergens\(\) \{\s*return \[([^\]]+)\]/)![1];
    assert.deepEqual(
      listed.match(/'([a-z]+)'/g)!.map((w) => w.slice(1, -1)),
      [...ALLERGENS],
    );
    assert.ok(rules.includes(PHOTO_URL_PATTERN.replace(/\\\\/g, "\\")), "the rules use the same photo pattern");
  });

  it("refuses declarations that cannot be true", () => {
    assert.equal(dietProblem({ allergens: ["gluten", "milk"], diet: ["vegetarian"] }), null);
    assert.equal(dietProblem({}), null);
    assert.match(
      dietProblem({ allergens: ["milk"], diet: ["vegetarian", "vegan"] })!,
      /vegan dish cannot contain milk/,
    );
    assert.match(dietProblem({ allergens: ["fish"], diet: ["vegetarian"] })!, /vegetarian dish cannot contain fish/);
    assert.match(dietProblem({ diet: ["vegan"] })!, /vegetarian too/);
    assert.match(dietProblem({ allergens: ["gluten", "gluten"] })!, /once/);
    assert.match(dietProblem({ allergens: ["pollen"] })!, /EU list/);
    assert.match(dietProblem({ diet: ["halal"] })!, /vegetarian, vegan or spicy/);
  });

  it("filters: every asked diet, none of the excluded allergens, and an undeclared dish promises nothing", () => {
    const veganBread = { allergens: ["gluten"], diet: ["vegetarian", "vegan"] };
    const cheese = { allergens: ["milk"], diet: ["vegetarian"] };
    const undeclared = { diet: ["vegetarian"] };
    assert.ok(passesFilter(veganBread, NO_FILTER) && passesFilter(undeclared, NO_FILTER));
    assert.ok(passesFilter(veganBread, { diet: ["vegan"], without: [] }));
    assert.ok(!passesFilter(cheese, { diet: ["vegan"], without: [] }));
    assert.ok(!passesFilter(veganBread, { diet: [], without: ["gluten"] }));
    assert.ok(passesFilter(cheese, { diet: [], without: ["gluten"] }));
    assert.ok(passesFilter(undeclared, { diet: ["vegetarian"], without: [] }));
    assert.ok(!passesFilter(undeclared, { diet: [], without: ["gluten"] }), "not declared, so not 'without gluten'");
  });

  it("allows photos from the app's own hosting only: no bucket or host anywhere else", () => {
    for (const ok of ["/photos/pizza.svg", "/photos/bowl-2.webp"]) assert.ok(isPhotoUrl(ok), ok);
    for (const bad of [
      // Storage of any project (uploads are not built: no bucket of ours to allow yet), any host.
      "https://firebasestorage.googleapis.com/v0/b/stranger.appspot.com/o/pixel.png?alt=media",
      "https://storage.googleapis.com/stranger-bucket/pixel.png",
      "https://images.unsplash.com/photo-1.jpg",
      "https://evil.example/a.jpg",
      "//evil.example/photos/a.svg",
      "/photos//evil.example/a.svg",
      "/photos/../secret.svg",
      "/photos/Pizza.svg",
      "/photos/pizza.svg?track=1",
      "/photos/pizza.gif",
      "/photos/pizza.svg\n",
      'https://images.unsplash.com/a.jpg" onerror="x',
      "javascript:alert(1)",
      "",
      `/photos/${"a".repeat(101)}.svg`,
    ])
      assert.ok(!isPhotoUrl(bad), bad);
    const dish = { name: "X", description: "", category: "C", price: 100, available: true, optionGroups: [] };
    assert.match(menuItemProblem({ ...dish, imageUrl: "https://evil.example/a.jpg" })!, /photo/);
    assert.match(menuItemProblem({ ...dish, allergens: ["milk"], diet: ["vegetarian", "vegan"] })!, /vegan/);
  });

  it("every seeded photo is on the app's own hosting", () => {
    for (const url of [...Object.values(DISH_PHOTOS), ...Object.values(CUISINE_PHOTOS)])
      assert.ok(isPhotoUrl(url), url);
  });

  it("declares every demo dish truthfully", () => {
    for (const r of RESTAURANTS)
      for (const m of r.menu) {
        const facts = dietaryOf(m.name);
        assert.ok("allergens" in facts, `${m.name} is declared`);
        assert.equal(dietProblem(facts), null, m.name);
      }
  });
});
