// How the order is paid, or was: the credit part and the cash part; for an order that ended
// without a delivery, that the cash is not collected and that its credit came back.

import { creditEntryId, partOf, type Order } from "@domain";
import { useCreditEntry } from "../../data/credit";
import { session } from "../../state/session";
import { deduction, money } from "../../components/format";
import { t } from "../../i18n";
import "../../styles/afterOrder.css";

const NOT_DELIVERED = ["cancelled", "declined", "undelivered"];

export function PaymentNote({ orderId, order: o }: { orderId: string; order: Order }) {
  const parts = o.payment?.parts;
  const returned = useCreditEntry(
    parts && partOf(parts, "credit") > 0 && NOT_DELIVERED.includes(o.status) ? session.value?.uid : null,
    creditEntryId.returned(orderId),
  );
  if (!parts) return null;
  const currency = o.pricing?.currency;
  const credit = partOf(parts, "credit");
  const cash = partOf(parts, "cash");
  if (NOT_DELIVERED.includes(o.status))
    return (
      <section class="payment-note" aria-labelledby="payment-title" data-testid="not-charged">
        <h2 id="payment-title">{t("pay.title")}</h2>
        {cash > 0 && <p>{t("pay.notCharged")}</p>}
        {credit > 0 && (
          <p data-testid="credit-back">
            {t(returned.data ? "pay.creditBack" : "pay.creditComing", { amount: money(credit, currency) })}
          </p>
        )}
      </section>
    );
  const done = o.status === "delivered";
  return (
    <section class="payment-note" aria-labelledby="payment-title">
      <h2 id="payment-title">{t("pay.title")}</h2>
      <dl class="totals">
        {credit > 0 && (
          <>
            <dt>{t(done ? "pay.paidCredit" : "pay.credit")}</dt>
            <dd data-testid="paid-credit">{done ? money(credit, currency) : deduction(credit, currency)}</dd>
          </>
        )}
        {cash > 0 && (
          <>
            <dt>{t(o.status === "undeliverable" ? "pay.chargedCash" : done ? "pay.paidCash" : "pay.atDoor")}</dt>
            <dd>
              <strong data-testid="paid-cash">{money(cash, currency)}</strong>
            </dd>
          </>
        )}
      </dl>
      {cash === 0 && <p class="muted">{t("pay.allCredit")}</p>}
    </section>
  );
}
