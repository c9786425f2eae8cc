// The customer's cancel, while the order may still be cancelled: a reason and a note, asked first.

import { useState } from "preact/hooks";
import { CUSTOMER_CANCEL_REASONS, LIMITS, type CancelReason } from "@domain";
import { moveOrder } from "../../data/orders";
import { errorText } from "../../components/format";
import { Outcome } from "../../components/States";
import { session } from "../../state/session";
import { t } from "../../i18n";
import { cancelChoiceText } from "../../i18n/domainTexts";

export function CancelButton({ orderId }: { orderId: string }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<CancelReason>("changed_mind");
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  const cancel = async (e: Event) => {
    e.preventDefault();
    setError("");
    try {
      await moveOrder(session.value?.uid ?? "", orderId, "cancelled", {
        cancelReason: reason,
        ...(note.trim() ? { cancelNote: note.trim() } : {}),
      });
    } catch (err) {
      setError(t("op.tooLate", { error: errorText(err) }));
    }
  };
  if (!asking)
    return (
      <button type="button" class="danger" onClick={() => setAsking(true)}>
        {t("op.cancel")}
      </button>
    );
  return (
    <form class="stack cancel" onSubmit={cancel} aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t("op.cancelAsk")}</h2>
      <label>
        {t("op.why")}
        <select value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value as CancelReason)}>
          {CUSTOMER_CANCEL_REASONS.map((r) => (
            <option key={r} value={r}>
              {cancelChoiceText(r)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("op.cancelNote")}
        <input
          maxLength={LIMITS.maxCancelNoteLength}
          value={note}
          onInput={(e) => setNote((e.target as HTMLInputElement).value)}
        />
      </label>
      <div class="actions">
        <button type="submit" class="danger">
          {t("op.cancelYes")}
        </button>
        <button type="button" class="secondary" onClick={() => setAsking(false)}>
          {t("op.keep")}
        </button>
      </div>
      <Outcome error={error} />
    </form>
  );
}
