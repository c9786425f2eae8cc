import { formatCents, type TimestampLike } from "@domain";
import { locale } from "../i18n";

/** An amount as the reader's language writes it, in the restaurant's currency. */
export const money = (cents: number, currency = "EUR") => formatCents(cents, currency, locale());

/** "19:45": in the restaurant's time zone where one is given (an order's times are the
 * restaurant's, like its slots and hours), else the browser's. */
export function clock(ts: TimestampLike | null | undefined, timeZone?: string): string {
  return ts
    ? new Date(ts.toMillis()).toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit", timeZone })
    : "";
}

export function dateTime(ts: TimestampLike | null | undefined): string {
  return ts
    ? new Date(ts.toMillis()).toLocaleString(locale(), {
        day: "numeric",
        month: "short",
        hour: "2-digit",
        minute: "2-digit",
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

export function errorText(err: unknown): string {
  const code = (err as { code?: string }).code ?? "";
  if (code.includes("permission-denied")) return "That is not allowed.";
  if (code.includes("unavailable")) return "Cannot reach the server. Check your connection and try again.";
  if (code === "auth/invalid-credential" || code === "auth/wrong-password" || code === "auth/user-not-found")
    return "Wrong email or password.";
  if (code === "auth/email-already-in-use") return "An account with this email already exists.";
  if (code === "auth/weak-password") return "Choose a password of at least 6 characters.";
  if (code === "auth/invalid-email") return "That email address does not look right.";
  if (code === "auth/network-request-failed")
    return "Cannot reach the sign-in service. Check your connection and try again.";
  if (code === "auth/popup-closed-by-user" || code === "auth/cancelled-popup-request") return "Sign-in was cancelled.";
  if (code === "auth/popup-blocked") return "The browser blocked the sign-in window. Allow pop-ups and try again.";
  return err instanceof Error ? err.message : String(err);
}
