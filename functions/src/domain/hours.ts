// Opening hours are local wall-clock intervals in the restaurant's own time zone, stored per weekday
// as one string: "11:30-14:30,17:00-22:00" (up to four intervals, "" or no entry when closed).
// Every interval opens before it closes within its day ("24:00" closes at midnight); hours past
// midnight are the next day's interval from "00:00". One string per day lets firestore.rules check
// a whole week with one pattern; the ordering within a day is checked here, by the editor and by
// the backend's defensive read.

import { LOCALES, type Language } from "./language";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "HH:MM", 24-hour. */
export interface OpeningInterval {
  open: string;
  close: string;
}

/** weekday -> "HH:MM-HH:MM,HH:MM-HH:MM" */
export type OpeningHours = Partial<Record<Weekday, string>>;

const OPEN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** One day's intervals, as firestore.rules checks them (the same pattern). */
export const DAY_PATTERN =
  /^(|(([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00))(,(([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00))){0,3})$/;

/** The intervals of one day's string (which must match DAY_PATTERN). */
export function intervalsOf(day: string | undefined): OpeningInterval[] {
  if (!day) return [];
  return day.split(",").map((i) => {
    const [open, close] = i.split("-");
    return { open, close };
  });
}

export function dayOf(intervals: readonly OpeningInterval[]): string {
  return intervals.map((i) => `${i.open}-${i.close}`).join(",");
}

export function isHhMm(value: unknown): value is string {
  return typeof value === "string" && (OPEN.test(value) || value === "24:00");
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

export function hhmmOf(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(timeZone: string, at: Date): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
}

/** The weekday, minute of the day and calendar date ("YYYY-MM-DD") of `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): { day: Weekday; minute: number; date: string } {
  const p = partsIn(timeZone, at);
  return {
    day: p.weekday.toLowerCase().slice(0, 3) as Weekday,
    minute: Number(p.hour) * 60 + Number(p.minute),
    date: `${p.year}-${p.month}-${p.day}`,
  };
}

/** The calendar day ("YYYY-MM-DD") of `at` in `timeZone`: the key of a restaurant's daily figures. */
export function localDay(at: Date, timeZone: string): string {
  return localTime(at, timeZone).date;
}

export function isOpenAt(hours: OpeningHours, timeZone: string, at: Date): boolean {
  const { day, minute } = localTime(at, timeZone);
  return intervalsOf(hours[day]).some((i) => minute >= minutesOf(i.open) && minute < minutesOf(i.close));
}

/** The instant at which the wall clock in `timeZone` shows `date` ("YYYY-MM-DD") and `minute`. */
export function zonedInstant(date: string, minute: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d, 0, minute);
  // Two passes settle the zone's offset, also next to a daylight-saving change.
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = partsIn(timeZone, new Date(guess));
    const shown = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    guess += wall - shown;
  }
  return new Date(guess);
}

/** The calendar date `n` days after `date` ("YYYY-MM-DD"). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split("-").map(Number);
  return WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7];
}

/** A calendar day ("2026-12-07") as a reader of `lang` finds it in a list of days: "Mon, 7 Dec",
 * "Mo., 7. Dez.". The day is a date, not an instant: it is formatted at noon UTC, in UTC. */
export function dayLabel(date: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(`${date}T12:00:00Z`));
}

/** The local opening intervals of the next `days` calendar days, from today, as instants. */
export function openingWindows(
  hours: OpeningHours,
  timeZone: string,
  from: Date,
  days = 2,
): { date: string; open: Date; close: Date }[] {
  const today = localTime(from, timeZone).date;
  const out: { date: string; open: Date; close: Date }[] = [];
  for (let k = 0; k < days; k++) {
    const date = addDays(today, k);
    for (const i of intervalsOf(hours[weekdayOf(date)])) {
      out.push({
        date,
        open: zonedInstant(date, minutesOf(i.open), timeZone),
        close: zonedInstant(date, minutesOf(i.close), timeZone),
      });
    }
  }
  return out;
}

/** When the restaurant next opens after `at` (within a week), or null if it never does. */
export function nextOpening(hours: OpeningHours, timeZone: string, at: Date): Date | null {
  for (const w of openingWindows(hours, timeZone, at, 8)) {
    if (w.open.getTime() > at.getTime()) return w.open;
  }
  return null;
}

export function allDay(): OpeningHours {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, "00:00-24:00"]));
}

/** The one word clockTime needs besides the clock and the weekday. */
const TOMORROW: Record<Language, string> = { en: "tomorrow", de: "morgen" };

/** `at` on the restaurant's clock as seen at `now`, in `lang`: "19:45" today, "tomorrow 07:00"
 * ("morgen 07:00"), or "Fri 07:00" ("Fr. 07:00"). */
export function clockTime(at: Date, timeZone: string, now: Date, lang: Language = "en"): string {
  const p = partsIn(timeZone, at);
  const hhmm = `${p.hour}:${p.minute}`;
  const day = localTime(at, timeZone).date;
  const today = localTime(now, timeZone).date;
  if (day === today) return hhmm;
  if (day === addDays(today, 1)) return `${TOMORROW[lang]} ${hhmm}`;
  const weekday =
    lang === "en" ? p.weekday : new Intl.DateTimeFormat(LOCALES[lang], { timeZone, weekday: "short" }).format(at);
  return `${weekday} ${hhmm}`;
}
