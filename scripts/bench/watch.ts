// Waiting in the bench: a client listener's first sight of a document state, and plain pauses.
// No wait is unbounded: a stuck order fails the run instead of hanging it.

import { onSnapshot, type DocumentReference } from "firebase/firestore";

/** Long enough for the reconciler (every minute here, as in production) to finish an order whose
 * event the emulator lost, which is how the system itself recovers. */
export const WAIT_MS = 150_000;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the time a client listener first sees `done` hold, or rejects after `ms`. */
export function whenSeen(
  ref: DocumentReference,
  done: (data: Record<string, unknown>) => boolean,
  ms = WAIT_MS,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting on ${ref.path}`));
    }, ms);
    const stop = onSnapshot(
      ref,
      (s) => {
        const data = s.data();
        if (data && done(data) && !s.metadata.hasPendingWrites) {
          clearTimeout(timer);
          stop();
          resolve(performance.now());
        }
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
