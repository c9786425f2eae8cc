import { LIMITS } from "../limits";
import { MAX_TIP_CENTS } from "../tips";
import type { DomainTexts } from "./types";

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
  invalid_tip: `A tip is none, 5, 10 or 15 % of the food, or an amount up to ${MAX_TIP_CENTS / 100}.`,
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
};

export const en: DomainTexts = {
  reasons: {
    too_busy: "The restaurant is too busy right now.",
    item_unavailable: "A dish in the order is not available.",
    closing_soon: "The restaurant is about to close.",
    address_problem: "The restaurant cannot deliver to this address.",
    other: "No reason given.",
    changed_mind: "The customer changed their mind.",
    ordered_by_mistake: "The customer ordered by mistake.",
    taking_too_long: "The customer found it was taking too long.",
    accept_timeout: "The restaurant did not accept the order in time.",
  },
  cancelChoices: {
    changed_mind: "I changed my mind.",
    ordered_by_mistake: "I ordered by mistake.",
    taking_too_long: "It is taking too long.",
    other: "No reason given.",
  },
  rejections: EN_REJECTIONS,
  theRestaurant: "the restaurant",
  later: "later",
  customer: {
    submitted: ({ r }) => ({ title: "Order sent", body: `Your order to ${r} was sent.` }),
    scheduled: ({ r, slot }) => ({
      title: "Order scheduled",
      body: `Your order to ${r} is scheduled for ${slot}. You can cancel it until the kitchen gets it.`,
    }),
    placed: ({ r }) => ({ title: "Order placed", body: `Your order to ${r} was placed.` }),
    rejected: ({ r, rejection }) => ({
      title: "Order not placed",
      body: `Your order to ${r} could not be placed. ${rejection}`.trim(),
    }),
    accepted: ({ r }) => ({ title: "Order accepted", body: `${r} accepted your order.` }),
    declined: ({ r, reason }) => ({ title: "Order declined", body: `${r} declined your order.${reason}` }),
    cancelled: ({ r, reason }) => ({ title: "Order cancelled", body: `Your order to ${r} was cancelled.${reason}` }),
    preparing: ({ r }) => ({ title: "Being prepared", body: `${r} is preparing your order.` }),
    ready: ({ r }) => ({ title: "Ready for pickup", body: `Your order is ready at ${r} and waiting for a courier.` }),
    picked_up: ({ r }) => ({ title: "On its way", body: `A courier picked up your order from ${r}.` }),
    delivered: ({ r }) => ({ title: "Delivered", body: `Your order from ${r} was delivered. Enjoy!` }),
  },
  staff: {
    placed: ({ r }) => ({ title: "New order", body: `A new order is waiting for ${r} to accept it.` }),
    scheduled: ({ r, slot }) => ({ title: "Order for later", body: `An order for ${slot} is scheduled at ${r}.` }),
    cancelled: ({ r, reason }) => ({ title: "Order cancelled", body: `An order for ${r} was cancelled.${reason}` }),
  },
  couriers: { title: "Pickup available", body: "An order is ready for pickup." },
  notices: {
    autoPaused: (minutes) => ({
      title: "Orders paused",
      body: `Several orders in a row were not accepted in time, so new orders are paused for ${minutes} minutes. Resume on the dashboard when you are ready.`,
    }),
    resumed: { title: "Taking orders again", body: "The pause is over: customers can order again." },
    unreadable: (problem) => ({
      title: "Orders are being refused",
      body: `Your restaurant's settings have a problem, so customers cannot order: ${problem} Fix it in Settings.`,
    }),
  },
};
