import { useUnread } from "../data/inbox";

export function UnreadBadge({ uid }: { uid: string }) {
  const { data } = useUnread(uid);
  const n = data?.length ?? 0;
  return n > 0 ? (
    <span class="badge" aria-label={`${n} unread`} data-testid="unread">
      {n}
    </span>
  ) : null;
}
