// Folds a new review into its restaurant's rating, exactly once (the review is marked counted in
// the same transaction that moves the restaurant's sum and count), and signs it with its author's
// short name from their profile: the public review carries no user id, and no name the author
// typed for the occasion. A review whose author has deleted their account meanwhile (its order is
// gone) still counts, signed "former customer".

import { liveDeps, type Deps } from "../deps";
import {
  FORMER_CUSTOMER_REVIEW,
  paths,
  shortName,
  type Order,
  type Restaurant,
  type Review,
  type UserProfile,
} from "../domain";

export async function countReview({ db }: Deps, restaurantId: string, orderId: string): Promise<boolean> {
  const reviewRef = db.doc(paths.review(restaurantId, orderId));
  const restaurantRef = db.doc(paths.restaurant(restaurantId));
  return db.runTransaction(async (tx) => {
    const [reviewSnap, restaurantSnap, orderSnap] = await tx.getAll(
      reviewRef,
      restaurantRef,
      db.doc(paths.order(orderId)),
    );
    const review = reviewSnap.data() as (Review & { counted?: boolean }) | undefined;
    const restaurant = restaurantSnap.data() as Restaurant | undefined;
    const order = orderSnap.data() as Order | undefined;
    if (!review || review.counted || !restaurant) return false;
    const author = order
      ? ((await tx.get(db.doc(paths.user(order.customerId)))).data() as UserProfile | undefined)
      : null;
    const signature =
      !order || review.formerCustomer ? FORMER_CUSTOMER_REVIEW : { authorName: shortName(author?.displayName) };
    const ratingSum = (restaurant.ratingSum ?? 0) + review.rating;
    const ratingCount = (restaurant.ratingCount ?? 0) + 1;
    tx.update(restaurantRef, { ratingSum, ratingCount, ratingAvg: Math.round((ratingSum / ratingCount) * 100) / 100 });
    tx.update(reviewRef, { counted: true, ...signature });
    return true;
  });
}

export async function reviewCreated(params: { restaurantId: string; orderId: string }): Promise<void> {
  await countReview(liveDeps(), params.restaurantId, params.orderId);
}
