// The owner's dispute of what a complaint charged the restaurant: a reason, sent to the backend,
// which checks the window and that it is disputed only once.

import { useState } from "preact/hooks";
import { COMPLAINT_LIMITS } from "@domain";
import { disputeComplaint } from "../../data/complaints";
import { refusal } from "../../components/refusal";
import { Outcome } from "../../components/States";
import { t, type Key } from "../../i18n";

/** The backend's reasons for refusing a dispute (domain DisputeProblem, the guard's "role"). */
const REFUSALS: Record<string, Key> = {
  not_charged: "cmp.err.not_charged",
  window_closed: "cmp.err.window_closed",
  disputed_already: "cmp.err.disputed_already",
  reason_needed: "cmp.err.reason_needed",
  reason_too_long: "cmp.err.reason_too_long",
  role: "cmp.err.role",
  not_found: "cmp.err.not_found",
};

export function DisputeForm({ complaintId, until }: { complaintId: string; until: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  if (!open)
    return (
      <div class="actions">
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          {t("cmp.dispute")}
        </button>
        <span class="muted">{t("cmp.disputeUntil", { date: until })}</span>
      </div>
    );
  return (
    <form
      class="stack"
      aria-label={t("cmp.dispute")}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError("");
        disputeComplaint(complaintId, reason)
          .catch((err: unknown) =>
            setError(
              refusal(err, REFUSALS, {
                days: COMPLAINT_LIMITS.disputeDays,
                max: COMPLAINT_LIMITS.maxDisputeReasonLength,
              }),
            ),
          )
          .finally(() => setBusy(false));
      }}
    >
      <label>
        {t("cmp.disputeReason")}
        <textarea
          rows={3}
          maxLength={COMPLAINT_LIMITS.maxDisputeReasonLength}
          value={reason}
          onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t("cmp.sendDispute")}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {t("cmp.cancel")}
        </button>
      </div>
      <Outcome error={error} />
    </form>
  );
}
