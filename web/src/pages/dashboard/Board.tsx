// The live order board. New orders announce themselves (a highlight, a chime and the tab title)
// and show how long they have waited and when the backend will cancel them.

import { useEffect, useRef, useState } from "preact/hooks";
import { collection, doc, orderBy, query, serverTimestamp, updateDoc, where } from "firebase/firestore";
import { LIMITS, type Order, type OrderStatus } from "@domain";
import { db } from "../../firebase/live";
import { useLiveQuery } from "../../firebase/useLive";
import { clock, countdown, errorText, minutesSince, money } from "../../components/format";
import { ErrorNote, Loading } from "../../components/States";

type Row = Order & { id: string; acceptBy?: { toMillis(): number } };

const COLUMNS: { status: OrderStatus; title: string }[] = [
  { status: "placed", title: "New" },
  { status: "accepted", title: "Accepted" },
  { status: "preparing", title: "Preparing" },
  { status: "ready", title: "Ready" },
  { status: "picked_up", title: "Out for delivery" },
];

function chime() {
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.6);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.6);
  } catch {
    // no audio (autoplay policy, headless): the visual cue still shows
  }
}

export function Board({ rid }: { rid: string }) {
  const orders = useLiveQuery<Row>(
    query(
      collection(db, "orders"),
      where("restaurantId", "==", rid),
      where(
        "status",
        "in",
        COLUMNS.map((c) => c.status),
      ),
      orderBy("createdAt"),
    ),
    rid,
  );
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  useEffect(() => {
    if (!orders.data) return;
    const placed = orders.data.filter((o) => o.status === "placed").map((o) => o.id);
    if (seen.current === null) {
      seen.current = new Set(placed);
      return;
    }
    const arrived = placed.filter((id) => !seen.current!.has(id));
    arrived.forEach((id) => seen.current!.add(id));
    if (arrived.length) {
      chime();
      setFresh((f) => new Set([...f, ...arrived]));
    }
  }, [orders.data]);

  const waiting = orders.data?.filter((o) => o.status === "placed").length ?? 0;
  useEffect(() => {
    document.title = waiting ? `(${waiting}) New orders · Dishpatch` : "Dishpatch dashboard";
    return () => {
      document.title = "Dishpatch";
    };
  }, [waiting]);

  if (orders.error) return <ErrorNote error={orders.error} />;
  if (!orders.data) return <Loading what="orders" />;
  return (
    <div class="board">
      {COLUMNS.map((c) => {
        const rows = orders.data!.filter((o) => o.status === c.status);
        return (
          <section key={c.status} class="column" aria-label={`${c.title} orders`} data-column={c.status}>
            <h2>
              {c.title} <span class="count">{rows.length}</span>
            </h2>
            {rows.length === 0 && <p class="muted">None</p>}
            {rows.map((o) => (
              <OrderCard
                key={o.id}
                order={o}
                now={now}
                fresh={fresh.has(o.id)}
                onSeen={() =>
                  setFresh((f) => {
                    const n = new Set(f);
                    n.delete(o.id);
                    return n;
                  })
                }
              />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function OrderCard({ order: o, now, fresh, onSeen }: { order: Row; now: number; fresh: boolean; onSeen: () => void }) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const move = async (to: OrderStatus, extra: Record<string, unknown> = {}) => {
    setBusy(true);
    setError("");
    onSeen();
    try {
      await updateDoc(doc(db, "orders", o.id), {
        status: to,
        [`timeline.${to}`]: serverTimestamp(),
        updatedAt: serverTimestamp(),
        ...extra,
      });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const left = o.acceptBy ? o.acceptBy.toMillis() - now : 0;
  return (
    <article class={`order-card${fresh ? " fresh" : ""}`} data-order={o.id} aria-label={`Order for ${o.customerName}`}>
      <header>
        <strong>{o.customerName}</strong>
        <span class="muted">
          #{o.id.slice(0, 5)} · {clock(o.createdAt)}
        </span>
      </header>
      {o.status === "placed" && (
        <p class="wait" data-testid="waiting">
          Waiting {minutesSince(o.timeline?.placed, now)} min · auto-cancels in{" "}
          <span class={left < 120000 ? "urgent" : ""}>{countdown(left)}</span>
        </p>
      )}
      <ul class="items">
        {o.pricing?.lines.map((l, i) => (
          <li key={i}>
            {l.quantity} × {l.name}
            {l.options.length > 0 && <small> ({l.options.map((x) => x.name).join(", ")})</small>}
          </li>
        ))}
      </ul>
      {o.note && <p class="note">“{o.note}”</p>}
      <p class="addr">To: {o.deliveryAddress.line1}</p>
      {o.pricing && (
        <p class="sum">
          Total <strong>{money(o.pricing.total)}</strong> <small>(food {money(o.pricing.subtotal)})</small>
        </p>
      )}
      {o.status === "ready" && (
        <p class="muted">{o.courierId ? "Courier on the way to pick up" : "Waiting for a courier"}</p>
      )}
      <div class="actions">
        {o.status === "placed" && !declining && (
          <>
            <button type="button" disabled={busy} onClick={() => move("accepted")}>
              Accept
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => setDeclining(true)}>
              Decline
            </button>
          </>
        )}
        {o.status === "accepted" && (
          <button type="button" disabled={busy} onClick={() => move("preparing")}>
            Start preparing
          </button>
        )}
        {o.status === "preparing" && (
          <button type="button" disabled={busy} onClick={() => move("ready")}>
            Mark ready
          </button>
        )}
      </div>
      {declining && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) void move("declined", { declineReason: reason.trim() });
          }}
        >
          <label>
            Reason for the customer
            <input
              required
              maxLength={LIMITS.maxDeclineReasonLength}
              value={reason}
              onInput={(e) => setReason((e.target as HTMLInputElement).value)}
            />
          </label>
          <div class="actions">
            <button type="submit" class="danger" disabled={busy || !reason.trim()}>
              Decline order
            </button>
            <button type="button" class="secondary" onClick={() => setDeclining(false)}>
              Back
            </button>
          </div>
        </form>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
