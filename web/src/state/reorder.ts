// "Order again": an earlier order's dishes into the cart, priced from today's menu, with what
// could not come along or costs something else now said on the checkout page.

import { signal } from "@preact/signals";
import { reorderFrom, type Order, type Reorder } from "@domain";
import { readDishes } from "../data/menu";
import { addToCart, clearCart } from "./cart";

/** What the last reorder changed, shown once on the checkout page. */
export const reorderNotice = signal<Omit<Reorder, "lines"> | null>(null);

/** Fills the cart; false when nothing of the order can be had today. */
export async function orderAgain(order: Pick<Order, "restaurantId" | "restaurantName" | "pricing">): Promise<boolean> {
  const earlier = order.pricing?.lines ?? [];
  const menu = await readDishes(
    order.restaurantId,
    earlier.map((l) => l.itemId),
  );
  const { lines, unavailable, repriced } = reorderFrom(earlier, menu);
  reorderNotice.value = { unavailable, repriced };
  if (lines.length === 0) return false;
  clearCart();
  for (const { itemId, quantity, options, name, optionNames, unitPrice } of lines)
    addToCart(order.restaurantId, order.restaurantName ?? "", {
      itemId,
      quantity,
      options,
      name,
      optionNames,
      unitPrice,
    });
  return true;
}
