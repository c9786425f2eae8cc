// Every deployed function, by name.
export { processOrder } from "./orders/processOrder";
export { onOrderUpdated } from "./orders/onOrderUpdated";
export { acceptTimeout } from "./orders/acceptTimeout";
export { onReviewCreated } from "./reviews/onReviewCreated";
export { setRole } from "./roles/setRole";
