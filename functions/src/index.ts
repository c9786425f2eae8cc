// Every deployed function, by name.
import "./options";

export { processOrder, onOrderUpdated } from "./orders/triggers";
export { acceptTimeout } from "./orders/acceptTimeout";
export { reconcileOrders } from "./orders/reconcile";
export { onReviewCreated } from "./reviews/onReviewCreated";
export { setRole } from "./roles/setRole";
export { onDeviceWritten } from "./notify/devices";
export { onMenuWritten, onRestaurantWritten } from "./listings/syncListing";
