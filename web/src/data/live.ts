// Live Firestore views for components: subscribe while mounted, resubscribe only when the
// reference really changes (compared with refEqual / queryEqual, so callers may build it anew on
// every render), and say whether what is shown came from the cache or still waits to be sent.

import { useEffect, useRef, useState } from "preact/hooks";
import { onSnapshot, queryEqual, refEqual, type DocumentReference, type Query } from "firebase/firestore";

export interface Live<T> {
  /** undefined while loading. */
  data: T | undefined;
  error: unknown;
  /** Served from the local cache: the server has not confirmed it (offline, or just starting). */
  fromCache: boolean;
}

export type WithId<T> = T & { id: string };
/** A document in a live list, with whether it holds local changes not yet sent. */
export type LiveRow<T> = WithId<T> & { pending: boolean };

function useStable<T extends object>(value: T | null, equal: (a: T, b: T) => boolean): T | null {
  const kept = useRef(value);
  const same = value === null || kept.current === null ? value === kept.current : equal(kept.current, value);
  if (!same) kept.current = value;
  return kept.current;
}

const LOADING = { data: undefined, error: undefined, fromCache: false };

/** A live document: null when it does not exist (as far as the server or the cache knows). */
export function useLiveDoc<T>(ref: DocumentReference | null): Live<LiveRow<T> | null> {
  const stable = useStable(ref, refEqual);
  const [state, setState] = useState<Live<LiveRow<T> | null>>(LOADING);
  useEffect(() => {
    if (!stable) return;
    setState(LOADING);
    return onSnapshot(
      stable,
      { includeMetadataChanges: true },
      (snap) =>
        setState({
          data: snap.exists() ? { id: snap.id, ...(snap.data() as T), pending: snap.metadata.hasPendingWrites } : null,
          error: undefined,
          fromCache: snap.metadata.fromCache,
        }),
      (error) => setState({ data: undefined, error, fromCache: false }),
    );
  }, [stable]);
  return state;
}

export function useLiveQuery<T>(q: Query | null): Live<LiveRow<T>[]> {
  const stable = useStable(q, queryEqual);
  const [state, setState] = useState<Live<LiveRow<T>[]>>(LOADING);
  useEffect(() => {
    if (!stable) return;
    setState(LOADING);
    return onSnapshot(
      stable,
      { includeMetadataChanges: true },
      (snap) =>
        setState({
          data: snap.docs.map((d) => ({ id: d.id, ...(d.data() as T), pending: d.metadata.hasPendingWrites })),
          error: undefined,
          fromCache: snap.metadata.fromCache,
        }),
      (error) => setState({ data: undefined, error, fromCache: false }),
    );
  }, [stable]);
  return state;
}

export interface Growing<T> extends Live<LiveRow<T>[]> {
  /** There may be more: the list is as long as its limit. */
  hasMore: boolean;
  more: () => void;
}

/** A live list read a page at a time: `more` listens again with a limit one page longer, so every
 * row shown stays live; the rows already shown stay on screen while the longer list loads. */
export function useGrowingList<T>(build: (limit: number) => Query | null, pageSize: number): Growing<T> {
  const [pages, setPages] = useState(1);
  const max = pages * pageSize;
  const live = useLiveQuery<T>(build(max));
  const shown = useRef<LiveRow<T>[] | undefined>(undefined);
  if (live.data) shown.current = live.data;
  return {
    ...live,
    data: live.data ?? (live.error ? undefined : shown.current),
    hasMore: live.data?.length === max,
    more: () => setPages((p) => p + 1),
  };
}
