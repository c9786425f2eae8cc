import { paths } from "@domain";
import { collection, query, where } from "firebase/firestore";
import { db } from "../firebase/live";
import { useLiveQuery } from "../firebase/useLive";

export function UnreadBadge({ uid }: { uid: string }) {
  const { data } = useLiveQuery(query(collection(db, paths.inbox(uid)), where("read", "==", false)), uid);
  const n = data?.length ?? 0;
  return n > 0 ? (
    <span class="badge" aria-label={`${n} unread`} data-testid="unread">
      {n}
    </span>
  ) : null;
}
