// The cart and checkout. The price preview runs the backend's own check (checkOrder) on the
// menu as it is now; the backend runs it again, authoritatively, when the order arrives.

import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { cartDoc, checkOrder, LIMITS, type Address } from "@domain";
import { readDishes } from "../data/menu";
import { placeOrder, readRestaurant } from "../data/orders";
import { deliveryAddress } from "../state/address";
import { cart, cartSubtotal, clearCart, setQuantity, type Cart } from "../state/cart";
import { online } from "../state/network";
import { session } from "../state/session";
import { errorText, money } from "../components/format";
import { Empty } from "../components/States";
import { Totals } from "../components/Totals";
import { useAsync } from "../components/useAsync";

/** The cart as the order document will carry it: the preview checks exactly what is sent. */
function cartInput(c: Cart, address: Address, uid: string, note: string) {
  return { customerId: uid, restaurantId: c.restaurantId!, items: c.lines, deliveryAddress: address, note };
}

/** How long to wait for the server before going on to the order page, where an order the
 * browser could not send yet says so. */
const SEND_WAIT_MS = 4000;

export function Checkout() {
  const location = useLocation();
  const c = cart.value;
  const address = deliveryAddress.value;
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  // Re-read the restaurant and the dishes in the cart whenever the cart or the address changes,
  // and run the backend's own check on them.
  const key = JSON.stringify([c.restaurantId, c.lines.map((l) => [l.key, l.quantity]), address?.lat, address?.lng]);
  const preview = useAsync(async () => {
    if (!c.restaurantId || !address) return null;
    const [restaurant, menu] = await Promise.all([
      readRestaurant(c.restaurantId),
      readDishes(
        c.restaurantId,
        c.lines.map((l) => l.itemId),
      ),
    ]);
    const doc = cartDoc(cartInput(c, address, "preview", ""), null);
    return checkOrder({ items: doc.items, deliveryAddress: doc.deliveryAddress, restaurant, menu, now: new Date() });
  }, [key]);

  const signedOut = session.value === null;
  useEffect(() => {
    if (signedOut) location.route("/signin?next=/checkout", true);
  }, [signedOut, location]);

  if (c.lines.length === 0) {
    return (
      <main class="page narrow">
        <h1>Your cart</h1>
        <Empty>
          <p>
            Your cart is empty. <a href="/">Find something good</a>
          </p>
        </Empty>
      </main>
    );
  }

  const result = preview.data;
  const place = async (e: Event) => {
    e.preventDefault();
    const s = session.value;
    if (!s) return location.route("/signin?next=/checkout");
    if (!address) return setError("Choose a delivery address first (top of the page).");
    setBusy(true);
    setError("");
    const { id, sent } = placeOrder(cartInput(c, address, s.uid, note));
    const outcome = await Promise.race([
      sent.then(
        () => "sent" as const,
        (err: unknown) => err,
      ),
      new Promise<"waiting">((r) => setTimeout(() => r("waiting"), SEND_WAIT_MS)),
    ]);
    if (outcome !== "sent" && outcome !== "waiting") {
      setError(`The order could not be sent: ${errorText(outcome)}`);
      setBusy(false);
      return;
    }
    clearCart();
    location.route(`/orders/${id}`);
  };

  return (
    <main class="page narrow">
      <h1>Your order from {c.restaurantName}</h1>
      <ul class="cart-lines" aria-label="Cart">
        {c.lines.map((l) => (
          <li key={l.key}>
            <div>
              <strong>{l.name}</strong>
              {l.optionNames.length > 0 && <small> · {l.optionNames.join(", ")}</small>}
            </div>
            <div class="qty">
              <button
                type="button"
                aria-label={`One less ${l.name}`}
                onClick={() => setQuantity(l.key, l.quantity - 1)}
              >
                −
              </button>
              <span aria-label="quantity">{l.quantity}</span>
              <button
                type="button"
                aria-label={`One more ${l.name}`}
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
        Subtotal <strong data-testid="subtotal">{money(cartSubtotal.value)}</strong>
      </p>
      <form class="stack" onSubmit={place}>
        <p>
          Deliver to:{" "}
          <strong>
            {address
              ? `${address.label ? `${address.label} · ` : ""}${address.line1}`
              : "no address yet: set it at the top of the page"}
          </strong>
        </p>
        <label>
          Note for the restaurant
          <textarea
            name="note"
            maxLength={LIMITS.maxNoteLength}
            value={note}
            placeholder="Allergies, doorbell…"
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
          />
        </label>
        <section class="preview" aria-live="polite">
          {!address && <p data-testid="preview-problem">Choose a delivery address (top of the page).</p>}
          {address && preview.loading && <p>Checking prices…</p>}
          {result && result.ok && <Totals pricing={result.pricing} testId="preview-total" />}
          {result && !result.ok && (
            <p class="error" role="alert" data-testid="preview-problem">
              {result.rejection.message}
            </p>
          )}
        </section>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {!online.value && (
          <p class="notice" data-testid="checkout-offline">
            You are offline. You can still place the order: it is sent as soon as the connection is back, and the order
            page shows it as not sent until then.
          </p>
        )}
        <button type="submit" disabled={busy || !address || !session.value || (result ? !result.ok : false)}>
          {busy ? "Sending…" : "Place order"}
        </button>
      </form>
    </main>
  );
}
