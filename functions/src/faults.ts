// Fault injection for the reliability tests: on the emulators, and only when the test runner
// sets FAULT_INJECTION=on, a step fails as often as faults/{orderId} says. Elsewhere it is a
// no-op that reads nothing.

import { db } from "./admin";

export const FAULTS_COLLECTION = "_faults";

export function faultInjectionOn(): boolean {
  return process.env.FUNCTIONS_EMULATOR === "true" && process.env.FAULT_INJECTION === "on";
}

export async function maybeFail(step: string, orderId: string): Promise<void> {
  if (!faultInjectionOn()) return;
  const ref = db.doc(`${FAULTS_COLLECTION}/${orderId}`);
  const fire = await db.runTransaction(async (tx) => {
    const fault = (await tx.get(ref)).data() as { step?: string; remaining?: number } | undefined;
    if (!fault || fault.step !== step || !fault.remaining || fault.remaining <= 0) return false;
    tx.update(ref, { remaining: fault.remaining - 1 });
    return true;
  });
  if (fire) throw new Error(`injected fault at step "${step}" for order ${orderId}`);
}
