// Reviews: one per delivered order, by its customer; the backend signs and counts it.
import { doc, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { paths, QUERIES, type Review } from "@domain";
import { liveDb, liveQuery } from "../firebase/live";
import { useGrowingList, useLiveDoc } from "./live";

export function useReview(rid: string, orderId: string) {
  return useLiveDoc<Review>(doc(liveDb, paths.review(rid, orderId)));
}

export function submitReview(rid: string, orderId: string, rating: number, text: string): Promise<void> {
  return setDoc(doc(liveDb, paths.review(rid, orderId)), { rating, text: text.trim(), createdAt: serverTimestamp() });
}

/** A restaurant's reviews, newest first, a page at a time, live. */
export function useRestaurantReviews(rid: string, pageSize: number) {
  return useGrowingList<Review>((max) => liveQuery(QUERIES.restaurantReviews(rid, max)), pageSize);
}

export function replyToReview(rid: string, orderId: string, reply: string): Promise<void> {
  return updateDoc(doc(liveDb, paths.review(rid, orderId)), { reply: reply.trim(), replyAt: serverTimestamp() });
}
