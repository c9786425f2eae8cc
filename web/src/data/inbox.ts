// A user's in-app notifications (written by the backend; the user only marks them read).
import { doc, onSnapshot, updateDoc, writeBatch } from "firebase/firestore";
import { paths, QUERIES, type InboxNotification } from "@domain";
import { liveDb, liveQuery } from "../firebase/live";
import { useEffect } from "preact/hooks";
import { useGrowingList } from "./live";
import { unreadChanged } from "./unread";

export function useInbox(uid: string, pageSize: number) {
  return useGrowingList<InboxNotification>((max) => liveQuery(QUERIES.inbox(uid, max)), pageSize);
}

export function markRead(uid: string, notificationId: string): Promise<void> {
  return updateDoc(doc(liveDb, paths.notification(uid, notificationId)), { read: true });
}

/** One batch for all: one write each, one round trip. */
export function markAllRead(uid: string, notificationIds: string[]): Promise<void> {
  const batch = writeBatch(liveDb);
  for (const id of notificationIds) batch.update(doc(liveDb, paths.notification(uid, id)), { read: true });
  return batch.commit();
}

/** Listens to the newest notification only: one document read per arrival. */
export function watchNewestNotification(uid: string, onArrival: () => void): () => void {
  // Only what the server has: a local change (marking read) would be counted before it commits.
  return onSnapshot(
    liveQuery(QUERIES.inbox(uid, 1)),
    { includeMetadataChanges: true },
    (snap) => {
      if (!snap.metadata.hasPendingWrites) onArrival();
    },
    () => undefined, // the badge keeps its last count; the next focus counts again
  );
}

/** While the customer watches an order, its inbox entries count as read: marked so as they arrive. */
export function useReadWhileWatching(uid: string | undefined, orderId: string): void {
  useEffect(() => {
    if (!uid) return;
    return onSnapshot(
      liveQuery(QUERIES.unreadAbout(uid, orderId)),
      (snap) => {
        if (!snap.empty && !snap.metadata.hasPendingWrites)
          markAllRead(
            uid,
            snap.docs.map((d) => d.id),
          ).then(
            () => unreadChanged.value++,
            () => undefined, // stays unread; the inbox still offers it
          );
      },
      () => undefined,
    );
  }, [uid, orderId]);
}
