// The price preview runs the backend's own check (checkOrder) on the menu as it is now, with the
// backend's answer for a promo code (its terms are the admins'); the backend runs it again,
// authoritatively, when the order arrives. The preview is what the customer pays: who gets what of
// it is not the customer's to read.

import { asRestaurant, cartDoc, checkOrder, type Address, type TipChoice } from "@domain";
import { readDishes, useMenu } from "../../data/menu";
import { readRestaurant } from "../../data/orders";
import { quotePromo, readFees } from "../../data/money";
import type { Cart } from "../../state/cart";
import { useAsync } from "../../components/useAsync";
import { cartInput } from "./cartInput";
import type { When } from "./WhenChoice";

export function usePreview(
  c: Cart,
  address: Address | null,
  when: When,
  slotStart: Date | null,
  tip: TipChoice,
  code: string | null,
) {
  // The menu live, so that a dish selling out or coming back re-runs the check at once.
  const live = useMenu(c.restaurantId ?? "none");
  const unavailable = new Set(
    c.lines
      .filter((l) => {
        const m = live.data?.find((d) => d.id === l.itemId);
        return live.data !== undefined && (!m || !m.available);
      })
      .map((l) => l.key),
  );

  // Re-read the restaurant, the dishes in the cart, the fees and the code whenever the cart, the
  // address, the time, the tip or the code change, and run the backend's own check on them.
  const key = JSON.stringify([
    c.restaurantId,
    c.lines.map((l) => [l.key, l.quantity]),
    address?.lat,
    address?.lng,
    live.data?.filter((m) => c.lines.some((l) => l.itemId === m.id)).map((m) => [m.id, m.available, m.price]),
    when,
    tip,
    code,
  ]);
  const preview = useAsync(async () => {
    if (!c.restaurantId || !address) return null;
    const [restaurant, menu, fees] = await Promise.all([
      readRestaurant(c.restaurantId),
      readDishes(
        c.restaurantId,
        c.lines.map((l) => l.itemId),
      ),
      readFees(),
    ]);
    const doc = cartDoc(cartInput(c, address, "preview", "", slotStart, tip, code), null);
    const input = {
      items: doc.items,
      deliveryAddress: doc.deliveryAddress,
      restaurant,
      restaurantId: c.restaurantId,
      menu,
      now: new Date(),
      slotStart,
      fees,
      tip: doc.tip,
    };
    let check = checkOrder(input);
    // The code last, as the backend checks it: what it gives depends on the food's subtotal.
    if (check.ok && typeof doc.promoCode === "string") {
      const promoQuote = await quotePromo(doc.promoCode, c.restaurantId, check.pricing.subtotal);
      check = checkOrder({ ...input, promoCode: doc.promoCode, promoQuote });
    }
    // Only a restaurant the domain can read offers delivery times (checkOrder says why not).
    return { check, restaurant: asRestaurant(restaurant) };
  }, [key]);
  return { preview, unavailable };
}
