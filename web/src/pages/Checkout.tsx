// The cart and checkout. The price preview runs the backend's own check (checkOrder) on the
// menu as it is now, with the backend's answer for a promo code (its terms are the admins'); the
// backend runs it again, authoritatively, when the order arrives. The preview is what the customer
// pays: who gets what of it is not the customer's to read.

import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import {
  asapState,
  asRestaurant,
  cartDoc,
  checkOrder,
  currentPrepMinutes,
  LIMITS,
  minutesToDoor,
  slotsFor,
  travelMinutes,
  normalizeCode,
  parseCents,
  MAX_TIP_CENTS,
  TIP_PERCENTS,
  tipCap,
  type TipChoice,
  type Address,
} from "@domain";
import { readDishes, useMenu } from "../data/menu";
import { placeOrder, readRestaurant } from "../data/orders";
import { quotePromo, readFees, usePublicPromos } from "../data/money";
import { deliveryAddress } from "../state/address";
import { cart, cartSubtotal, clearCart, setQuantity, type Cart } from "../state/cart";
import { online } from "../state/network";
import { session } from "../state/session";
import { VerifyEmail } from "../components/VerifyEmail";
import { errorText, money } from "../components/format";
import { Empty, Outcome } from "../components/States";
import { Totals } from "../components/Totals";
import { ReorderNotice } from "../components/OrderAgain";
import { WhenChoice, type When } from "./checkout/WhenChoice";
import { useAsync } from "../components/useAsync";
import { language, t } from "../i18n";
import { rejectionText } from "../i18n/domainTexts";
import "../i18n/shop"; // this screen's texts

/** The cart as the order document will carry it: the preview checks exactly what is sent. */
function cartInput(
  c: Cart,
  address: Address,
  uid: string,
  note: string,
  slotStart: Date | null,
  tip: TipChoice,
  promoCode: string | null,
) {
  return {
    customerId: uid,
    restaurantId: c.restaurantId!,
    items: c.lines,
    deliveryAddress: address,
    note,
    slotStart,
    tip: "percent" in tip && tip.percent === 0 ? null : tip,
    promoCode,
    // The backend writes to the customer about this order in the language they ordered in.
    language: language.value,
  };
}

/** The tip's limits depend on the food: the checkout says them in amounts, in the restaurant's currency. */
const isTipProblem = (code: string) => code === "invalid_tip" || code === "tip_too_high";

/** How long to wait for the server before going on to the order page, where an order the
 * browser could not send yet says so. */
const SEND_WAIT_MS = 4000;

export function Checkout() {
  const location = useLocation();
  const c = cart.value;
  const address = deliveryAddress.value;
  const [note, setNote] = useState("");
  const [when, setWhen] = useState<When>("asap");
  const [tip, setTip] = useState<TipChoice>({ percent: 0 });
  const [code, setCode] = useState<string | null>(null);
  const slotStart = when === "asap" ? null : new Date(when);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  // The menu live, so that a dish selling out or coming back re-runs the check at once.
  const live = useMenu(c.restaurantId ?? "none");
  const unavailable = new Set(
    c.lines
      .filter((l) => {
        const m = live.data?.find((d) => d.id === l.itemId);
        return live.data !== undefined && (!m || !m.available);
      })
      .map((l) => l.key),
  );

  // Re-read the restaurant, the dishes in the cart, the fees and the code whenever the cart, the
  // address, the time, the tip or the code change, and run the backend's own check on them.
  const key = JSON.stringify([
    c.restaurantId,
    c.lines.map((l) => [l.key, l.quantity]),
    address?.lat,
    address?.lng,
    live.data?.filter((m) => c.lines.some((l) => l.itemId === m.id)).map((m) => [m.id, m.available, m.price]),
    when,
    tip,
    code,
  ]);
  const preview = useAsync(async () => {
    if (!c.restaurantId || !address) return null;
    const [restaurant, menu, fees] = await Promise.all([
      readRestaurant(c.restaurantId),
      readDishes(
        c.restaurantId,
        c.lines.map((l) => l.itemId),
      ),
      readFees(),
    ]);
    const doc = cartDoc(cartInput(c, address, "preview", "", slotStart, tip, code), null);
    const input = {
      items: doc.items,
      deliveryAddress: doc.deliveryAddress,
      restaurant,
      restaurantId: c.restaurantId,
      menu,
      now: new Date(),
      slotStart,
      fees,
      tip: doc.tip,
    };
    let check = checkOrder(input);
    // The code last, as the backend checks it: what it gives depends on the food's subtotal.
    if (check.ok && typeof doc.promoCode === "string") {
      const promoQuote = await quotePromo(doc.promoCode, c.restaurantId, check.pricing.subtotal);
      check = checkOrder({ ...input, promoCode: doc.promoCode, promoQuote });
    }
    // Only a restaurant the domain can read offers delivery times (checkOrder says why not).
    return { check, restaurant: asRestaurant(restaurant) };
  }, [key]);
  // A restaurant that is closed or paused now offers its first slot instead.
  const loaded = preview.data?.restaurant;
  useEffect(() => {
    if (!loaded || !address || when !== "asap" || asapState(loaded, new Date()).open) return;
    const now = new Date();
    const first = slotsFor(
      loaded,
      now,
      minutesToDoor(currentPrepMinutes(loaded, now), travelMinutes(loaded.address, address)),
    )[0];
    if (first) setWhen(first.getTime());
  }, [loaded, address, when]);

  // The order page's code loads while the customer checks out, so that an order sent without a
  // connection still opens its page (which says it is not sent yet).
  useEffect(() => {
    void import("./OrderPage");
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
  const place = async (e: Event) => {
    e.preventDefault();
    const s = session.value;
    if (!s) return location.route("/signin?next=/checkout");
    if (!address) return setError(t("co.addressFirst"));
    setBusy(true);
    setError("");
    const { id, sent } = placeOrder(cartInput(c, address, s.uid, note, slotStart, tip, code));
    const outcome = await Promise.race([
      sent.then(
        () => "sent" as const,
        (err: unknown) => err,
      ),
      new Promise<"waiting">((r) => setTimeout(() => r("waiting"), SEND_WAIT_MS)),
    ]);
    if (outcome !== "sent" && outcome !== "waiting") {
      setError(t("co.notSent", { error: errorText(outcome) }));
      setBusy(false);
      return;
    }
    clearCart();
    location.route(`/orders/${id}`);
  };

  return (
    <main class="page narrow">
      <h1>{t("co.title", { name: c.restaurantName ?? "" })}</h1>
      <ReorderNotice />
      <ul class="cart-lines" aria-label={t("nav.cart")}>
        {c.lines.map((l) => (
          <li key={l.key} class={unavailable.has(l.key) ? "sold-out" : ""}>
            <div>
              <strong>{l.name}</strong>
              {l.optionNames.length > 0 && <small> · {l.optionNames.join(", ")}</small>}
              {unavailable.has(l.key) && (
                <p class="error">
                  {t("co.soldOut")}{" "}
                  <button type="button" class="secondary small" onClick={() => setQuantity(l.key, 0)}>
                    {t("co.remove", { name: l.name })}
                  </button>
                </p>
              )}
            </div>
            <div class="qty">
              <button
                type="button"
                aria-label={t("co.less", { name: l.name })}
                onClick={() => setQuantity(l.key, l.quantity - 1)}
              >
                −
              </button>
              <span aria-label={t("co.quantity")}>{l.quantity}</span>
              <button
                type="button"
                aria-label={t("co.more", { name: l.name })}
                disabled={l.quantity >= LIMITS.maxQuantity}
                onClick={() => setQuantity(l.key, l.quantity + 1)}
              >
                +
              </button>
            </div>
            <span class="price">{money(l.unitPrice * l.quantity)}</span>
          </li>
        ))}
      </ul>
      <p class="subtotal">
        {t("totals.subtotal")} <strong data-testid="subtotal">{money(cartSubtotal.value)}</strong>
      </p>
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
        <section class="preview" aria-live="polite">
          {!address && <p data-testid="preview-problem">{t("co.chooseAddress")}</p>}
          {address && preview.loading && <p>{t("co.checking")}</p>}
          {result && result.ok && <Totals pricing={result.pricing} testId="preview-total" />}
          {result && !result.ok && (
            <p class="error" role="alert" data-testid="preview-problem">
              {isTipProblem(result.rejection.code)
                ? t("co.tipLimit", {
                    max: money(tipCap(cartSubtotal.value), currency),
                    cap: money(MAX_TIP_CENTS, currency),
                  })
                : rejectionText(result.rejection)}{" "}
              {result.rejection.code.startsWith("promo_") && (
                <button type="button" class="secondary small" onClick={() => setCode(null)}>
                  {t("co.withoutCode")}
                </button>
              )}
            </p>
          )}
        </section>
        <Outcome error={error} />
        {!online.value && (
          <p class="notice" data-testid="checkout-offline">
            {t("co.offline")}
          </p>
        )}
        {session.value && !session.value.verified && <VerifyEmail email={session.value.email} />}
        <button type="submit" disabled={busy || !address || !session.value?.verified || (result ? !result.ok : false)}>
          {busy ? t("co.sending") : t("co.place")}
        </button>
      </form>
    </main>
  );
}

function TipChoiceField({ tip, onChange }: { tip: TipChoice; onChange: (t: TipChoice) => void }) {
  const [custom, setCustom] = useState("");
  const isCustom = "cents" in tip;
  return (
    <fieldset class="tip-choice">
      <legend>{t("co.tip")}</legend>
      {TIP_PERCENTS.map((p) => (
        <label key={p} class="chip">
          <input
            type="radio"
            name="tip"
            checked={!isCustom && "percent" in tip && tip.percent === p}
            onChange={() => onChange({ percent: p })}
          />
          {p === 0 ? t("co.noTip") : `${p} %`}
        </label>
      ))}
      <label class="chip">
        <input
          type="radio"
          name="tip"
          checked={isCustom}
          onChange={() => onChange({ cents: parseCents(custom) ?? 0 })}
        />
        {t("co.otherTip")}
      </label>
      {isCustom && (
        <label>
          {t("co.amount")}
          <input
            inputMode="decimal"
            value={custom}
            onInput={(e) => {
              const v = (e.target as HTMLInputElement).value;
              setCustom(v);
              onChange({ cents: parseCents(v) ?? -1 });
            }}
          />
        </label>
      )}
    </fieldset>
  );
}

function PromoField({ code, onApply }: { code: string | null; onApply: (c: string | null) => void }) {
  const [text, setText] = useState("");
  const promos = usePublicPromos();
  const now = Date.now();
  const offered = (promos.data ?? []).filter((p) => p.validFrom.toMillis() <= now && now < p.validUntil.toMillis());
  return (
    <fieldset class="promo">
      <legend>{t("co.promo")}</legend>
      {code ? (
        <p>
          {t("co.code")} <strong data-testid="applied-code">{code}</strong>{" "}
          <button type="button" class="secondary small" onClick={() => onApply(null)}>
            {t("co.removeCode")}
          </button>
        </p>
      ) : (
        <div class="row">
          <input
            aria-label={t("co.promo")}
            value={text}
            placeholder="WELCOME"
            onInput={(e) => setText((e.target as HTMLInputElement).value)}
          />
          <button type="button" class="secondary" disabled={!text.trim()} onClick={() => onApply(normalizeCode(text))}>
            {t("co.apply")}
          </button>
        </div>
      )}
      {!code && offered.length > 0 && (
        <ul class="offered" aria-label={t("co.offered")}>
          {offered.map((p) => (
            <li key={p.code}>
              <strong>{p.code}</strong> {p.description}{" "}
              <button type="button" class="secondary small" onClick={() => onApply(p.code)}>
                {t("co.use")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
