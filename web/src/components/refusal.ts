// What a callable's refusal means, in the reader's words: the backend's `details.reason` looked up
// in the screen's own texts, else errorText's general answer.
import { errorText } from "./format";
import { t, type Key } from "../i18n";

export function refusal(err: unknown, reasons: Record<string, Key>, vars: Record<string, string | number> = {}) {
  const reason = (err as { details?: { reason?: string } } | null)?.details?.reason;
  return reason && reasons[reason] ? t(reasons[reason], vars) : errorText(err);
}
