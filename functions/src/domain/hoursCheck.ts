// Whether a restaurant's opening hours are valid, and why not in words an owner understands: apart
// from hours.ts, so that a screen that only reads hours does not load the problem texts.

import { DAY_PATTERN, intervalsOf, minutesOf, WEEKDAYS, type Weekday } from "./hours";
import { LIMITS } from "./limits";
import { EN_PROBLEMS } from "./texts/problems/en";
import type { ProblemTexts } from "./texts/problems/types";

/** Why `value` is not valid opening hours, in words an owner understands, or null. */
export function hoursProblem(value: unknown, say: ProblemTexts = EN_PROBLEMS): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return say.hours.missing;
  for (const [day, text] of Object.entries(value)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) return say.hours.notADay(day);
    const named = say.days[day as Weekday];
    if (typeof text !== "string" || !DAY_PATTERN.test(text)) {
      return say.hours.shape(named, LIMITS.maxIntervalsPerDay);
    }
    let last = -1;
    for (const { open, close } of intervalsOf(text)) {
      if (minutesOf(open) >= minutesOf(close)) {
        return say.hours.endAfterStart(named);
      }
      if (minutesOf(open) < last) return say.hours.order(named);
      last = minutesOf(close);
    }
  }
  return null;
}
