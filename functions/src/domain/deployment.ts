// Where Dishpatch runs. The functions set it once with setGlobalOptions; the web app and the
// tests call the callables in the same region.
export const REGION = "europe-west1";

/** What Dishpatch chooses for every function (functions/src/options.ts sets them; domain/capacity.ts models them; no function
 * sets its own, tests/unit/capacity.test.ts checks the sources). The model needs a few instances at
 * 1,000 orders a minute; 20 leave room for ten times that at the assumed execution time and cap
 * what a runaway loop (a trigger that keeps writing what triggers it) can cost. 80 requests an
 * instance is the platform's own default at one CPU, said here so that the model counts with it. */
export const FUNCTION_SETTINGS = { concurrency: 80, maxInstances: 20 } as const;

/** The task queues' cap on dispatches under way at once (rateLimits.maxConcurrentDispatches); the
 * queues in entry/ take theirs from here. */
export const TASK_QUEUE_CONCURRENCY = {
  /** acceptTimeout, releaseOrder, claimExpiry, endPause. */
  timers: 20,
  /** deliverWebhook: six deliveries an order, each waiting on a partner's endpoint (up to 10 s), so
   * a city at 1,000 orders a minute with a till on every restaurant keeps about 100 under way. */
  webhooks: 150,
} as const;
