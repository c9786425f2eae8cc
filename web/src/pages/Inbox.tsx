import { markAllRead, markRead, useInbox } from "../data/inbox";
import { unreadChanged } from "../data/unread";
import { dateTime } from "../components/format";
import { t } from "../i18n";
import { Empty, ErrorNote, Loading } from "../components/States";
import { RequireSignIn } from "../components/RequireSignIn";
import "../i18n/shop"; // this screen's texts

/** Notifications per page; older ones come with Show older. */
const PAGE = 20;

export function Inbox() {
  return <RequireSignIn>{(uid) => <InboxList uid={uid} />}</RequireSignIn>;
}

function InboxList({ uid }: { uid: string }) {
  const items = useInbox(uid, PAGE);
  const read = (id: string) => void markRead(uid, id).then(() => unreadChanged.value++);
  const unread = items.data?.filter((n) => !n.read) ?? [];
  return (
    <main class="page narrow">
      <h1>{t("inbox.title")}</h1>
      {unread.length > 1 && (
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void markAllRead(
              uid,
              unread.map((n) => n.id),
            ).then(() => unreadChanged.value++)
          }
        >
          {t("inbox.markAll")}
        </button>
      )}
      {items.error !== undefined && <ErrorNote error={items.error} />}
      {items.data === undefined && !items.error && <Loading what={t("inbox.loading")} />}
      {items.data?.length === 0 && (
        <Empty>
          <p>{t("inbox.none")}</p>
        </Empty>
      )}
      <ul class="inbox">
        {items.data?.map((n) => (
          <li key={n.id} class={n.read ? "read" : "unread"} data-status={n.status}>
            <a
              href={n.link ?? `/orders/${n.orderId}`}
              onClick={() => {
                if (!n.read) read(n.id);
              }}
            >
              <strong>{n.title}</strong>
              <span>{n.body}</span>
              <time>{dateTime(n.createdAt)}</time>
            </a>
          </li>
        ))}
      </ul>
      {items.hasMore && (
        <button type="button" class="secondary" onClick={items.more}>
          {t("inbox.older")}
        </button>
      )}
    </main>
  );
}
