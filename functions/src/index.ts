// Every deployed function, by name. In production each function runs in instances of its own, and
// Cloud Functions names it in FUNCTION_TARGET: such an instance loads only its own definition (and
// its work on the first event), so a cold start pays for one provider and the admin SDK, not for
// every function. Without FUNCTION_TARGET (firebase deploy reading the code) all are defined.
import "./options";
import "./config"; // declares the parameters, so that firebase deploy sees them

/* eslint-disable @typescript-eslint/no-require-imports -- loading only the target's module is the point */
const ENTRIES: Record<string, () => Record<string, unknown>> = {
  processOrder: () => require("./entry/orders"),
  onOrderUpdated: () => require("./entry/orders"),
  acceptTimeout: () => require("./entry/timers"),
  problemTimeout: () => require("./entry/timers"),
  releaseOrder: () => require("./entry/timers"),
  endPause: () => require("./entry/timers"),
  claimExpiry: () => require("./entry/timers"),
  reconcileOrders: () => require("./entry/timers"),
  onReviewCreated: () => require("./entry/restaurants"),
  onRestaurantWritten: () => require("./entry/restaurants"),
  onMenuWritten: () => require("./entry/restaurants"),
  setRole: () => require("./entry/users"),
  onDeviceWritten: () => require("./entry/users"),
  onCourierAreaWritten: () => require("./entry/users"),
  raiseTip: () => require("./entry/money"),
  createPromo: () => require("./entry/money"),
  resolveDelivery: () => require("./entry/decisions"),
  cancelOrder: () => require("./entry/complaints"),
  fileComplaint: () => require("./entry/complaints"),
  disputeComplaint: () => require("./entry/complaints"),
  decideComplaint: () => require("./entry/complaints"),
  onComplaintWritten: () => require("./entry/complaints"),
  recordSettlement: () => require("./entry/complaints"),
  quotePromo: () => require("./entry/money"),
  onPromoCodeWritten: () => require("./entry/money"),
  exportMyData: () => require("./entry/privacy"),
  deleteMyAccount: () => require("./entry/privacy"),
  api: () => require("./entry/api"),
  createApiClient: () => require("./entry/api"),
  rotateApiClient: () => require("./entry/api"),
  revokeApiClient: () => require("./entry/api"),
  setApiWebhook: () => require("./entry/api"),
  resendWebhook: () => require("./entry/api"),
  deliverWebhook: () => require("./entry/api"),
  stripeWebhook: () => require("./entry/payments"),
  paymentAction: () => require("./entry/payments"),
  removeCard: () => require("./entry/payments"),
};
/* eslint-enable @typescript-eslint/no-require-imports */

const target = process.env.FUNCTION_TARGET;
for (const [name, load] of Object.entries(ENTRIES)) {
  if (!target || target === name) module.exports[name] = load()[name];
}
