// What the backend's work needs from outside: the database, the push service and the clock.
// Triggers use the real ones; tests pass their own (a fake push service, a clock they set).

import type { Firestore } from "firebase-admin/firestore";
import { db } from "./admin";
import { pushSender, type PushSender } from "./notify/push";

export interface Deps {
  db: Firestore;
  push: PushSender;
  now: () => Date;
}

export function liveDeps(): Deps {
  return { db, push: pushSender(), now: () => new Date() };
}
