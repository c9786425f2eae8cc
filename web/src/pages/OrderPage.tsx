// Live tracking of one order: every status as it happens, the backend's totals, the reason
// when it ends early, the courier on the map, and a review once it is delivered.

import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import {
  canTransition,
  CITY,
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
import { DeliveryMap } from "../components/DeliveryMap";
import { clockAt, clock, errorText, money } from "../components/format";
import { Empty, ErrorNote, Loading, Outcome } from "../components/States";
import { Totals } from "../components/Totals";
import { OrderAgain } from "../components/OrderAgain";
import { session } from "../state/session";
import { statusLabel, t } from "../i18n";
import { PushOffer } from "../components/PushOffer";
import { cancelChoiceText, reasonText, rejectionText } from "../i18n/domainTexts";
import "../i18n/shop"; // this screen's texts

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
        <Loading what={t("op.loading")} />
      </main>
    );
  if (order.data === null)
    return (
      <main class="page narrow">
        {/* Offline, the cache may simply not have it yet: that is not the same as "no such order". */}
        {order.fromCache ? (
          <p class="notice" role="status" data-testid="reconnecting">
            {t("op.reconnectingFirst")}
          </p>
        ) : (
          <Empty>
            <p>{t("op.none")}</p>
          </Empty>
        )}
      </main>
    );
  const o = order.data;
  const ended = isFinal(o.status) && o.status !== "delivered";
  const ahead = !!o.timeline?.scheduled || o.status === "scheduled";
  const steps: OrderStatus[] = ended
    ? o.status === "undelivered"
      ? [...HAPPY_PATH.slice(0, -1), "undelivered"] // it went all the way to the courier
      : ["submitted", ...(["scheduled", "placed"] as OrderStatus[]).filter((s) => o.timeline?.[s]), o.status]
    : ahead
      ? ["submitted", "scheduled", ...HAPPY_PATH.slice(1)]
      : [...HAPPY_PATH];

  return (
    <main class="page narrow">
      <h1>{t("op.title", { name: o.restaurantName || t("op.theRestaurant") })}</h1>
      {o.code && (
        <p class="order-code" data-testid="order-code">
          {t("op.code", { code: o.code })}
        </p>
      )}
      <p class="status-line" data-testid="order-status" data-status={o.status} role="status" aria-live="polite">
        {statusLabel(o.status)}
        {o.pending && (
          <span class="pending" data-testid="not-sent">
            {" "}
            · {t("op.notSent")}
          </span>
        )}
      </p>
      <Arrival order={o} />
      {order.fromCache && !o.pending && (
        <p class="muted" data-testid="reconnecting">
          {t("op.reconnecting")}
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
          <p>{t("op.declined", { reason: o.declineReason ? reasonText(o.declineReason) : "" })}</p>
          {o.declineNote && <p class="quote">{t("op.declineNote", { note: o.declineNote })}</p>}
        </div>
      )}
      {o.status === "cancelled" && (
        <p class="error" data-testid="reason">
          {o.cancelReason ? reasonText(o.cancelReason) : t("op.cancelled")}
        </p>
      )}
      <ol class="timeline" aria-label={t("op.progress")}>
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
          <h2 id="totals-title">{t("op.yourOrder")}</h2>
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
        <p>{t("op.checking")}</p>
      ) : null}
      <p>
        {t("op.deliverTo", { street: o.deliveryAddress.line1 })}
        {o.note ? ` · ${t("op.note", { note: o.note })}` : ""}
      </p>
      {!isFinal(o.status) && session.value && <PushOffer uid={session.value.uid} />}
      {canTransition(o.status, "cancelled", "customer") && <CancelButton orderId={id} />}
      {isFinal(o.status) && o.pricing && <OrderAgain order={o} />}
      {o.status === "delivered" && (
        <>
          <p>
            <a href={`/receipts/${id}`} data-testid="receipt-link">
              {t("op.receipt")}
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
      await moveOrder(session.value?.uid ?? "", orderId, "cancelled", {
        cancelReason: reason,
        ...(note.trim() ? { cancelNote: note.trim() } : {}),
      });
    } catch (err) {
      setError(t("op.tooLate", { error: errorText(err) }));
    }
  };
  if (!asking)
    return (
      <button type="button" class="danger" onClick={() => setAsking(true)}>
        {t("op.cancel")}
      </button>
    );
  return (
    <form class="stack cancel" onSubmit={cancel} aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t("op.cancelAsk")}</h2>
      <label>
        {t("op.why")}
        <select value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value as CancelReason)}>
          {CUSTOMER_CANCEL_REASONS.map((r) => (
            <option key={r} value={r}>
              {cancelChoiceText(r)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("op.cancelNote")}
        <input
          maxLength={LIMITS.maxCancelNoteLength}
          value={note}
          onInput={(e) => setNote((e.target as HTMLInputElement).value)}
        />
      </label>
      <div class="actions">
        <button type="submit" class="danger">
          {t("op.cancelYes")}
        </button>
        <button type="button" class="secondary" onClick={() => setAsking(false)}>
          {t("op.keep")}
        </button>
      </div>
      <Outcome error={error} />
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
        {t("status.picked_up")}{" "}
        {courier && <small data-testid="eta">{t("op.eta", { n: etaMinutes(courier, dest) })}</small>}
      </h2>
      {pos.error !== undefined && (
        <p class="muted" data-testid="tracking-error">
          {t("op.noPosition")}
        </p>
      )}
      <DeliveryMap
        label={t("op.map")}
        follow="courier"
        markers={[
          { ...order.restaurantAddress!, kind: "restaurant", label: order.restaurantName ?? t("op.restaurant") },
          ...(courier
            ? [{ lat: courier.lat, lng: courier.lng, kind: "courier" as const, label: t("op.courier") }]
            : []),
          { ...dest, kind: "destination", label: t("op.you") },
        ]}
        open={
          courier
            ? { place: courier, label: t("op.courier"), say: t("map.openCourier") }
            : { place: order.restaurantAddress!, label: order.restaurantName ?? t("op.restaurant") }
        }
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
        {t("op.rated", { stars: "★".repeat(existing.data.rating) })}
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
      <h2 id="review-title">{t("op.howWasIt")}</h2>
      <fieldset class="stars">
        <legend>{t("op.rating")}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} class="inline">
            <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} />
            {n}★
          </label>
        ))}
      </fieldset>
      <label>
        {t("op.review")}
        <textarea
          maxLength={LIMITS.maxReviewLength}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <Outcome error={error} />
      <button type="submit">{t("op.sendReview")}</button>
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
  const tz = o.timeZone ?? CITY.timeZone;
  if (o.status === "scheduled") {
    const slot = parseSlot(o.slotStart);
    const release = o.releaseAt ? new Date(o.releaseAt.toMillis()) : null;
    return (
      <p class="arrival" data-testid="arrival">
        {t("op.scheduledFor")} <strong>{slot ? clockAt(slot, tz, now) : t("op.later")}</strong>
        {release ? ` · ${t("op.release", { time: clockAt(release, tz, now) })}` : ""}
      </p>
    );
  }
  const at = estimatedArrival(o, now);
  if (!at) return null;
  return (
    <p class="arrival" data-testid="arrival">
      {t("op.arrives")} <strong>{clockAt(at, tz, now)}</strong>
    </p>
  );
}

/** A rejected code need not end the order: the same cart again, without it. */
function OrderWithoutCode({ order: o }: { order: Order }) {
  const location = useLocation();
  const [error, setError] = useState("");
  const again = () => {
    const items = parseCart(o.items);
    if (!items) return setError(t("op.unreadable"));
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
        {t("op.withoutCode")}
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
  if (!o.pricing || !delivered || Date.now() - delivered > TIP_RAISE_HOURS * 3600_000) return null;
  const cents = parseCents(text);
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
      setError(errorText(err));
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
      <label>
        {t("op.addAmount")}
        <input inputMode="decimal" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" disabled={busy || cents === null || cents <= 0}>
        {t("op.addTip")}
      </button>
      <Outcome message={done} error={error} />
    </form>
  );
}
