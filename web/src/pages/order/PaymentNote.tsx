// How the order is paid, or was: the credit part, the cash part or the card part (the card named,
// what is held on it, and after delivery what was charged and refunded); for an order that ended
// without a delivery, that nothing is collected or charged and that its credit came back.

import { creditEntryId, partOf, type CardPayment, type Order, type OrderStatus } from "@domain";
import { useCreditEntry } from "../../data/credit";
import { usePaymentRecord } from "../../data/cards";
import { session } from "../../state/session";
import { deduction, money } from "../../components/format";
import { cardName } from "../../payments/cardFace";
import { t, type Key } from "../../i18n";
import "../../styles/afterOrder.css";

const NOT_DELIVERED = ["cancelled", "declined", "undelivered", "payment_failed"];
/** Endings in which the order is charged. */
const CHARGED: readonly OrderStatus[] = ["delivered", "undeliverable"];

export function PaymentNote({ orderId, order: o }: { orderId: string; order: Order }) {
  const parts = o.payment?.parts;
  const returned = useCreditEntry(
    parts && partOf(parts, "credit") > 0 && NOT_DELIVERED.includes(o.status) ? session.value?.uid : null,
    creditEntryId.returned(orderId),
  );
  const record = usePaymentRecord(orderId, partOf(parts, "card") > 0);
  if (!parts) return null;
  const currency = o.pricing?.currency;
  const credit = partOf(parts, "credit");
  const cash = partOf(parts, "cash");
  const card = partOf(parts, "card");
  if (NOT_DELIVERED.includes(o.status))
    return (
      <section class="payment-note" aria-labelledby="payment-title" data-testid="not-charged">
        <h2 id="payment-title">{t("pay.title")}</h2>
        {cash > 0 && <p>{t("pay.notCharged")}</p>}
        {card > 0 && (
          <p data-testid="card-not-charged">
            {t(o.status === "payment_failed" ? "pay.cardNotCharged" : "pay.cardReleased")}
          </p>
        )}
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
        {card > 0 && <CardLines card={card} record={record} status={o.status} currency={currency} />}
      </dl>
      {cash === 0 && card === 0 && <p class="muted">{t("pay.allCredit")}</p>}
    </section>
  );
}

/** The card's part: held on it until delivery, then charged; refunds and tips charged later. */
function CardLines({
  card,
  record,
  status,
  currency,
}: {
  card: number;
  record: CardPayment | undefined;
  status: OrderStatus;
  currency?: string;
}) {
  const name = record?.card ? cardName(record.card) : t("card.yourCard");
  const captured = record?.state === "captured";
  const label: Key = captured
    ? "pay.cardCharged"
    : CHARGED.includes(status)
      ? "pay.cardCharging"
      : status === "awaiting_payment"
        ? "pay.cardToHold"
        : "pay.cardHeld";
  const tips = Object.values(record?.tips ?? {})
    .filter((tip) => tip.state === "charged" && !tip.refunded)
    .reduce((n, tip) => n + tip.amount, 0);
  return (
    <>
      <dt data-testid="card-used">{t(label, { card: name })}</dt>
      <dd>
        <strong data-testid="paid-card">{money(captured ? record.captured : card, currency)}</strong>
      </dd>
      {tips > 0 && (
        <>
          <dt>{t("pay.cardTip", { card: name })}</dt>
          <dd data-testid="card-tip">{money(tips, currency)}</dd>
        </>
      )}
      {(record?.refunded ?? 0) > 0 && (
        <>
          <dt>{t("pay.cardRefunded", { card: name })}</dt>
          <dd data-testid="card-refunded">{deduction(record!.refunded, currency)}</dd>
        </>
      )}
    </>
  );
}
