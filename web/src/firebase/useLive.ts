// Live Firestore views for components: subscribe on mount, unsubscribe when the view goes away.

import { useEffect, useState } from "preact/hooks";
import { onSnapshot, type DocumentReference, type Query } from "firebase/firestore";

export interface Live<T> {
  data: T | undefined;
  error: unknown;
}

export function useLiveDoc<T>(ref: DocumentReference | null, key: string): Live<(T & { id: string }) | null> {
  const [state, setState] = useState<Live<(T & { id: string }) | null>>({ data: undefined, error: undefined });
  useEffect(() => {
    if (!ref) return;
    setState({ data: undefined, error: undefined });
    return onSnapshot(
      ref,
      (snap) => setState({ data: snap.exists() ? { id: snap.id, ...(snap.data() as T) } : null, error: undefined }),
      (error) => setState({ data: undefined, error }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

export function useLiveQuery<T>(query: Query | null, key: string): Live<(T & { id: string })[]> {
  const [state, setState] = useState<Live<(T & { id: string })[]>>({ data: undefined, error: undefined });
  useEffect(() => {
    if (!query) return;
    setState({ data: undefined, error: undefined });
    return onSnapshot(
      query,
      (snap) => setState({ data: snap.docs.map((d) => ({ id: d.id, ...(d.data() as T) })), error: undefined }),
      (error) => setState({ data: undefined, error }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
