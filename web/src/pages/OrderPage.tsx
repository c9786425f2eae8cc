// Live tracking of one order: every status as it happens, the backend's totals, the reason
// when it ends early, the courier on the map, and a review once it is delivered.

import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import {
  canTransition,
  clockTime,
  estimatedArrival,
  parseCart,
  parseCents,
  parseSlot,
  TIP_RAISE_HOURS,
  CUSTOMER_CANCEL_REASONS,
  etaMinutes,
  HAPPY_PATH,
  isFinal,
  LIMITS,
  type CancelReason,
  type Order,
  type OrderStatus,
} from "@domain";
import type { LiveRow } from "../data/live";
import { moveOrder, placeOrder, useOrder } from "../data/orders";
import { raiseTip } from "../data/money";
import { useReadWhileWatching } from "../data/inbox";
import { submitReview, useReview } from "../data/reviews";
import { useCourierPosition } from "../data/tracking";
import { CityMap } from "../components/CityMap";
import { clock, errorText, money } from "../components/format";
import { Empty, ErrorNote, Loading } from "../components/States";
import { Totals } from "../components/Totals";
import { OrderAgain } from "../components/OrderAgain";
import { session } from "../state/session";
import { statusLabel } from "../i18n";
import { cancelChoiceText, reasonText, rejectionText } from "../i18n/domainTexts";

export function OrderPage({ id }: { id: string }) {
  const order = useOrder(id);
  useReadWhileWatching(session.value?.uid, id);
  if (order.error)
    return (
      <main class="page narrow">
        <ErrorNote error={order.error} />
      </main>
    );
  if (order.data === undefined)
    return (
      <main class="page narrow">
        <Loading what="your order" />
      </main>
    );
  if (order.data === null)
    return (
      <main class="page narrow">
        {/* Offline, the cache may simply not have it yet: that is not the same as "no such order". */}
        {order.fromCache ? (
          <p class="notice" role="status" data-testid="reconnecting">
            Reconnecting… your order will show as soon as Dishpatch is reachable again.
          </p>
        ) : (
          <Empty>
            <p>No such order.</p>
          </Empty>
        )}
      </main>
    );
  const o = order.data;
  const ended = isFinal(o.status) && o.status !== "delivered";
  const ahead = !!o.timeline?.scheduled || o.status === "scheduled";
  const steps: OrderStatus[] = ended
    ? ["submitted", ...(["scheduled", "placed"] as OrderStatus[]).filter((s) => o.timeline?.[s]), o.status]
    : ahead
      ? ["submitted", "scheduled", ...HAPPY_PATH.slice(1)]
      : [...HAPPY_PATH];

  return (
    <main class="page narrow">
      <h1>Order from {o.restaurantName || "the restaurant"}</h1>
      <p class="status-line" data-testid="order-status" data-status={o.status} role="status" aria-live="polite">
        {statusLabel(o.status)}
        {o.pending && (
          <span class="pending" data-testid="not-sent">
            {" "}
            · Not sent yet
          </span>
        )}
      </p>
      <Arrival order={o} />
      {order.fromCache && !o.pending && (
        <p class="muted" data-testid="reconnecting">
          Reconnecting… showing the last status Dishpatch sent.
        </p>
      )}
      {o.status === "rejected" && o.rejection && (
        <div class="error" data-testid="reason">
          <p>{rejectionText(o.rejection)}</p>
          {o.rejection.code.startsWith("promo_") && <OrderWithoutCode order={o} />}
        </div>
      )}
      {o.status === "declined" && (
        <div class="error" data-testid="reason">
          <p>The restaurant declined: {o.declineReason ? reasonText(o.declineReason) : ""}</p>
          {o.declineNote && <p class="quote">Note from the restaurant: “{o.declineNote}”</p>}
        </div>
      )}
      {o.status === "cancelled" && (
        <p class="error" data-testid="reason">
          {o.cancelReason ? reasonText(o.cancelReason) : "The order was cancelled."}
        </p>
      )}
      <ol class="timeline" aria-label="Order progress">
        {steps.map((s) => {
          const at = o.timeline?.[s];
          return (
            <li key={s} class={at ? "done" : "todo"} data-step={s}>
              <span class="dot" aria-hidden="true" />
              <span class="label">{statusLabel(s)}</span>
              <time>{at ? clock(at, o.timeZone) : ""}</time>
            </li>
          );
        })}
      </ol>
      {o.status === "picked_up" && o.restaurantAddress && <CourierMap orderId={id} order={o} />}
      {o.pricing ? (
        <section aria-labelledby="totals-title">
          <h2 id="totals-title">Your order</h2>
          <ul class="cart-lines">
            {o.pricing.lines.map((l, i) => (
              <li key={i}>
                <div>
                  <strong>
                    {l.quantity} × {l.name}
                  </strong>
                  {l.options.length > 0 && <small> · {l.options.map((x) => x.name).join(", ")}</small>}
                </div>
                <span class="price">{money(l.lineTotal)}</span>
              </li>
            ))}
          </ul>
          <Totals pricing={o.pricing} testId="total" />
        </section>
      ) : o.status === "submitted" ? (
        <p>Checking your order with the restaurant's menu…</p>
      ) : null}
      <p>
        Deliver to {o.deliveryAddress.line1}
        {o.note ? ` · Note: “${o.note}”` : ""}
      </p>
      {canTransition(o.status, "cancelled", "customer") && <CancelButton orderId={id} />}
      {isFinal(o.status) && o.pricing && <OrderAgain order={o} />}
      {o.status === "delivered" && (
        <>
          <p>
            <a href={`/receipts/${id}`} data-testid="receipt-link">
              Receipt
            </a>
          </p>
          <RaiseTip orderId={id} order={o} />
          <ReviewForm orderId={id} order={o} />
        </>
      )}
    </main>
  );
}

function CancelButton({ orderId }: { orderId: string }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<CancelReason>("changed_mind");
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  const cancel = async (e: Event) => {
    e.preventDefault();
    setError("");
    try {
      await moveOrder(orderId, "cancelled", {
        cancelReason: reason,
        ...(note.trim() ? { cancelNote: note.trim() } : {}),
      });
    } catch (err) {
      setError(`Too late to cancel: ${errorText(err)}`);
    }
  };
  if (!asking)
    return (
      <button type="button" class="danger" onClick={() => setAsking(true)}>
        Cancel order
      </button>
    );
  return (
    <form class="stack cancel" onSubmit={cancel} aria-labelledby="cancel-title">
      <h2 id="cancel-title">Cancel this order?</h2>
      <label>
        Why?
        <select value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value as CancelReason)}>
          {CUSTOMER_CANCEL_REASONS.map((r) => (
            <option key={r} value={r}>
              {cancelChoiceText(r)}
            </option>
          ))}
        </select>
      </label>
      <label>
        A note for the restaurant (optional)
        <input
          maxLength={LIMITS.maxCancelNoteLength}
          value={note}
          onInput={(e) => setNote((e.target as HTMLInputElement).value)}
        />
      </label>
      <div class="actions">
        <button type="submit" class="danger">
          Yes, cancel the order
        </button>
        <button type="button" class="secondary" onClick={() => setAsking(false)}>
          Keep it
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function CourierMap({ orderId, order }: { orderId: string; order: LiveRow<Order> }) {
  const pos = useCourierPosition(orderId);
  const courier = pos.data ?? null;
  const dest = order.deliveryAddress;
  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title">
        On its way {courier && <small data-testid="eta">about {etaMinutes(courier, dest)} min</small>}
      </h2>
      {pos.error !== undefined && (
        <p class="muted" data-testid="tracking-error">
          The courier's position is not available right now.
        </p>
      )}
      <CityMap
        label="Map: the restaurant, the courier and your address"
        route
        fit
        markers={[
          { ...order.restaurantAddress!, kind: "restaurant", label: order.restaurantName ?? "Restaurant" },
          ...(courier ? [{ lat: courier.lat, lng: courier.lng, kind: "courier" as const, label: "Courier" }] : []),
          { ...dest, kind: "destination", label: "You" },
        ]}
      />
    </section>
  );
}

function ReviewForm({ orderId, order }: { orderId: string; order: Order }) {
  const existing = useReview(order.restaurantId, orderId);
  const [rating, setRating] = useState(5);
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  if (existing.data === undefined) return null;
  if (existing.data)
    return (
      <p class="notice" data-testid="reviewed">
        You rated this order {"★".repeat(existing.data.rating)}. Thank you!
      </p>
    );
  const submit = async (e: Event) => {
    e.preventDefault();
    setError("");
    try {
      await submitReview(order.restaurantId, orderId, rating, text);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form class="stack review" onSubmit={submit} aria-labelledby="review-title">
      <h2 id="review-title">How was it?</h2>
      <fieldset class="stars">
        <legend>Rating</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} class="inline">
            <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} />
            {n}★
          </label>
        ))}
      </fieldset>
      <label>
        Your review (optional)
        <textarea
          maxLength={LIMITS.maxReviewLength}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">Send review</button>
    </form>
  );
}

/** When it should arrive, from the backend's estimate and what has happened since; a scheduled
 * order says its slot and when the kitchen gets it. Re-read every half minute. */
function Arrival({ order: o }: { order: Order }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(t);
  }, []);
  const tz = o.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (o.status === "scheduled") {
    const slot = parseSlot(o.slotStart);
    const release = o.releaseAt ? new Date(o.releaseAt.toMillis()) : null;
    return (
      <p class="arrival" data-testid="arrival">
        Scheduled for <strong>{slot ? clockTime(slot, tz, now) : "later"}</strong>
        {release ? ` · the kitchen gets it at ${clockTime(release, tz, now)}; you can cancel until then` : ""}
      </p>
    );
  }
  const at = estimatedArrival(o, now);
  if (!at) return null;
  return (
    <p class="arrival" data-testid="arrival">
      Arrives around <strong>{clockTime(at, tz, now)}</strong>
    </p>
  );
}

/** A rejected code need not end the order: the same cart again, without it. */
function OrderWithoutCode({ order: o }: { order: Order }) {
  const location = useLocation();
  const [error, setError] = useState("");
  const again = () => {
    const items = parseCart(o.items);
    if (!items) return setError("The order could not be read.");
    const { id, sent } = placeOrder({
      customerId: o.customerId,
      restaurantId: o.restaurantId,
      items,
      deliveryAddress: o.deliveryAddress,
      note: o.note,
      slotStart: parseSlot(o.slotStart) ?? null,
      tip: o.tip ?? null,
    });
    sent.catch((err: unknown) => setError(errorText(err)));
    location.route(`/orders/${id}`);
  };
  return (
    <p>
      <button type="button" onClick={again} data-testid="without-code">
        Order the same without the code
      </button>
      {error && <span class="error"> {error}</span>}
    </p>
  );
}

/** Within a day of delivery the customer may raise the tip (never lower it); the courier gets it all. */
function RaiseTip({ orderId, order: o }: { orderId: string; order: Order }) {
  const current = o.pricing?.tip ?? 0;
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [done, setDone] = useState("");
  const delivered = o.timeline?.delivered?.toMillis();
  if (!o.pricing?.split || !delivered || Date.now() - delivered > TIP_RAISE_HOURS * 3600_000) return null;
  const cents = parseCents(text);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (cents === null) return;
    setBusy(true);
    setError("");
    try {
      await raiseTip(orderId, current + cents);
      setDone(`Thank you: ${money(cents)} more for your courier.`);
      setText("");
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack raise-tip" onSubmit={submit} aria-labelledby="tip-title">
      <h2 id="tip-title">Add to the tip</h2>
      <p class="muted">
        Your tip: <strong data-testid="current-tip">{money(current)}</strong>. All of it goes to your courier.
      </p>
      <label>
        Add (€)
        <input inputMode="decimal" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" disabled={busy || cents === null || cents <= 0}>
        Add to the tip
      </button>
      {done && (
        <p class="ok" role="status">
          {done}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
