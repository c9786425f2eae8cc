// Whether a restaurant document can be interpreted: every field the backend prices or checks with
// and the web app displays. The rules refuse bad values where they are written; this is the
// defensive read for whatever got in anyway (older data, an admin tool, a bug).

import { isPhotoUrl, PHOTO_RULE } from "./photos";
import { isLatLng } from "./geo";
import { hoursProblem } from "./hours";
import { LIMITS } from "./limits";
import { isCurrency, isTimeZone } from "./locale";
import { isCents } from "./money";
import type { Restaurant } from "./types";

const isText = (v: unknown, min: number, max: number): v is string =>
  typeof v === "string" && v.length >= min && v.length <= max;
const isIntIn = (v: unknown, min: number, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** The first thing wrong with a restaurant document, in words its staff understand, or null. */
export function restaurantProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return "The restaurant has no data.";
  const r = value as Record<string, unknown>;
  if (!isText(r.name, 1, LIMITS.maxNameLength)) return "The name is missing or too long.";
  if (!isTimeZone(r.timeZone)) return `"${String(r.timeZone)}" is not a time zone Dishpatch supports.`;
  if (!isCurrency(r.currency)) return `"${String(r.currency)}" is not a currency Dishpatch supports.`;
  const hours = hoursProblem(r.openingHours);
  if (hours) return hours;
  const a = r.address as Record<string, unknown> | undefined;
  if (!a || !isLatLng(a) || !isText(a.line1, 1, LIMITS.maxAddressLineLength)) return "The address is missing.";
  if (typeof r.isOpen !== "boolean") return "The open switch is missing.";
  if (!isIntIn(r.prepTimeMin, LIMITS.minPrepTimeMin, LIMITS.maxPrepTimeMin))
    return "The preparation time is out of range.";
  if (!isIntIn(r.deliveryRadiusM, LIMITS.minDeliveryRadiusM, LIMITS.maxDeliveryRadiusM)) {
    return "The delivery radius is out of range.";
  }
  if (!isCents(r.deliveryFee) || !isCents(r.minOrder)) return "The delivery fee or minimum order is not an amount.";
  const cats = r.categories;
  if (
    !Array.isArray(cats) ||
    cats.length > LIMITS.maxCategories ||
    !cats.every((c) => isText(c, 1, LIMITS.maxCategoryLength))
  ) {
    return "The menu categories are not valid.";
  }
  const isTimeOrNone = (v: unknown) =>
    v === undefined || v === null || typeof (v as { toMillis?: unknown }).toMillis === "function";
  if (!isTimeOrNone(r.pausedUntil) || !isTimeOrNone(r.busyUntil)) return "The pause or busy time is not a time.";
  if (r.busyExtraMin !== undefined && r.busyExtraMin !== null && !isIntIn(r.busyExtraMin, 0, LIMITS.maxBusyExtraMin)) {
    return "The busy-mode extra time is out of range.";
  }
  if (r.imageUrl !== undefined && !isPhotoUrl(r.imageUrl)) return PHOTO_RULE;
  return null;
}

export function asRestaurant(value: unknown): Restaurant | null {
  return restaurantProblem(value) === null ? (value as Restaurant) : null;
}
