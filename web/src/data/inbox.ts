// A user's in-app notifications (written by the backend; the user only marks them read).
import { doc, onSnapshot, updateDoc } from "firebase/firestore";
import { paths, QUERIES, type InboxNotification } from "@domain";
import { liveDb, liveQuery } from "../firebase/live";
import { useLiveQuery } from "./live";

export function useInbox(uid: string, pageSize: number) {
  return useLiveQuery<InboxNotification>(liveQuery(QUERIES.inbox(uid, pageSize)));
}

export function markRead(uid: string, notificationId: string): Promise<void> {
  return updateDoc(doc(liveDb, paths.notification(uid, notificationId)), { read: true });
}

/** Listens to the newest notification only: one document read per arrival. */
export function watchNewestNotification(uid: string, onArrival: () => void): () => void {
  return onSnapshot(
    liveQuery(QUERIES.inbox(uid, 1)),
    () => onArrival(),
    () => undefined, // the badge keeps its last count; the next focus counts again
  );
}
