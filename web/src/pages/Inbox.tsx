import { collection, doc, limit, orderBy, query, updateDoc } from "firebase/firestore";
import { paths, type InboxNotification } from "@domain";
import { db } from "../firebase/live";
import { useLiveQuery } from "../firebase/useLive";
import { dateTime } from "../components/format";
import { Empty, ErrorNote, Loading } from "../components/States";
import { RequireSignIn } from "../components/RequireSignIn";

export function Inbox() {
  return <RequireSignIn>{(uid) => <InboxList uid={uid} />}</RequireSignIn>;
}

function InboxList({ uid }: { uid: string }) {
  const items = useLiveQuery<InboxNotification>(
    query(collection(db, paths.inbox(uid)), orderBy("createdAt", "desc"), limit(100)),
    uid,
  );
  const markRead = (id: string) => updateDoc(doc(db, paths.notification(uid, id)), { read: true });
  const unread = items.data?.filter((n) => !n.read) ?? [];
  return (
    <main class="page narrow">
      <h1>Inbox</h1>
      {unread.length > 1 && (
        <button type="button" class="secondary" onClick={() => unread.forEach((n) => void markRead(n.id))}>
          Mark all read
        </button>
      )}
      {items.error !== undefined && <ErrorNote error={items.error} />}
      {items.data === undefined && !items.error && <Loading what="notifications" />}
      {items.data?.length === 0 && (
        <Empty>
          <p>Nothing here yet.</p>
        </Empty>
      )}
      <ul class="inbox">
        {items.data?.map((n) => (
          <li key={n.id} class={n.read ? "read" : "unread"} data-status={n.status}>
            <a
              href={`/orders/${n.orderId}`}
              onClick={() => {
                if (!n.read) void markRead(n.id);
              }}
            >
              <strong>{n.title}</strong>
              <span>{n.body}</span>
              <time>{dateTime(n.createdAt)}</time>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
