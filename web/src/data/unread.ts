// The unread count in the header. The count itself is one aggregation read with Firestore Lite, so
// the first screen never loads the full SDK for a badge; once the page is idle, a listener on the
// newest notification (one document) says when to count again, so the badge stays live.
import { signal } from "@preact/signals";
import { getCount } from "firebase/firestore/lite";
import { QUERIES } from "@domain";
import { liteQuery } from "../firebase/lite";

/** Bumped when the user reads notifications, so the badge counts again. */
export const unreadChanged = signal(0);

export async function countUnread(uid: string): Promise<number> {
  return (await getCount(liteQuery(QUERIES.unread(uid)))).data().count;
}

/** Calls `onArrival` whenever a notification arrives; resolves to the unsubscribe function. */
export async function watchArrivals(uid: string, onArrival: () => void): Promise<() => void> {
  const { watchNewestNotification } = await import("./inbox");
  return watchNewestNotification(uid, onArrival);
}
