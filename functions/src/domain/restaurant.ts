// Whether a restaurant document can be interpreted: every field the backend prices or checks with
// and the web app displays. The rules refuse bad values where they are written; this is the
// defensive read for whatever got in anyway (older data, an admin tool, a bug).

import { isPhotoUrl, photoRule } from "./photos";
import { nameProblem } from "./publicText";
import { EN_PROBLEMS } from "./texts/problems/en";
import type { ProblemTexts } from "./texts/problems/types";
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
export function restaurantProblem(value: unknown, say: ProblemTexts = EN_PROBLEMS): string | null {
  const { restaurant: rs } = say;
  if (typeof value !== "object" || value === null) return rs.empty;
  const r = value as Record<string, unknown>;
  if (!isText(r.name, 1, LIMITS.maxNameLength)) return rs.name;
  // Its names are pushed to customers and printed on receipts: plain, or the restaurant is
  // refused as unreadable and its staff are told.
  const named = nameProblem(r.name, say.fields.restaurantName, say);
  if (named) return named;
  if (r.legalName !== undefined) {
    if (!isText(r.legalName, 1, LIMITS.maxLegalNameLength)) return rs.legalName(LIMITS.maxLegalNameLength);
    const legal = nameProblem(r.legalName, say.fields.legalName, say);
    if (legal) return legal;
  }
  if (!isTimeZone(r.timeZone)) return rs.timeZone(String(r.timeZone));
  if (!isCurrency(r.currency)) return rs.currency(String(r.currency));
  const hours = hoursProblem(r.openingHours, say);
  if (hours) return hours;
  const a = r.address as Record<string, unknown> | undefined;
  if (!a || !isLatLng(a) || !isText(a.line1, 1, LIMITS.maxAddressLineLength)) return rs.address;
  if (typeof r.isOpen !== "boolean") return rs.openSwitch;
  if (!isIntIn(r.prepTimeMin, LIMITS.minPrepTimeMin, LIMITS.maxPrepTimeMin)) return rs.prepTime;
  if (!isIntIn(r.deliveryRadiusM, LIMITS.minDeliveryRadiusM, LIMITS.maxDeliveryRadiusM)) {
    return rs.radius;
  }
  if (!isCents(r.deliveryFee) || !isCents(r.minOrder)) return rs.amounts;
  const cats = r.categories;
  if (
    !Array.isArray(cats) ||
    cats.length > LIMITS.maxCategories ||
    !cats.every((c) => isText(c, 1, LIMITS.maxCategoryLength))
  ) {
    return rs.categories;
  }
  for (const c of cats as string[]) {
    const category = nameProblem(c, say.fields.category, say);
    if (category) return category;
  }
  const isTimeOrNone = (v: unknown) =>
    v === undefined || v === null || typeof (v as { toMillis?: unknown }).toMillis === "function";
  if (!isTimeOrNone(r.pausedUntil) || !isTimeOrNone(r.busyUntil)) return rs.pauseOrBusy;
  if (r.busyExtraMin !== undefined && r.busyExtraMin !== null && !isIntIn(r.busyExtraMin, 0, LIMITS.maxBusyExtraMin)) {
    return rs.busyExtra;
  }
  if (r.imageUrl !== undefined && !isPhotoUrl(r.imageUrl)) return photoRule(say);
  return null;
}

export function asRestaurant(value: unknown): Restaurant | null {
  return restaurantProblem(value) === null ? (value as Restaurant) : null;
}
