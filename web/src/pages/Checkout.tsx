// The cart and checkout. The price preview runs the backend's own check (checkOrder) on the
// menu as it is now; the backend runs it again, authoritatively, when the order arrives.

import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { addDoc, collection, doc, getDoc, serverTimestamp } from "firebase/firestore";
import { asMenuItem, checkOrder, LIMITS, type MenuItem, type Restaurant } from "@domain";
import { db } from "../firebase/live";
import { deliveryAddress } from "../state/address";
import { cart, cartSubtotal, clearCart, setQuantity } from "../state/cart";
import { session } from "../state/session";
import { errorText, money } from "../components/format";
import { Empty } from "../components/States";
import { Totals } from "../components/Totals";
import { useAsync } from "../components/useAsync";

export function Checkout() {
  const location = useLocation();
  const c = cart.value;
  const address = deliveryAddress.value;
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  // Re-read the restaurant and the dishes in the cart whenever the cart changes.
  const ids = c.lines.map((l) => l.itemId).join(",");
  const preview = useAsync(async () => {
    if (!c.restaurantId) return null;
    const rSnap = await getDoc(doc(db, "restaurants", c.restaurantId));
    const menu = new Map<string, MenuItem>();
    await Promise.all(
      [...new Set(c.lines.map((l) => l.itemId))].map(async (itemId) => {
        const snap = await getDoc(doc(db, `restaurants/${c.restaurantId}/menu/${itemId}`));
        const item = snap.exists() ? asMenuItem(snap.data()) : null;
        if (item) menu.set(itemId, item);
      }),
    );
    const restaurant = rSnap.exists() ? (rSnap.data() as Restaurant) : null;
    return checkOrder({
      items: c.lines.map(({ itemId, quantity, options }) => ({ itemId, quantity, options })),
      deliveryAddress: address,
      restaurant,
      menu,
      now: new Date(),
    });
  }, [c.restaurantId, ids, JSON.stringify(c.lines.map((l) => l.quantity)), address?.lat, address?.lng]);

  useEffect(() => {
    if (session.value === null) location.route("/signin?next=/checkout", true);
  }, [session.value]);

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
    try {
      const ref = await addDoc(collection(db, "orders"), {
        customerId: s.uid,
        restaurantId: c.restaurantId,
        status: "submitted",
        items: c.lines.map(({ itemId, quantity, options }) => ({ itemId, quantity, options })),
        deliveryAddress: {
          line1: address.line1,
          city: address.city,
          lat: address.lat,
          lng: address.lng,
          ...(address.label ? { label: address.label } : {}),
        },
        note: note.trim(),
        createdAt: serverTimestamp(),
      });
      clearCart();
      location.route(`/orders/${ref.id}`);
    } catch (err) {
      setError(`The order could not be sent: ${errorText(err)}`);
      setBusy(false);
    }
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
          {preview.loading && <p>Checking prices…</p>}
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
        <button type="submit" disabled={busy || !address || !session.value || (result ? !result.ok : false)}>
          {busy ? "Sending…" : "Place order"}
        </button>
      </form>
    </main>
  );
}
