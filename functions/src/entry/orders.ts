// The order triggers. Their work is imported on the first event.
import { onDocumentCreated, onDocumentUpdated } from "firebase-functions/v2/firestore";

export const processOrder = onDocumentCreated({ document: "orders/{orderId}", retry: true }, async (event) =>
  (await import("../orders/triggers")).orderCreated(event),
);

export const onOrderUpdated = onDocumentUpdated({ document: "orders/{orderId}", retry: true }, async (event) =>
  (await import("../orders/triggers")).orderUpdated(event),
);
