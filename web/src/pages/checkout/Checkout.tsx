// The cart and checkout: the cart's lines, where and when to deliver, a note, the tip and a code,
// the price preview (usePreview) and the button that places the order (usePlaceOrder).

import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { LIMITS, type PayWith, type TipChoice } from "@domain";
import { deliveryAddress } from "../../state/address";
import { cart } from "../../state/cart";
import { online } from "../../state/network";
import { session } from "../../state/session";
import { VerifyEmail } from "../../components/VerifyEmail";
import { Empty, Outcome } from "../../components/States";
import { ReorderNotice } from "../../components/OrderAgain";
import { CartLines } from "./CartLines";
import { PaymentChoice, usePayment } from "./PaymentChoice";
import { Preview } from "./Preview";
import { PromoField } from "./PromoField";
import { TipChoiceField } from "./TipChoiceField";
import { useCardPick } from "./useCardPick";
import { usePlaceOrder } from "./usePlaceOrder";
import { usePreview } from "./usePreview";
import { useFirstSlotWhenClosed, WhenChoice, type When } from "./WhenChoice";
import { t } from "../../i18n";
import "../../i18n/shop"; // this screen's texts

export function Checkout() {
  const location = useLocation();
  const c = cart.value;
  const address = deliveryAddress.value;
  const [note, setNote] = useState("");
  const [when, setWhen] = useState<When>("asap");
  const [tip, setTip] = useState<TipChoice>({ percent: 0 });
  const [code, setCode] = useState<string | null>(null);
  const [payWith, setPayWith] = useState<PayWith>("cash");
  const slotStart = when === "asap" ? null : new Date(when);
  const { preview, unavailable } = usePreview(c, address, when, slotStart, tip, code);
  const loaded = preview.data?.restaurant;
  const check = preview.data?.check;
  const total = check?.ok ? check.pricing.total : null;
  const payment = usePayment(total, payWith);
  const pick = useCardPick(session.value?.uid, payWith === "card");
  const { busy, error, place } = usePlaceOrder(c, address, note, slotStart, tip, code, payWith, {
    amount: payment.card,
    fields: pick.fields,
  });
  // A card order waits for its total (what goes on the card) and for the card itself.
  const cardWaits = payWith === "card" && (total === null || (payment.card > 0 && !pick.ready));
  useFirstSlotWhenClosed(loaded, address, when, setWhen);

  // The order page's code loads while the customer checks out, so that an order sent without a
  // connection still opens its page (which says it is not sent yet).
  useEffect(() => {
    void import("../order/OrderPage");
  }, []);

  const signedOut = session.value === null;
  useEffect(() => {
    if (signedOut) location.route("/signin?next=/checkout", true);
  }, [signedOut, location]);

  if (c.lines.length === 0) {
    return (
      <main class="page narrow">
        <h1>{t("co.cart")}</h1>
        <Empty>
          <p>
            {t("co.empty")} <a href="/">{t("co.findSomething")}</a>
          </p>
        </Empty>
      </main>
    );
  }

  const result = preview.data?.check;
  const currency = loaded?.currency ?? "EUR";

  return (
    <main class="page narrow">
      <h1>{t("co.title", { name: c.restaurantName ?? "" })}</h1>
      <ReorderNotice />
      <CartLines lines={c.lines} unavailable={unavailable} />
      <form class="stack" onSubmit={place}>
        <p>
          {t("co.deliverTo")}{" "}
          <strong>
            {address ? `${address.label ? `${address.label} · ` : ""}${address.line1}` : t("co.noAddress")}
          </strong>
        </p>
        {loaded && address && <WhenChoice restaurant={loaded} address={address} when={when} onChange={setWhen} />}
        <label>
          {t("co.note")}
          <textarea
            name="note"
            maxLength={LIMITS.maxNoteLength}
            value={note}
            placeholder={t("co.notePlaceholder")}
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
          />
        </label>
        <TipChoiceField tip={tip} onChange={setTip} />
        <PromoField code={code} onApply={setCode} />
        <Preview
          hasAddress={!!address}
          loading={preview.loading}
          result={result}
          currency={currency}
          onWithoutCode={() => setCode(null)}
        />
        <PaymentChoice payWith={payWith} onChange={setPayWith} payment={payment} currency={currency} pick={pick} />
        <Outcome error={error} />
        {!online.value && (
          <p class="notice" data-testid="checkout-offline">
            {t("co.offline")}
          </p>
        )}
        {session.value && !session.value.verified && <VerifyEmail email={session.value.email} />}
        <button
          type="submit"
          disabled={
            busy || !address || !session.value?.verified || (result ? !result.ok : false) || payment.over || cardWaits
          }
        >
          {busy ? t("co.sending") : t("co.place")}
        </button>
      </form>
    </main>
  );
}
