// An order paid by card waits for the card's authorisation. When the customer's bank asks them to
// confirm it (3-D Secure), Stripe's own window for that opens once by itself, and again from a
// button; Stripe's webhook tells the backend how it went, and the order moves on by itself.

import { useCallback, useEffect, useState } from "preact/hooks";
import { paymentAction, usePaymentRecord } from "../../data/cards";
import { refusal } from "../../components/refusal";
import { Outcome } from "../../components/States";
import { cardsOffered, stripeErrorText, stripeJs, StripeUnavailable } from "../../payments/stripe";
import { language, t } from "../../i18n";

/** Orders whose confirmation has opened by itself in this tab: once is enough. */
const opened = new Set<string>();

/** Opens the bank's confirmation: null once done, else what went wrong. */
async function confirmWithBank(orderId: string): Promise<string | null> {
  let clientSecret: string;
  try {
    clientSecret = await paymentAction(orderId);
  } catch (err) {
    return refusal(err, { no_action: "card.noAction", no_payment: "card.noPayment" });
  }
  try {
    const stripe = await stripeJs(language.value);
    const { error } = await stripe.handleNextAction({ clientSecret });
    return error ? stripeErrorText(error) : null;
  } catch (err) {
    if (!(err instanceof StripeUnavailable)) console.error("3-D Secure", err);
    return t(err instanceof StripeUnavailable ? "card.bankUnavailable" : "card.failed");
  }
}

export function PaymentWait({ orderId }: { orderId: string }) {
  const record = usePaymentRecord(orderId, true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [done, setDone] = useState(false);
  const asks = cardsOffered && record?.state === "requires_action";

  const confirm = useCallback(async () => {
    setBusy(true);
    setError("");
    const problem = await confirmWithBank(orderId);
    setError(problem ?? "");
    setDone(problem === null);
    setBusy(false);
  }, [orderId]);

  useEffect(() => {
    if (!asks || opened.has(orderId)) return;
    opened.add(orderId);
    void confirm();
  }, [asks, orderId, confirm]);

  return (
    <section class="notice payment-wait" data-testid="payment-wait">
      <p role="status">{t(done && asks ? "card.bankDone" : "card.confirming")}</p>
      {asks && (
        <>
          <p>{t("card.bankAsks")}</p>
          <button type="button" disabled={busy} onClick={confirm} data-testid="confirm-bank">
            {busy ? t("card.opening") : t("card.confirmBank")}
          </button>
        </>
      )}
      <Outcome error={error} />
    </section>
  );
}
