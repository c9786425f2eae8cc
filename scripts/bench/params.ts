// The functions' parameters for a bench run (scripts/bench.ts writes them to functions/.env.local;
// the rounds read the same values).

/** The bench's parameters for rounds of `seconds`:
 * - no order times out during its own round, and each ends soon after it;
 * - the reconciler steps in 5 s after a change, as the test runner has it;
 * - a task that comes early is left to the reconciler however near its time
 *   (TASK_EARLY_RETRY_SECONDS=0): the emulator dispatches every accept timeout the moment the order
 *   is placed, and retrying each every few seconds until it is due would flood the rounds with
 *   invocations that production never makes (Cloud Tasks delivers on time, once). */
export function benchParams(seconds: number) {
  return { ACCEPT_TIMEOUT_SECONDS: seconds + 15, RECONCILE_GRACE_SECONDS: 5, TASK_EARLY_RETRY_SECONDS: 0 };
}

export function envLocal(seconds: number): string {
  const lines = Object.entries(benchParams(seconds)).map(([k, v]) => `${k}=${v}`);
  return `# written by npm run bench for its run; removed when it ends\n${lines.join("\n")}\n`;
}
