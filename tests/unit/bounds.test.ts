// The domain's bounds that other layers repeat or rely on: a dish's option groups as stored (the
// rules hold the same patterns), the courier's area, the timers of a delivery, the deploy check
// that every query has a limit or says why it needs none, and the settings' bounds in the rules.

import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  areaBlock,
  areaCell,
  CASH_LIMIT_BOUNDS,
  CLAIM_PICKUP_MIN,
  COMPLAINT_SETTINGS_BOUNDS,
  courierAreaTopics,
  decodeGroup,
  DEFAULT_CASH_LIMITS,
  DELIVERY_OVERDUE_MIN,
  distanceM,
  encodeGroup,
  fromMenuItemDoc,
  isOverdue,
  LIMITS,
  menuItemProblem,
  pickupDeadline,
  RULES_OPTION_COUNTS,
  RULES_OPTION_LINE,
  RULES_OPTION_SYNTAX,
  toMenuItemDoc,
  type OptionGroup,
  type QuerySpec,
} from "../../functions/src/domain";
import { RESTAURANTS } from "../../scripts/seed/berlin";
import { limitProblem, limitProblems } from "../../scripts/checkDeploy";
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
  it("keeps the till's ids of a group and its options (partner API), as the rules accept them", () => {
    const tills: OptionGroup = {
      ...size,
      externalId: "SIZE",
      options: size.options.map((o, i) => (i === 1 ? { ...o, externalId: "PLU-1001.L:2" } : o)),
    };
    const text = encodeGroup(tills);
    assert.equal(text.split("\n")[0], "size~SIZE|1|1|Size | Größe");
    assert.equal(text.split("\n")[2], "large~PLU-1001.L:2|350|Large | 32 cm");
    assert.deepEqual(decodeGroup(text), tills);
    assert.ok(new RegExp(`^(?:${RULES_OPTION_SYNTAX.replace(/\\n/g, "\n")})$`).test(`\n#${text}`));
    for (const bad of ["size~|1|1|S\na|0|A", "size~a~b|1|1|S\na|0|A", `size|1|1|S\na~${"x".repeat(65)}|0|A`]) {
      assert.equal(decodeGroup(bad), null, bad);
    }
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

describe("unit: a courier's area", () => {
  const torstrasse = { lat: 52.529, lng: 13.401 };
  it("is the cell they are in and the eight around it", () => {
    const block = areaBlock(areaCell(torstrasse));
    assert.equal(block.length, 9);
    assert.equal(new Set(block).size, 9);
    assert.equal(block[0], areaCell(torstrasse));
  });
  it("reaches 3 km in every direction and not across the city", () => {
    const block = areaBlock(areaCell(torstrasse));
    for (const [dLat, dLng] of [
      [0.027, 0],
      [-0.027, 0],
      [0, 0.044],
      [0, -0.044],
    ]) {
      const p = { lat: torstrasse.lat + dLat, lng: torstrasse.lng + dLng };
      assert.ok(distanceM(torstrasse, p) >= 2900, String(distanceM(torstrasse, p)));
      assert.ok(block.includes(areaCell(p)), `${dLat},${dLng}`);
    }
    assert.ok(!block.includes(areaCell({ lat: 52.45, lng: 13.27 })), "Steglitz is not around Torstraße");
  });
  it("is symmetric: a courier hears of a pickup exactly when the pickup's cell is around them", () => {
    const a = areaCell(torstrasse);
    for (const b of areaBlock(a)) assert.ok(areaBlock(b).includes(a));
  });
  it("has a push topic per cell and language, none without a cell", () => {
    const topics = courierAreaTopics(areaCell(torstrasse), "de");
    assert.equal(topics.length, 9);
    assert.ok(topics.every((t) => /^couriers-[0-9b-hjkmnp-z]{5}-de$/.test(t)));
    assert.deepEqual(courierAreaTopics(null, "en"), []);
  });
});

describe("unit: the timers of a delivery", () => {
  const at = (ms: number) => ({ toMillis: () => ms });
  const MIN = 60_000;
  it(`expires a claim ${CLAIM_PICKUP_MIN} minutes after it was made`, () => {
    assert.equal(pickupDeadline(at(1_000_000)), 1_000_000 + CLAIM_PICKUP_MIN * MIN);
  });
  it(`makes a delivery overdue ${DELIVERY_OVERDUE_MIN} minutes after pickup, not a moment before`, () => {
    const order = {
      status: "picked_up" as const,
      timeline: { picked_up: at(0) },
      estimate: { prepMin: 15, travelMin: 20 },
    };
    assert.ok(!isOverdue(order, DELIVERY_OVERDUE_MIN * MIN - 1));
    assert.ok(isOverdue(order, DELIVERY_OVERDUE_MIN * MIN));
    assert.ok(!isOverdue({ ...order, status: "delivered" }, 10 * DELIVERY_OVERDUE_MIN * MIN));
  });
  it("gives a long ride twice its estimate", () => {
    const order = {
      status: "picked_up" as const,
      timeline: { picked_up: at(0) },
      estimate: { prepMin: 15, travelMin: 50 },
    };
    assert.ok(!isOverdue(order, 99 * MIN));
    assert.ok(isOverdue(order, 100 * MIN));
  });
});

describe("unit: the deploy check's limits", () => {
  const spec = (patch: Partial<QuerySpec>): QuerySpec => ({ collection: "orders", where: [], orderBy: [], ...patch });
  it("passes every query the app and the functions run", () => {
    assert.deepEqual(limitProblems(), []);
  });
  it("fails a query without a limit, and one marked bounded without saying why", () => {
    assert.match(limitProblem("all", spec({})) ?? "", /has no limit/);
    assert.match(limitProblem("all", spec({ bounded: "small" })) ?? "", /without saying why/);
    assert.equal(limitProblem("page", spec({ limit: 20 })), null);
    assert.equal(limitProblem("few", spec({ bounded: "at most ten addresses (the rules)" })), null);
  });
  it("fails the query that read every restaurant for the admin's lists", () => {
    assert.match(limitProblem("restaurants", spec({ collection: "restaurants" })) ?? "", /has no limit/);
  });
});

describe("unit: the settings' bounds, as the rules write them", () => {
  const rules = readFileSync(join(ROOT, "firestore.rules"), "utf8");
  /** The bounds the rules give `field` in `isIntIn(incoming().field, min, max)`. */
  const ruleBounds = (field: string) => {
    const m = new RegExp(`isIntIn\\(incoming\\(\\)\\.${field}, (\\d+), (\\d+)\\)`).exec(rules);
    assert.ok(m, `the rules bound ${field}`);
    return { min: Number(m[1]), max: Number(m[2]) };
  };
  it("the cash limits: the same bounds, and the courier's default cap where an admin set none", () => {
    for (const field of Object.keys(DEFAULT_CASH_LIMITS)) assert.deepEqual(ruleBounds(field), { ...CASH_LIMIT_BOUNDS });
    const fallback = [...rules.matchAll(/get\('maxCourierCashCents', (\d+)\) : (\d+)/g)];
    assert.equal(fallback.length, 1);
    assert.deepEqual(fallback[0].slice(1).map(Number), [
      DEFAULT_CASH_LIMITS.maxCourierCashCents,
      DEFAULT_CASH_LIMITS.maxCourierCashCents,
    ]);
  });
  it("the complaint thresholds: the same bounds", () => {
    for (const [field, bounds] of Object.entries(COMPLAINT_SETTINGS_BOUNDS))
      assert.deepEqual(ruleBounds(field), bounds);
  });
});
