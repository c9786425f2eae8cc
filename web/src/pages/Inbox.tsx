// The inbox: one entry per order, showing its latest news and the big moments so far with their
// times, each said in the reader's language now; and the restaurant's notices to its staff.

import { INBOX_MOMENTS, type InboxNotification } from "@domain";
import { markAllRead, markRead, useInbox } from "../data/inbox";
import { unreadChanged } from "../data/unread";
import { clock, dateTime } from "../components/format";
import { statusLabel, t } from "../i18n";
import { inboxText } from "../i18n/domainTexts";
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
          <li key={n.id} class={n.read ? "read" : "unread"} data-status={n.status} data-order={n.orderId ?? undefined}>
            <a
              href={n.link ?? `/orders/${n.orderId}`}
              onClick={() => {
                if (!n.read) read(n.id);
              }}
            >
              <Entry entry={n} />
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

function Entry({ entry: n }: { entry: InboxNotification }) {
  const message = inboxText(n);
  const moments = INBOX_MOMENTS.filter((s) => n.moments?.[s]).sort(
    (a, b) => n.moments![a]!.toMillis() - n.moments![b]!.toMillis(),
  );
  return (
    <>
      <strong>{message?.title ?? "…"}</strong>
      <span>{message?.body ?? ""}</span>
      {moments.length > 0 && (
        <ol class="moments" aria-label={t("inbox.history")}>
          {moments.map((s) => (
            <li key={s} data-moment={s}>
              {statusLabel(s)} <time>{clock(n.moments![s])}</time>
            </li>
          ))}
        </ol>
      )}
      <time>{dateTime(n.updatedAt ?? n.createdAt)}</time>
    </>
  );
}
