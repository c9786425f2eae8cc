// How the order is paid: cash at the door (the only method today; card joins the choice later),
// the customer's Dishpatch credit applied first, and the cash limit said before placing.

import { overCashLimit, partOf, paymentParts, type PayWith } from "@domain";
import { useCreditBalance } from "../../data/credit";
import { useCashLimits } from "../../data/settings";
import { session } from "../../state/session";
import { deduction, money } from "../../components/format";
import { t } from "../../i18n";
import "../../styles/afterOrder.css";

/** The parts the backend will write for this total (credit first), and whether cash is over the limit. */
export function usePayment(total: number | null, payWith: PayWith) {
  const credit = useCreditBalance(session.value?.uid) ?? 0;
  const { limits } = useCashLimits();
  const parts = total === null ? [] : paymentParts(total, credit, payWith);
  return { parts, limits, over: total !== null && overCashLimit(parts, limits) };
}

export function PaymentChoice({
  payWith,
  onChange,
  payment: { parts, limits, over },
  currency,
}: {
  payWith: PayWith;
  onChange: (p: PayWith) => void;
  payment: ReturnType<typeof usePayment>;
  currency: string;
}) {
  const credit = partOf(parts, "credit");
  const cash = partOf(parts, "cash");
  return (
    <fieldset class="payment" data-testid="payment">
      <legend>{t("pay.title")}</legend>
      <label class="chip">
        <input type="radio" name="pay-with" checked={payWith === "cash"} onChange={() => onChange("cash")} />
        {t("pay.cash")}
      </label>
      {parts.length > 0 && (
        <dl class="totals payment-parts">
          {credit > 0 && (
            <>
              <dt>{t("pay.credit")}</dt>
              <dd data-testid="pay-credit">{deduction(credit, currency)}</dd>
            </>
          )}
          <dt>{t("pay.atDoor")}</dt>
          <dd>
            <strong data-testid="pay-cash">{money(cash, currency)}</strong>
          </dd>
        </dl>
      )}
      {parts.length > 0 && cash === 0 && <p class="muted">{t("pay.allCredit")}</p>}
      {over && (
        <p class="error" role="alert" data-testid="cash-limit">
          {t("pay.overLimit", { max: money(limits.maxCashOrderCents, currency), cash: money(cash, currency) })}
        </p>
      )}
    </fieldset>
  );
}
