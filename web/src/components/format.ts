import { formatCents, type TimestampLike } from "@domain";

export const money = (cents: number) => formatCents(cents);

export function clock(ts: TimestampLike | null | undefined): string {
  return ts ? new Date(ts.toMillis()).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" }) : "";
}

export function dateTime(ts: TimestampLike | null | undefined): string {
  return ts
    ? new Date(ts.toMillis()).toLocaleString("en-GB", {
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
  return err instanceof Error ? err.message : String(err);
}

/** When a closed restaurant opens next, in its own time zone: "18:00", or "Mon 07:00" on another day. */
export function opensAt(at: Date, timeZone: string, now = new Date()): string {
  const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(d);
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  if (day(at) === day(now)) return time;
  return `${new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short" }).format(at)} ${time}`;
}
