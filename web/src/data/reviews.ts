// Reviews: one per delivered order, by its customer; the backend signs and counts it.
import { doc, serverTimestamp, setDoc } from "firebase/firestore";
import { paths, type Review } from "@domain";
import { liveDb } from "../firebase/live";
import { useLiveDoc } from "./live";

export function useReview(rid: string, orderId: string) {
  return useLiveDoc<Review>(doc(liveDb, paths.review(rid, orderId)));
}

export function submitReview(rid: string, orderId: string, rating: number, text: string): Promise<void> {
  return setDoc(doc(liveDb, paths.review(rid, orderId)), { rating, text: text.trim(), createdAt: serverTimestamp() });
}
