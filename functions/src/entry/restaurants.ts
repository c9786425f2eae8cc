// Restaurants: the rating from reviews, the public card and search entry, the end of a pause, and
// a pause told to the restaurant's API clients (store.paused).
import { onDocumentCreated, onDocumentWritten } from "firebase-functions/v2/firestore";

export const onReviewCreated = onDocumentCreated(
  { document: "restaurants/{restaurantId}/reviews/{orderId}", retry: true },
  async (event) => (await import("../reviews/onReviewCreated")).reviewCreated(event.params),
);

export const onRestaurantWritten = onDocumentWritten({ document: "restaurants/{rid}", retry: true }, async (event) => {
  const [{ syncListing }, { liveDeps }, { schedulePauseEnd }, { emitPauseEvent }] = await Promise.all([
    import("../listings/syncListing"),
    import("../deps"),
    import("../restaurants/rush"),
    import("../api/webhooks/events"),
  ]);
  const { rid } = event.params;
  const [before, after] = [event.data?.before.data() as never, event.data?.after.data() as never];
  await Promise.all([
    syncListing(liveDeps(), rid, !event.data?.before.exists),
    schedulePauseEnd(rid, before, after),
    emitPauseEvent(liveDeps(), rid, before, after),
  ]);
});

export const onMenuWritten = onDocumentWritten(
  { document: "restaurants/{rid}/menu/{itemId}", retry: true },
  async (event) => {
    const [{ syncListing }, { liveDeps }] = await Promise.all([import("../listings/syncListing"), import("../deps")]);
    await syncListing(liveDeps(), event.params.rid, true);
  },
);
