// Ordering ahead: 15-minute delivery slots, today or tomorrow in the restaurant's time zone,
// inside its opening hours, and no sooner than the order could arrive. The checkout offers
// slotsFor(); the backend checks the chosen one with slotProblem(), the same code.

import { minutesToDoor } from "./eta";
import { addDays, hhmmOf, localTime, openingWindows, type OpeningHours } from "./hours";

export const SLOT_MINUTES = 15;
/** Today and tomorrow. */
export const SLOT_DAYS = 2;
const MIN = 60_000;

export type SlotProblem = "slot_invalid" | "slot_closed" | "slot_too_soon";

export interface SlotRestaurant {
  openingHours: OpeningHours;
  timeZone: string;
}

/** Every slot start, in order, that an order placed at `now` could be delivered in. */
export function slotsFor(r: SlotRestaurant, now: Date, leadMin: number): Date[] {
  const earliest = now.getTime() + leadMin * MIN;
  const out: Date[] = [];
  for (const w of openingWindows(r.openingHours, r.timeZone, now, SLOT_DAYS)) {
    // The first quarter hour on the local clock at or after the opening.
    const offset = localTime(w.open, r.timeZone).minute % SLOT_MINUTES;
    let start = w.open.getTime() + (offset === 0 ? 0 : (SLOT_MINUTES - offset) * MIN);
    for (; start + SLOT_MINUTES * MIN <= w.close.getTime(); start += SLOT_MINUTES * MIN) {
      if (start >= earliest) out.push(new Date(start));
    }
  }
  return out;
}

/** A slot as its day's list shows it, "18:00–18:15"; the last of a day ends at "00:00" (the day is
 * chosen apart, so neither end names one). */
export function slotLabel(start: Date, timeZone: string): string {
  const end = new Date(start.getTime() + SLOT_MINUTES * MIN);
  return `${hhmmOf(localTime(start, timeZone).minute)}–${hhmmOf(localTime(end, timeZone).minute)}`;
}

/** The slots grouped by their day on the restaurant's clock ("YYYY-MM-DD"), days in order. */
export function slotsByDay(slots: readonly Date[], timeZone: string): { date: string; slots: Date[] }[] {
  const days: { date: string; slots: Date[] }[] = [];
  for (const s of slots) {
    const date = localTime(s, timeZone).date;
    if (days.at(-1)?.date !== date) days.push({ date, slots: [] });
    days.at(-1)!.slots.push(s);
  }
  return days;
}

/** What is wrong with delivering in the slot starting at `slot`, or null. */
export function slotProblem(r: SlotRestaurant, slot: Date, now: Date, leadMin: number): SlotProblem | null {
  const ms = slot.getTime();
  if (!Number.isFinite(ms) || ms % MIN !== 0 || localTime(slot, r.timeZone).minute % SLOT_MINUTES !== 0) {
    return "slot_invalid";
  }
  const today = localTime(now, r.timeZone).date;
  const day = localTime(slot, r.timeZone).date;
  if (day !== today && day !== addDays(today, 1)) return "slot_invalid";
  const inHours = openingWindows(r.openingHours, r.timeZone, now, SLOT_DAYS).some(
    (w) => ms >= w.open.getTime() && ms + SLOT_MINUTES * MIN <= w.close.getTime(),
  );
  if (!inHours) return "slot_closed";
  if (ms < now.getTime() + leadMin * MIN) return "slot_too_soon";
  return null;
}

/** When the kitchen gets a scheduled order: in time for it to reach the door at the slot's start. */
export function releaseTime(slot: Date, prepMin: number, travelMin: number): Date {
  return new Date(slot.getTime() - minutesToDoor(prepMin, travelMin) * MIN);
}

/** The lead time a new order needs: prep, pickup and travel. */
export function leadMinutes(prepMin: number, travelMin: number): number {
  return minutesToDoor(prepMin, travelMin);
}
