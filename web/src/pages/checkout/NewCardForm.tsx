// A new card, typed into Stripe's Payment Element (Stripe's own iframe: the number never passes
// through Dishpatch), and made into a PaymentMethod when the order is placed. The amount is only
// held on the card when the order is placed, and charged at delivery (manual capture).

import { useEffect, useRef, useState } from "preact/hooks";
import type { Stripe, StripeElements, StripePaymentElement } from "@stripe/stripe-js";
import { CardProblem, stripeErrorText, stripeJs } from "../../payments/stripe";
import { language, t } from "../../i18n";

export interface NewCard {
  /** Checks what was typed and makes a PaymentMethod of it: its id, or a CardProblem saying why not. */
  paymentMethod(): Promise<string>;
}

function newCard(stripe: Stripe, elements: StripeElements): NewCard {
  return {
    async paymentMethod() {
      const submitted = await elements.submit();
      if (submitted.error) throw new CardProblem(stripeErrorText(submitted.error));
      const { paymentMethod, error } = await stripe.createPaymentMethod({ elements });
      if (error) throw new CardProblem(stripeErrorText(error));
      return paymentMethod.id;
    },
  };
}

export function NewCardForm({
  amount,
  currency,
  save,
  onSave,
  onForm,
}: {
  amount: number;
  currency: string;
  save: boolean;
  onSave: (save: boolean) => void;
  onForm: (card: NewCard | null) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const elements = useRef<StripeElements | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const [attempt, setAttempt] = useState(0);
  const lang = language.value;
  // The form is made with the amount of the moment, and follows it after (the tip, a code).
  const latest = useRef({ amount, save });
  latest.current = { amount, save };

  // A new language is a new form: Stripe's own texts and messages are in the one it was made in.
  useEffect(() => {
    let gone = false;
    let element: StripePaymentElement | undefined;
    setState("loading");
    stripeJs(lang).then(
      (stripe) => {
        if (gone || !box.current) return;
        const group = stripe.elements({
          mode: "payment",
          amount: latest.current.amount,
          currency: currency.toLowerCase(),
          captureMethod: "manual",
          paymentMethodCreation: "manual",
          // Cards only: the backend confirms without a redirect to come back from.
          allowedPaymentMethodTypes: ["card"],
          setupFutureUsage: latest.current.save ? "off_session" : null,
          locale: lang,
          // The app's own colours and corners inside Stripe's frame.
          appearance: { variables: { colorPrimary: "#c2410c", colorDanger: "#c92a2a", borderRadius: "10px" } },
        });
        element = group.create("payment");
        element.on("ready", () => {
          if (gone) return;
          setState("ready");
          onForm(newCard(stripe, group));
        });
        element.on("loaderror", () => !gone && setState("failed"));
        element.mount(box.current);
        elements.current = group;
      },
      () => !gone && setState("failed"),
    );
    return () => {
      gone = true;
      element?.destroy();
      elements.current = null;
      onForm(null);
    };
  }, [lang, currency, attempt, onForm]);

  useEffect(() => {
    void elements.current?.update({ amount });
  }, [amount]);
  // Keeping the card asks the customer's consent in Stripe's own words too (its mandate text).
  useEffect(() => {
    void elements.current?.update({ setupFutureUsage: save ? "off_session" : null });
  }, [save]);

  return (
    <div class="new-card" data-testid="new-card">
      {state === "loading" && (
        <p class="muted" role="status" data-testid="card-form-loading">
          {t("card.loading")}
        </p>
      )}
      {state === "failed" && (
        <div class="error" role="alert" data-testid="card-form-failed">
          <p>{t("card.loadFailed")}</p>
          <button type="button" class="secondary small" onClick={() => setAttempt((n) => n + 1)}>
            {t("card.retry")}
          </button>
        </div>
      )}
      <div ref={box} class="card-element" />
      {state === "ready" && (
        <>
          <label class="inline">
            <input type="checkbox" checked={save} onChange={(e) => onSave((e.target as HTMLInputElement).checked)} />
            {t("card.keep")}
          </label>
          <p class="muted small">{t("card.safe")}</p>
        </>
      )}
    </div>
  );
}
