import { RESPOND_MIN } from "../deliveryTimers";
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
    customer_request: "Dishpatch cancelled it at the customer's request.",
    restaurant_request: "Dishpatch cancelled it at the restaurant's request.",
    no_courier: "Dishpatch found no courier to deliver it.",
    customer_unreachable: "The courier could not reach you.",
    address_not_found: "The courier could not find the address.",
    unsafe: "The courier could not deliver safely.",
    card_declined: "Your card was declined.",
    authentication_failed: "Your card's authentication did not succeed.",
    payment_timeout: "The payment was not completed in time.",
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
    submitted: ({ r, code }) => ({ title: "Order sent", body: `Your order${code} to ${r} was sent.` }),
    scheduled: ({ r, code, slot }) => ({
      title: "Order scheduled",
      body: `Your order${code} to ${r} is scheduled for ${slot}. You can cancel it until the kitchen gets it.`,
    }),
    awaiting_payment: ({ r }) => ({ title: "Confirm your payment", body: `Your order to ${r} waits for your card.` }),
    placed: ({ r, code }) => ({ title: "Order placed", body: `Your order${code} to ${r} was placed.` }),
    payment_failed: ({ r, reason }) => ({
      title: "Payment failed",
      body: `Your order to ${r} was not placed: the payment did not go through.${reason} Nothing was charged.`,
    }),
    rejected: ({ r, rejection }) => ({
      title: "Order not placed",
      body: `Your order to ${r} could not be placed. ${rejection}`.trim(),
    }),
    accepted: ({ r, code }) => ({ title: "Order accepted", body: `${r} accepted your order${code}.` }),
    declined: ({ r, code, reason }) => ({ title: "Order declined", body: `${r} declined your order${code}.${reason}` }),
    cancelled: ({ r, code, reason }) => ({
      title: "Order cancelled",
      body: `Your order${code} to ${r} was cancelled.${reason}`,
    }),
    preparing: ({ r, code }) => ({ title: "Being prepared", body: `${r} is preparing your order${code}.` }),
    ready: ({ r, code }) => ({
      title: "Ready for pickup",
      body: `Your order${code} is ready at ${r} and waiting for a courier.`,
    }),
    picked_up: ({ r, code }) => ({ title: "On its way", body: `A courier picked up your order${code} from ${r}.` }),
    delivered: ({ r, code }) => ({ title: "Delivered", body: `Your order${code} from ${r} was delivered. Enjoy!` }),
    undelivered: ({ r, code }) => ({
      title: "Not delivered",
      body: `Your order${code} from ${r} could not be delivered. We are sorry.`,
    }),
    delivery_problem: ({ r, code, reason }) => ({
      title: "Your courier cannot deliver",
      body: `Your courier has your order${code} from ${r} but cannot hand it over.${reason} Answer in the app within ${RESPOND_MIN} minutes, or the order ends undelivered and is still charged.`,
    }),
    undeliverable: ({ r, code }) => ({
      title: "Not delivered: no answer",
      body: `Your order${code} from ${r} could not be handed over and we had no answer from you in time, so it is charged.`,
    }),
  },
  staff: {
    placed: ({ r, code }) => ({ title: `New order${code}`, body: `A new order is waiting for ${r} to accept it.` }),
    scheduled: ({ r, code, slot }) => ({
      title: `Order for later${code}`,
      body: `An order for ${slot} is scheduled at ${r}.`,
    }),
    cancelled: ({ r, code, reason }) => ({
      title: `Order cancelled${code}`,
      body: `Order${code} for ${r} was cancelled.${reason}`,
    }),
    undelivered: ({ code }) => ({
      title: `Order not delivered${code}`,
      body: `Order${code} was picked up but never reached the customer.`,
    }),
  },
  couriers: { title: "Pickup available", body: "An order is ready for pickup." },
  claimExpired: {
    courier: ({ r, code }, minutes) => ({
      title: "Claim expired",
      body: `You did not pick up the order${code} at ${r} within ${minutes} minutes, so it was offered to other couriers.`,
    }),
    staff: ({ code }, minutes) => ({
      title: "Courier did not come",
      body: `The courier who claimed order${code} did not pick it up within ${minutes} minutes. It is offered to other couriers again.`,
    }),
  },
  overdue: {
    customer: ({ r, code }) => ({
      title: "Your order is late",
      body: `Your order${code} from ${r} is taking far longer than it should. We are finding out what happened.`,
    }),
    admin: ({ r, code }) => ({
      title: "An order needs a decision",
      body: `Order${code} from ${r} was picked up long ago and has not been delivered. Decide how it ends.`,
    }),
  },
  complaint: {
    refunded: ({ r, code }, amount) => ({
      title: "Money back as credit",
      body: `We are sorry about your order${code} from ${r}. ${amount} is now credit on your account, used first on your next order.`,
    }),
    review: ({ code }) => ({
      title: "We are looking into it",
      body: `Your report about order${code} goes to our team, who will decide within a day.`,
    }),
    declined: ({ code }) => ({
      title: "Report not refunded",
      body: `Our team looked at your report about order${code} and could not refund it.`,
    }),
    charged: ({ code }, amount) => ({
      title: "A complaint was refunded",
      body: `A customer reported a problem with order${code}: ${amount} is taken off your next statement. You can dispute it on the Complaints tab within 7 days.`,
    }),
    disputeUpheld: ({ code }, amount) => ({
      title: "Dispute upheld",
      body: `Your dispute about order${code} was upheld: the ${amount} charged comes back on your statement.`,
    }),
    disputeRejected: ({ code }) => ({
      title: "Dispute not upheld",
      body: `Your dispute about order${code} was not upheld: the charge stays.`,
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
    webhookDown: (client, failingMin, pauseMin) => ({
      title: "Orders paused: your till is not answering",
      body: `The system "${client}" has not taken Dishpatch's messages for ${failingMin} minutes while orders wait, so new orders are paused for ${pauseMin} minutes. Answer waiting orders on the dashboard, check the till, and resume when it is back.`,
    }),
  },
};
