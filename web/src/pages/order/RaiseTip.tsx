// Raising the tip after delivery: the customer may add to it for a while, the courier gets it all.
// An order paid with a card the customer kept charges that card again; otherwise (paid at the
// door, or a card not kept) what is added comes from the customer's Dishpatch credit.

import { useState } from "preact/hooks";
import { parseCents, TIP_RAISE_HOURS, type Order } from "@domain";
import { raiseTip } from "../../data/money";
import { useCreditBalance } from "../../data/credit";
import { usePaymentRecord, useSavedCards } from "../../data/cards";
import { cardName, paidByCard } from "../../payments/cardFace";
import { money } from "../../components/format";
import { refusal } from "../../components/refusal";
import { Outcome } from "../../components/States";
import { t } from "../../i18n";

/** Within a day of delivery the customer may raise the tip (never lower it); the courier gets it all. */
export function RaiseTip({ orderId, order: o }: { orderId: string; order: Order }) {
  const current = o.pricing?.tip ?? 0;
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [done, setDone] = useState("");
  const credit = useCreditBalance(o.customerId);
  const byCard = paidByCard(o);
  const record = usePaymentRecord(orderId, byCard);
  const saved = useSavedCards(byCard ? o.customerId : null);
  const delivered = o.timeline?.delivered?.toMillis();
  if (!o.pricing || !delivered || Date.now() - delivered > TIP_RAISE_HOURS * 3600_000) return null;
  // The backend charges the card the order was paid with, if the customer kept it.
  const kept = record?.saveCard && saved.data?.find((c) => c.id === record.paymentMethodId);
  const cents = parseCents(text);
  const short = !kept && cents !== null && credit !== undefined && cents > credit;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (cents === null) return;
    setBusy(true);
    setError("");
    try {
      await raiseTip(orderId, current + cents);
      setDone(t("op.tipThanks", { amount: money(cents) }));
      setText("");
    } catch (err) {
      setError(
        refusal(
          err,
          { tip_needs_credit: "op.tipNeedsCredit", tip_card_declined: "op.tipCardDeclined" },
          { amount: money(credit ?? 0) },
        ),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack raise-tip" onSubmit={submit} aria-labelledby="tip-title">
      <h2 id="tip-title">{t("op.addTip")}</h2>
      <p class="muted">
        {t("op.yourTip")} <strong data-testid="current-tip">{money(current)}</strong>. {t("op.allToCourier")}
      </p>
      {kept ? (
        <p class="muted" data-testid="tip-from-card">
          {t("op.tipFromCard", { card: cardName(kept) })}
        </p>
      ) : (
        <p class="muted" data-testid="tip-from-credit">
          {t(byCard ? "op.tipFromCreditCard" : "op.tipFromCredit", { amount: money(credit ?? 0) })}
        </p>
      )}
      <label>
        {t("op.addAmount")}
        <input inputMode="decimal" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
      </label>
      {short && (
        <p class="hint" data-testid="tip-short">
          {t("op.tipNeedsCredit", { amount: money(credit ?? 0) })}
        </p>
      )}
      <button type="submit" disabled={busy || cents === null || cents <= 0 || short}>
        {t("op.addTip")}
      </button>
      <Outcome message={done} error={error} />
    </form>
  );
}
