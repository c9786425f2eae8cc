// Folds a new review into its restaurant's rating, exactly once: the review is marked
// counted in the same transaction that moves the restaurant's sum and count.

import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { db } from "../admin";
import { REGION } from "../config";
import { metered } from "../metering";
import { paths, type Restaurant, type Review } from "../domain";

export async function countReview(restaurantId: string, orderId: string): Promise<boolean> {
  const reviewRef = db.doc(paths.review(restaurantId, orderId));
  const restaurantRef = db.doc(paths.restaurant(restaurantId));
  return db.runTransaction(async (tx) => {
    const review = (await tx.get(reviewRef)).data() as (Review & { counted?: boolean }) | undefined;
    const restaurant = (await tx.get(restaurantRef)).data() as Restaurant | undefined;
    if (!review || review.counted || !restaurant) return false;
    const ratingSum = (restaurant.ratingSum ?? 0) + review.rating;
    const ratingCount = (restaurant.ratingCount ?? 0) + 1;
    tx.update(restaurantRef, {
      ratingSum,
      ratingCount,
      ratingAvg: Math.round((ratingSum / ratingCount) * 100) / 100,
    });
    tx.update(reviewRef, { counted: true });
    return true;
  });
}

export const onReviewCreated = onDocumentCreated(
  { document: "restaurants/{restaurantId}/reviews/{orderId}", region: REGION, retry: true },
  async (event) => {
    await metered("onReviewCreated", event.params.orderId, () =>
      countReview(event.params.restaurantId, event.params.orderId),
    );
  },
);
