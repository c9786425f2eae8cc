// How the order is paid: cash at the door, or a card where this build has Stripe's key, the
// customer's Dishpatch credit applied first, and the cash limit said before placing.

import { overCashLimit, partOf, paymentParts, type PayWith } from "@domain";
import { useCreditBalance } from "../../data/credit";
import { useCashLimits } from "../../data/settings";
import { session } from "../../state/session";
import { deduction, money } from "../../components/format";
import { cardsOffered } from "../../payments/stripe";
import { t } from "../../i18n";
import { CardChoice } from "./CardChoice";
import type { CardPick } from "./useCardPick";
import "../../styles/afterOrder.css";

/** The parts the backend will write for this total (credit first), and whether cash is over the limit. */
export function usePayment(total: number | null, payWith: PayWith) {
  const credit = useCreditBalance(session.value?.uid) ?? 0;
  const { limits } = useCashLimits();
  const parts = total === null ? [] : paymentParts(total, credit, payWith);
  return { parts, limits, over: total !== null && overCashLimit(parts, limits), card: partOf(parts, "card") };
}

export function PaymentChoice({
  payWith,
  onChange,
  payment: { parts, limits, over, card },
  currency,
  pick,
}: {
  payWith: PayWith;
  onChange: (p: PayWith) => void;
  payment: ReturnType<typeof usePayment>;
  currency: string;
  pick: CardPick;
}) {
  const credit = partOf(parts, "credit");
  const cash = partOf(parts, "cash");
  return (
    <fieldset class="payment" data-testid="payment">
      <legend>{t("pay.title")}</legend>
      <div class="actions">
        <label class="chip">
          <input type="radio" name="pay-with" checked={payWith === "cash"} onChange={() => onChange("cash")} />
          {t("pay.cash")}
        </label>
        {cardsOffered && (
          <label class="chip">
            <input type="radio" name="pay-with" checked={payWith === "card"} onChange={() => onChange("card")} />
            {t("pay.card")}
          </label>
        )}
      </div>
      {parts.length > 0 && (
        <dl class="totals payment-parts">
          {credit > 0 && (
            <>
              <dt>{t("pay.credit")}</dt>
              <dd data-testid="pay-credit">{deduction(credit, currency)}</dd>
            </>
          )}
          {payWith === "card" ? (
            <>
              <dt>{t("pay.onCard")}</dt>
              <dd>
                <strong data-testid="pay-card">{money(card, currency)}</strong>
              </dd>
            </>
          ) : (
            <>
              <dt>{t("pay.atDoor")}</dt>
              <dd>
                <strong data-testid="pay-cash">{money(cash, currency)}</strong>
              </dd>
            </>
          )}
        </dl>
      )}
      {parts.length > 0 && cash + card === 0 && (
        <p class="muted">{t(payWith === "card" ? "pay.allCreditCard" : "pay.allCredit")}</p>
      )}
      {card > 0 && (
        <>
          <p class="muted">{t("pay.cardHold")}</p>
          <CardChoice pick={pick} amount={card} currency={currency} />
        </>
      )}
      {over && (
        <p class="error" role="alert" data-testid="cash-limit">
          {t("pay.overLimit", { max: money(limits.maxCashOrderCents, currency), cash: money(cash, currency) })}
        </p>
      )}
      {over && cardsOffered && <p class="hint">{t("pay.overLimitCard")}</p>}
    </fieldset>
  );
}
