// A restaurant's controls for a rush: pausing new orders for a while, busy mode (a longer prep
// time for a while), and the backend's auto-pause after orders time out unanswered. Whether a
// restaurant is paused or busy is read from the time its pause or busy spell ends, so nothing
// depends on the backend clearing it on time; the backend clears an ended pause anyway and tells
// the staff.

import { addDays, isOpenAt, localTime, nextOpening, openingWindows, zonedInstant, type OpeningHours } from "./hours";
import type { TimestampLike } from "./types";

/** How long staff can pause for, in minutes; "tomorrow" pauses until the next day's opening. */
export const PAUSE_CHOICES = [15, 30, 60] as const;
/** Minutes busy mode adds to the prep time, and for how long it lasts. */
export const BUSY_CHOICES = [10, 20, 30] as const;
export const BUSY_FOR_MIN = 60;
/** The backend pauses a restaurant after this many orders in a row time out unanswered. */
export const AUTO_PAUSE_AFTER_MISSES = 3;
export const AUTO_PAUSE_MIN = 30;
/** A pause can reach this far ahead (the rules carry the same bound). */
export const MAX_PAUSE_HOURS = 48;

export type PausedBy = "staff" | "auto";

export interface RushState {
  pausedUntil?: TimestampLike | null;
  pausedBy?: PausedBy | null;
  busyUntil?: TimestampLike | null;
  busyExtraMin?: number | null;
  prepTimeMin: number;
}

const millis = (t: TimestampLike | null | undefined) => (t ? t.toMillis() : 0);

/** When the pause ends, or null when the restaurant is not paused at `now`. */
export function pausedUntil(r: RushState, now: Date): Date | null {
  const end = millis(r.pausedUntil);
  return end > now.getTime() ? new Date(end) : null;
}

/** Minutes busy mode adds at `now` (0 when not busy). */
export function busyExtraMinutes(r: RushState, now: Date): number {
  return millis(r.busyUntil) > now.getTime() ? (r.busyExtraMin ?? 0) : 0;
}

/** The restaurant's prep time estimate at `now`: its usual time, plus busy mode. */
export function currentPrepMinutes(r: RushState, now: Date): number {
  return r.prepTimeMin + busyExtraMinutes(r, now);
}

/** The end of a pause "until tomorrow": the first opening on the next calendar day in the
 * restaurant's time zone (or its next day's midnight when it has no hours then). */
export function tomorrowsOpening(hours: OpeningHours, timeZone: string, now: Date): Date {
  const tomorrow = addDays(localTime(now, timeZone).date, 1);
  const opening = openingWindows(hours, timeZone, now, 2).find((w) => w.date === tomorrow);
  return opening ? opening.open : zonedInstant(tomorrow, 0, timeZone);
}

/** Whether the restaurant takes an as-soon-as-possible order at `now`, and if not, why. */
export function asapState(
  r: RushState & { isOpen: boolean; openingHours: OpeningHours; timeZone: string },
  now: Date,
): { open: true } | { open: false; why: "switched_off" | "paused" | "closed"; until: Date | null } {
  if (!r.isOpen) return { open: false, why: "switched_off", until: null };
  const paused = pausedUntil(r, now);
  if (paused) return { open: false, why: "paused", until: paused };
  if (!isOpenAt(r.openingHours, r.timeZone, now)) {
    return { open: false, why: "closed", until: nextOpening(r.openingHours, r.timeZone, now) };
  }
  return { open: true };
}
