import { strict as assert } from "node:assert";
import { reorderFrom, type MenuItem, type PricedLine } from "../../functions/src/domain";

const dish = (price: number, patch: Partial<MenuItem> = {}): MenuItem => ({
  name: "Dish",
  description: "",
  category: "Mains",
  price,
  available: true,
  optionGroups: [],
  ...patch,
});
const line = (itemId: string, unitPrice: number, options: PricedLine["options"] = []): PricedLine => ({
  itemId,
  name: itemId,
  quantity: 2,
  options,
  unitPrice,
  lineTotal: unitPrice * 2,
});

describe("unit: ordering again", () => {
  it("keeps what can be had, priced today; names the sold out, the gone and the repriced", () => {
    const size = {
      id: "size",
      name: "Size",
      min: 1,
      max: 1,
      options: [{ id: "large", name: "Large", priceDelta: 300 }],
    };
    const menu = new Map<string, MenuItem>([
      ["soup", dish(550, { name: "Soup" })],
      ["bread", dish(300, { name: "Bread", available: false })],
      ["pizza", dish(900, { name: "Pizza", optionGroups: [size] })],
      ["cake", dish(400, { name: "Cake" })],
    ]);
    const result = reorderFrom(
      [
        line("soup", 500),
        line("bread", 300),
        line("gone", 700),
        line("pizza", 1200, [{ groupId: "size", optionId: "large", name: "Large", priceDelta: 300 }]),
        line("cake", 400, [{ groupId: "extras", optionId: "cream", name: "Cream", priceDelta: 50 }]),
      ],
      menu,
    );
    assert.deepEqual(
      result.lines.map((l) => [l.itemId, l.quantity, l.unitPrice, l.optionNames]),
      [
        ["soup", 2, 550, []],
        ["pizza", 2, 1200, ["Large"]],
      ],
    );
    assert.deepEqual(result.unavailable, ["bread", "gone", "cake"], "sold out, gone, an option that no longer exists");
    assert.deepEqual(result.repriced, [{ name: "Soup", was: 500, now: 550 }]);
  });
});
