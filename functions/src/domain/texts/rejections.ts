// Kept apart from the rest of the English texts: the domain's order check needs these (the web
// app's checkout runs it too), the notifications' texts only the backend does.
import { LIMITS } from "../limits";
import { MAX_TIP_CENTS } from "../tips";

/** Why the backend refused an order. It stores these English texts on the order; the other
 * languages translate the code. */
export const EN_REJECTIONS = {
  malformed_order: "The order could not be read.",
  empty_order: "The cart is empty.",
  too_many_lines: `An order can have at most ${LIMITS.maxOrderLines} different lines.`,
  invalid_quantity: `Each quantity must be a whole number from ${LIMITS.minQuantity} to ${LIMITS.maxQuantity}.`,
  too_many_open_orders: `You already have ${LIMITS.maxOpenOrdersPerCustomer} orders under way. Wait for one to arrive.`,
  restaurant_not_found: "This restaurant does not exist.",
  restaurant_unavailable: "This restaurant cannot take orders right now.",
  restaurant_closed: "The restaurant is closed right now.",
  restaurant_paused: "The restaurant has paused new orders for a while.",
  slot_invalid: "That delivery time is not one of the 15-minute slots of today or tomorrow.",
  slot_closed: "The restaurant is closed at that delivery time.",
  slot_too_soon: "That delivery time is too soon for the kitchen and the courier; choose a later one.",
  invalid_tip: `A tip is none, 5, 10 or 15 % of the food, or an amount of at most half the food and never more than ${(MAX_TIP_CENTS / 100).toFixed(2)} in the restaurant's currency.`,
  tip_too_high: "A tip can be at most half the food subtotal.",
  promo_unknown: "There is no such promo code.",
  promo_expired: "This promo code is not active (it has expired, has not started, or is paused).",
  promo_not_applicable: "This promo code does not apply to this order.",
  promo_below_minimum: "The order is below this promo code's minimum.",
  promo_limit_reached: "You have already used this promo code as often as it allows.",
  promo_exhausted: "This promo code has been used up.",
  unknown_item: "An item in the cart is not on this restaurant's menu.",
  item_unavailable: "An item in the cart is sold out.",
  invalid_options: "The options chosen for an item are not valid.",
  out_of_zone: "The delivery address is outside this restaurant's delivery area.",
  below_minimum: "The order is below the restaurant's minimum.",
  cash_limit: "This order is above what can be paid in cash at the door.",
  card_unavailable: "Card payments are not available right now. Please pay in cash.",
};
