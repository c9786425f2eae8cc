import { useEffect, useState } from "preact/hooks";
import { t } from "../i18n";
/** The live part waits until the first screen has painted. */
const IDLE_MS = 1500;

export function UnreadBadge({ uid }: { uid: string }) {
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    let stopReading: (() => void) | undefined;
    const refresh = () =>
      void counter
        .then(({ countUnread }) => countUnread(uid))
        .then(
          (c) => live && setN(c),
          () => undefined,
        );
    // The counter (Firestore Lite) loads with the session, after the first paint.
    const counter = import("../data/unread");
    void counter.then(({ unreadChanged }) => {
      if (live) stopReading = unreadChanged.subscribe(refresh); // runs now, and after each markRead
    });
    window.addEventListener("focus", refresh);
    // The first snapshot counts once more; every arrival after it counts again.
    let stop: (() => void) | undefined;
    const idle = setTimeout(() => {
      void counter
        .then(({ watchArrivals }) => watchArrivals(uid, refresh))
        .then((unsubscribe) => (live ? (stop = unsubscribe) : unsubscribe()));
    }, IDLE_MS);
    return () => {
      live = false;
      clearTimeout(idle);
      stop?.();
      stopReading?.();
      window.removeEventListener("focus", refresh);
    };
  }, [uid]);
  return n > 0 ? (
    <span class="badge" aria-label={t("nav.unread", { n })} data-testid="unread">
      {n}
    </span>
  ) : null;
}
