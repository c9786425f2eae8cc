import { CITY, clockTime, formatCents, type TimestampLike } from "@domain";
import { language, locale, t, type Key } from "../i18n";

/** A number with `digits` decimals, as the reader's language writes it ("1.6" or "1,6"). */
export const decimal = (n: number, digits = 1) =>
  new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

/** An amount for a form field, as the reader's language writes it ("9,50"); parseCents reads both. */
export const amountInput = (cents: number) =>
  new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(
    cents / 100,
  );

/** An amount as the reader's language writes it, in the restaurant's currency. */
export const money = (cents: number, currency = "EUR") => formatCents(cents, currency, locale());

/** An amount taken off ("−4,50 €"); nothing taken off reads "0,00 €", never "−0,00 €". */
export const deduction = (cents: number, currency = "EUR") =>
  cents === 0 ? money(0, currency) : `−${money(cents, currency)}`;

/** "19:45": in the restaurant's time zone where one is given (an order's times are the
 * restaurant's, like its slots and hours), else the city's: never the browser's, so that an
 * order's times read the same on every screen wherever the reader's device thinks it is. */
export function clock(ts: TimestampLike | null | undefined, timeZone = CITY.timeZone): string {
  return ts
    ? new Date(ts.toMillis()).toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit", timeZone })
    : "";
}

/** A time on the restaurant's clock, as seen now, in the reader's language: "19:45", "morgen 07:00". */
export const clockAt = (at: Date, timeZone: string, now: Date) => clockTime(at, timeZone, now, language.value);

/** "7 Dec, 19:45", on the city's clock as `clock` is. */
export function dateTime(ts: TimestampLike | null | undefined, timeZone = CITY.timeZone): string {
  return ts
    ? new Date(ts.toMillis()).toLocaleString(locale(), {
        day: "numeric",
        month: "short",
        hour: "2-digit",
        minute: "2-digit",
        timeZone,
      })
    : "";
}

/** A date and time with its year ("30 Jun 2027, 10:25"): for dates that may be in another year. */
export function dateTimeWithYear(ts: TimestampLike | null | undefined): string {
  return ts
    ? new Date(ts.toMillis()).toLocaleString(locale(), {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: CITY.timeZone,
      })
    : "";
}

export function minutesSince(ts: TimestampLike | null | undefined, now = Date.now()): number {
  return ts ? Math.max(0, Math.floor((now - ts.toMillis()) / 60000)) : 0;
}

/** "3:07" from milliseconds; negative values count as zero. */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

const ERRORS: [(code: string) => boolean, Key][] = [
  [(c) => c.includes("permission-denied"), "err.denied"],
  [(c) => c.includes("unavailable"), "err.unavailable"],
  [(c) => ["auth/invalid-credential", "auth/wrong-password", "auth/user-not-found"].includes(c), "err.credentials"],
  [(c) => c === "auth/email-already-in-use", "err.emailInUse"],
  [(c) => c === "auth/weak-password", "err.weakPassword"],
  [(c) => c === "auth/invalid-email", "err.invalidEmail"],
  [(c) => c === "auth/network-request-failed", "err.network"],
  [(c) => c === "auth/popup-closed-by-user" || c === "auth/cancelled-popup-request", "err.cancelled"],
  [(c) => c === "auth/popup-blocked", "err.popupBlocked"],
];

/** Why a callable refused, by the reason the backend's guard gives (functions/src/auth/guard.ts). */
const REASONS: Record<string, Key> = {
  revoked: "err.revoked",
  signed_out: "err.signedOut",
  role: "err.denied",
  // The partner API's client management (functions/src/api/clients.ts).
  api_name: "err.api_name",
  api_scopes: "err.api_scopes",
  api_url: "err.api_url",
  api_events: "err.api_events",
  api_client_limit: "err.api_client_limit",
  api_revoked: "err.api_revoked",
  api_no_endpoint: "err.api_no_endpoint",
  api_resend_limit: "err.api_resend_limit",
};

/**
 * What went wrong, in the reader's words: known Firebase codes get a sentence of their own, and any
 * other error from Firebase a general one (its own words are technical and English: they go to the
 * console). Our callables' messages and the app's own errors are already meant for people.
 */
export function errorText(err: unknown): string {
  const reason = (err as { details?: { reason?: string } } | null)?.details?.reason;
  if (reason && REASONS[reason]) return t(REASONS[reason]);
  const code = (err as { code?: unknown } | null)?.code;
  const known = typeof code === "string" ? ERRORS.find(([test]) => test(code)) : undefined;
  if (known) return t(known[1]);
  if (typeof code === "string" && !code.startsWith("functions/")) {
    console.error("request failed", err);
    return t("err.server");
  }
  return err instanceof Error ? err.message : String(err);
}
