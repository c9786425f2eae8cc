// The order triggers. Their work is imported on the first event.
import { onDocumentCreated, onDocumentUpdated } from "firebase-functions/v2/firestore";
import { STRIPE_SECRETS } from "../config";

// Both may talk to Stripe: placement asks whether cards are on, the effects authorise, capture and
// cancel card payments.
export const processOrder = onDocumentCreated(
  { document: "orders/{orderId}", retry: true, secrets: STRIPE_SECRETS },
  async (event) => (await import("../orders/created")).orderCreated(event),
);

export const onOrderUpdated = onDocumentUpdated(
  { document: "orders/{orderId}", retry: true, secrets: STRIPE_SECRETS },
  async (event) => (await import("../orders/triggers")).orderUpdated(event),
);
