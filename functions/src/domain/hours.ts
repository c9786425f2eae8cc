// Opening hours are local wall-clock times in the restaurant's own time zone.

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "HH:MM" 24-hour; close "24:00" means midnight. A close before open runs past midnight. */
export interface OpeningInterval {
  open: string;
  close: string;
}

export type OpeningHours = Partial<Record<Weekday, OpeningInterval[]>>;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function isHhMm(value: unknown): value is string {
  return typeof value === "string" && HHMM.test(value);
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

/** The weekday and minute of the day at `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): { day: Weekday; minute: number } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = get("weekday").toLowerCase().slice(0, 3) as Weekday;
  return { day, minute: Number(get("hour")) * 60 + Number(get("minute")) };
}

function previous(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7];
}

export function isOpenAt(hours: OpeningHours, timeZone: string, at: Date): boolean {
  const { day, minute } = localTime(at, timeZone);
  for (const { open, close } of hours[day] ?? []) {
    const o = minutesOf(open);
    const c = minutesOf(close);
    if (c > o ? minute >= o && minute < c : minute >= o) return true;
  }
  // Yesterday's intervals that run past midnight.
  for (const { open, close } of hours[previous(day)] ?? []) {
    const o = minutesOf(open);
    const c = minutesOf(close);
    if (c <= o && minute < c) return true;
  }
  return false;
}

export function allDay(): OpeningHours {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, [{ open: "00:00", close: "24:00" }]]));
}

/** The calendar day ("YYYY-MM-DD") of `at` in `timeZone`: the key of a restaurant's daily stats. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
