// The cash limits (domain/payment.ts): the largest order paid in cash, and the most cash a courier
// holds before settling; both within CASH_LIMIT_BOUNDS, as the rules require.

import { useState } from "preact/hooks";
import { CASH_LIMIT_BOUNDS, cashLimitsOf, type CashLimits } from "@domain";
import { saveCashLimits, useCashLimits } from "../../data/settings";
import { amountInput, errorText } from "../../components/format";
import { Loading, Outcome } from "../../components/States";
import { t } from "../../i18n";
import { fieldProblem, LimitInput, readField, type Bounded } from "./limitField";

type Form = Record<keyof CashLimits, string>;

export function CashLimitsForm() {
  const live = useCashLimits();
  const [form, setForm] = useState<Form | null>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  if (live.data === undefined && !live.error) return <Loading what={t("lim.cash")} />;
  const current = cashLimitsOf(live.data);
  const shown: Form = form ?? {
    maxCashOrderCents: amountInput(current.maxCashOrderCents),
    maxCourierCashCents: amountInput(current.maxCourierCashCents),
  };
  const { min, max } = CASH_LIMIT_BOUNDS;
  const fields: Record<keyof CashLimits, Bounded> = {
    maxCashOrderCents: { label: t("lim.maxCashOrder"), min, max, euros: true },
    maxCourierCashCents: { label: t("lim.maxCourierCash"), min, max, euros: true },
  };
  const keys = Object.keys(fields) as (keyof CashLimits)[];
  const problems = keys.map((k) => fieldProblem(shown[k], fields[k])).filter(Boolean);
  return (
    <form
      class="stack limit-form"
      aria-labelledby="cash-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length) return;
        setError("");
        setMessage("");
        const read = (k: keyof CashLimits) => readField(shown[k], fields[k]) ?? 0;
        const limits = {
          maxCashOrderCents: read("maxCashOrderCents"),
          maxCourierCashCents: read("maxCourierCashCents"),
        };
        saveCashLimits(limits).then(
          () => setMessage(t("lim.cashSaved")),
          (err: unknown) => setError(errorText(err)),
        );
      }}
    >
      <h2 id="cash-title">{t("lim.cash")}</h2>
      <p class="muted">{t("lim.cashIntro")}</p>
      <div class="grid3">
        {keys.map((k) => (
          <LimitInput key={k} f={fields[k]} value={shown[k]} onInput={(v) => setForm({ ...shown, [k]: v })} />
        ))}
      </div>
      {problems.map((p) => (
        <p key={p} class="hint" data-testid="limit-problem">
          {p}
        </p>
      ))}
      <button type="submit" disabled={problems.length > 0}>
        {t("lim.saveCash")}
      </button>
      <Outcome message={message} error={error} />
    </form>
  );
}
