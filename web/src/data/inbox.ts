// A user's in-app notifications (written by the backend; the user only marks them read).
import { doc, updateDoc } from "firebase/firestore";
import { paths, QUERIES, type InboxNotification } from "@domain";
import { liveDb, liveQuery } from "../firebase/live";
import { useLiveQuery } from "./live";

export function useInbox(uid: string, pageSize: number) {
  return useLiveQuery<InboxNotification>(liveQuery(QUERIES.inbox(uid, pageSize)));
}

export function useUnread(uid: string) {
  return useLiveQuery<InboxNotification>(liveQuery(QUERIES.unread(uid)));
}

export function markRead(uid: string, notificationId: string): Promise<void> {
  return updateDoc(doc(liveDb, paths.notification(uid, notificationId)), { read: true });
}
