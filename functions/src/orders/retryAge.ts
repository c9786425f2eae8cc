// How long a trigger retries a failed event before it gives up and leaves it to the reconciler.

export const MAX_RETRY_AGE_MS = 60 * 60 * 1000;

/** Whether an event is too old to retry any longer (the reconciler takes over). */
export function tooOldToRetry(eventTime: string, now: Date): boolean {
  return now.getTime() - Date.parse(eventTime) > MAX_RETRY_AGE_MS;
}
