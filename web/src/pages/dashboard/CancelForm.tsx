// Staff cancel an order they accepted, before a courier picks it up: a reason from the decline
// reasons, said to count like a missed order, and confirmed before it is sent.

import { useState } from "preact/hooks";
import { STAFF_CANCEL_REASONS, type DeclineReason } from "@domain";
import { reasonText } from "../../i18n/domainTexts";
import { t } from "../../i18n";

interface Props {
  code: string;
  onCancel: (reason: DeclineReason) => void;
  onKeep: () => void;
}

export function CancelForm({ code, onCancel, onKeep }: Props) {
  const [reason, setReason] = useState<DeclineReason>("too_busy");
  return (
    <form
      class="stack cancel-form"
      role="group"
      aria-label={t("board.cancelTitle")}
      onSubmit={(e) => {
        e.preventDefault();
        onCancel(reason);
      }}
    >
      <strong>{t("board.cancelTitle")}</strong>
      <p class="hint" data-testid="cancel-counts">
        {t("board.cancelCounts")} {t("board.cancelTold")}
      </p>
      <label>
        {t("board.reason")}
        <select value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value as DeclineReason)}>
          {STAFF_CANCEL_REASONS.map((r) => (
            <option key={r} value={r}>
              {reasonText(r)}
            </option>
          ))}
        </select>
      </label>
      <div class="actions">
        <button type="submit" class="danger">
          {t("board.cancelConfirm", { code })}
        </button>
        <button type="button" class="secondary" onClick={onKeep}>
          {t("board.cancelKeep")}
        </button>
      </div>
    </form>
  );
}
