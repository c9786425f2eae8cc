import { EN_REJECTIONS } from "./rejections";
import type { DomainTexts } from "./types";

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
    undelivered: ({ r }) => ({
      title: "Not delivered",
      body: `Your order from ${r} could not be delivered. We are sorry.`,
    }),
  },
  staff: {
    placed: ({ r }) => ({ title: "New order", body: `A new order is waiting for ${r} to accept it.` }),
    scheduled: ({ r, slot }) => ({ title: "Order for later", body: `An order for ${slot} is scheduled at ${r}.` }),
    cancelled: ({ r, reason }) => ({ title: "Order cancelled", body: `An order for ${r} was cancelled.${reason}` }),
    undelivered: ({ code }) => ({
      title: "Order not delivered",
      body: `Order ${code} was picked up but never reached the customer.`,
    }),
  },
  couriers: { title: "Pickup available", body: "An order is ready for pickup." },
  claimExpired: {
    courier: ({ r }, minutes) => ({
      title: "Claim expired",
      body: `You did not pick up the order at ${r} within ${minutes} minutes, so it was offered to other couriers.`,
    }),
    staff: ({ code }, minutes) => ({
      title: "Courier did not come",
      body: `The courier who claimed order ${code} did not pick it up within ${minutes} minutes. It is offered to other couriers again.`,
    }),
  },
  overdue: {
    customer: ({ r }) => ({
      title: "Your order is late",
      body: `Your order from ${r} is taking far longer than it should. We are finding out what happened.`,
    }),
    admin: ({ r, code }) => ({
      title: "An order needs a decision",
      body: `Order ${code} from ${r} was picked up long ago and has not been delivered. Decide how it ends.`,
    }),
  },
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
