// Restaurants: the rating from reviews, and the public card and search entry.
import { onDocumentCreated, onDocumentWritten } from "firebase-functions/v2/firestore";

export const onReviewCreated = onDocumentCreated(
  { document: "restaurants/{restaurantId}/reviews/{orderId}", retry: true },
  async (event) => (await import("../reviews/onReviewCreated")).reviewCreated(event.params),
);

export const onRestaurantWritten = onDocumentWritten({ document: "restaurants/{rid}", retry: true }, async (event) => {
  const [{ syncListing }, { liveDeps }] = await Promise.all([import("../listings/syncListing"), import("../deps")]);
  await syncListing(liveDeps(), event.params.rid, !event.data?.before.exists);
});

export const onMenuWritten = onDocumentWritten(
  { document: "restaurants/{rid}/menu/{itemId}", retry: true },
  async (event) => {
    const [{ syncListing }, { liveDeps }] = await Promise.all([import("../listings/syncListing"), import("../deps")]);
    await syncListing(liveDeps(), event.params.rid, true);
  },
);
