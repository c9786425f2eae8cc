import { signal, effect, type Signal } from "@preact/signals";

/** A signal kept in localStorage, so it survives a reload. */
export function persisted<T>(key: string, initial: T, valid: (v: unknown) => v is T): Signal<T> {
  let start = initial;
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw === null ? undefined : JSON.parse(raw);
    if (parsed !== undefined && valid(parsed)) start = parsed;
  } catch {
    // a corrupt entry is replaced by the initial value
  }
  const s = signal<T>(start);
  effect(() => localStorage.setItem(key, JSON.stringify(s.value)));
  return s;
}
