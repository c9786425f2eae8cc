// Views that paint from one REST read (firebase/rest.ts: no SDK before the first paint) and then
// follow the data live once the full SDK has loaded in the background: a customer's restaurant
// page shows its menu without waiting for the full SDK, and a dish that sells out afterwards
// still says so at once. Until the server has answered the live listener, its cache-only
// snapshots do not replace what the first read found (an empty cache would blank the page); when
// that read fails (offline), the cache is what there is.

import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type * as Firestore from "firebase/firestore";
import { menuFromDocs, QUERIES, type QuerySpec } from "@domain";
import { restDoc, restQuery } from "../firebase/rest";
import type * as LiveFirestore from "../firebase/live";
import type { Live, LiveRow } from "./live";
import type { MenuEntry } from "./menu";

const LOADING = { data: undefined, error: undefined, fromCache: false };

type Snap = { id: string; data: () => unknown };
const row = <T>(d: Snap, pending = false): LiveRow<T> => ({ id: d.id, ...(d.data() as T), pending });

type LiveModule = typeof LiveFirestore;
type Sdk = typeof Firestore;

// First reads under way on the page: the full SDK loads once all of them have answered, or its
// start-up would hold back the paint of the ones still coming (the menu's before the head's).
let firstReads = 0;
let waiting: (() => void)[] = [];
function counted<V>(read: Promise<V>): Promise<V> {
  firstReads++;
  const done = () => {
    if (--firstReads > 0) return;
    const ready = waiting;
    waiting = [];
    for (const go of ready) go();
  };
  read.then(done, done);
  return read;
}
const allFirstAnswered = () =>
  firstReads === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve));
/** After the next frame is painted (or a second, where a hidden tab paints no frames). */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 1000);
  });

/** Runs `first` once and `live` as soon as the full SDK is there; `live` returns its unsubscribe. */
function useSoonLive<V>(
  key: string | null,
  first: () => Promise<V>,
  live: (sdk: Sdk, m: LiveModule, take: (v: V, fromCache: boolean) => void, fail: (e: unknown) => void) => () => void,
): Live<V> {
  const [state, setState] = useState<Live<V>>(LOADING);
  // The readers are built anew on every render; what they read is `key`'s business.
  const readers = useRef({ first, live });
  readers.current = { first, live };
  useEffect(() => {
    if (key === null) return;
    const { first, live } = readers.current;
    let cancelled = false;
    let fromServer = false;
    let firstFailed = false;
    let stop: (() => void) | undefined;
    setState(LOADING);
    const read = counted(first()).then(
      (data) => {
        if (!cancelled && !fromServer) setState({ data, error: undefined, fromCache: false });
      },
      (error: unknown) => {
        firstFailed = true;
        if (!cancelled && !fromServer) setState((s) => (s.data === undefined ? { ...s, error } : s));
      },
    );
    // The full SDK waits until the first read has answered, the page is painted with what it read, and the
    // browser is idle: the page is usable first. (Idle alone comes while the answers are on
    // their way.)
    const idle = read
      .then(allFirstAnswered)
      .then(afterPaint)
      .then(
        () =>
          new Promise<void>((resolve) =>
            "requestIdleCallback" in window
              ? requestIdleCallback(() => resolve(), { timeout: 2000 })
              : setTimeout(resolve, 500),
          ),
      );
    void idle
      .then(() => Promise.all([import("firebase/firestore"), import("../firebase/live")]))
      .then(([sdk, m]) => {
        if (cancelled) return;
        stop = live(
          sdk,
          m,
          (data, fromCache) => {
            if (!fromCache) fromServer = true;
            if (fromCache && !fromServer && !firstFailed) return;
            setState({ data, error: undefined, fromCache });
          },
          (error) => setState({ data: undefined, error, fromCache: false }),
        );
      });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [key]);
  return state;
}

/** A document: null when it does not exist. */
export function useDocSoonLive<T>(path: string | null): Live<LiveRow<T> | null> {
  return useSoonLive<LiveRow<T> | null>(
    path,
    async () => {
      const snap = await restDoc(path!);
      return snap ? row<T>(snap) : null;
    },
    (sdk, m, take, fail) =>
      sdk.onSnapshot(
        sdk.doc(m.liveDb, path!),
        { includeMetadataChanges: true },
        (snap) => take(snap.exists() ? row<T>(snap, snap.metadata.hasPendingWrites) : null, snap.metadata.fromCache),
        fail,
      ),
  );
}

/** The documents a query spec selects. */
export function useQuerySoonLive<T>(spec: QuerySpec | null): Live<LiveRow<T>[]> {
  return useSoonLive<LiveRow<T>[]>(
    spec && JSON.stringify(spec),
    async () => (await restQuery(spec!)).map((d) => row<T>(d)),
    (sdk, m, take, fail) =>
      sdk.onSnapshot(
        m.liveQuery(spec!),
        { includeMetadataChanges: true },
        (snap) =>
          take(
            snap.docs.map((d) => row<T>(d, d.metadata.hasPendingWrites)),
            snap.metadata.fromCache,
          ),
        fail,
      ),
  );
}

/** A restaurant's menu as customers see it, in the staff's order. */
export function useMenuSoonLive(rid: string) {
  const menu = useQuerySoonLive<MenuEntry>(QUERIES.menu(rid));
  return useMemo(() => (menu.data ? { ...menu, data: menuFromDocs(menu.data) } : menu), [menu]);
}
