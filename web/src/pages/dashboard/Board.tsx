// The live order board. New orders announce themselves (a highlight, a chime and the tab title)
// and show how long they have waited and when the backend will cancel them. Each card offers the
// moves the state machine gives staff from its status; a move made offline shows "Not sent yet"
// until the server has it.

import { useEffect, useRef, useState } from "preact/hooks";
import {
  BOARD_STATUSES,
  DECLINE_REASONS,
  LIMITS,
  nextStatuses,
  REASON_TEXTS,
  type DeclineReason,
  type OrderStatus,
} from "@domain";
import type { LiveRow } from "../../data/live";
import { moveOrder, useBoardOrders, type BoardOrder } from "../../data/orders";
import { clock, countdown, errorText, minutesSince, money } from "../../components/format";
import { ErrorNote, Loading } from "../../components/States";
import { useDashboard } from "./context";

type Card = LiveRow<BoardOrder>;

const COLUMN_TITLES: Partial<Record<OrderStatus, string>> = {
  placed: "New",
  accepted: "Accepted",
  preparing: "Preparing",
  ready: "Ready",
  picked_up: "Out for delivery",
};

/** What the button for each staff move says. */
const MOVE_LABELS: Partial<Record<OrderStatus, string>> = {
  accepted: "Accept",
  declined: "Decline",
  preparing: "Start preparing",
  ready: "Mark ready",
};

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

export function Board() {
  const { rid } = useDashboard();
  const orders = useBoardOrders(rid);
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
  const seenNow = (id: string) =>
    setFresh((f) => {
      const n = new Set(f);
      n.delete(id);
      return n;
    });
  return (
    <div class="board">
      {BOARD_STATUSES.map((status) => {
        const cards = orders.data!.filter((o) => o.status === status);
        const title = COLUMN_TITLES[status];
        return (
          <section key={status} class="column" aria-label={`${title} orders`} data-column={status}>
            <h2>
              {title} <span class="count">{cards.length}</span>
            </h2>
            {cards.length === 0 && <p class="muted">None</p>}
            {cards.map((o) => (
              <OrderCard key={o.id} order={o} now={now} fresh={fresh.has(o.id)} onSeen={() => seenNow(o.id)} />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function OrderCard({ order: o, now, fresh, onSeen }: { order: Card; now: number; fresh: boolean; onSeen: () => void }) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState<DeclineReason>("too_busy");
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  // Not awaited for the server: offline, the move is queued and the card says so.
  const move = (to: OrderStatus, extra: Record<string, unknown> = {}) => {
    setError("");
    onSeen();
    moveOrder(o.id, to, extra).catch((err: unknown) => setError(errorText(err)));
  };
  const left = o.acceptBy ? o.acceptBy.toMillis() - now : 0;
  const moves = nextStatuses(o.status, "staff");
  return (
    <article
      class={`order-card${fresh ? " fresh" : ""}${o.pending ? " pending" : ""}`}
      data-order={o.id}
      aria-label={`Order for ${o.customerName}`}
    >
      <header>
        <strong>{o.customerName}</strong>
        <span class="muted">
          #{o.id.slice(0, 5)} · {clock(o.createdAt)}
        </span>
      </header>
      {o.pending && (
        <p class="pending" data-testid="not-sent">
          Not sent yet: waiting for the connection
        </p>
      )}
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
      {!declining && (
        <div class="actions">
          {moves.map((to) => (
            <button
              key={to}
              type="button"
              class={to === "declined" ? "secondary" : undefined}
              onClick={() => (to === "declined" ? setDeclining(true) : move(to))}
            >
              {MOVE_LABELS[to]}
            </button>
          ))}
        </div>
      )}
      {declining && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            move("declined", { declineReason: reason, ...(note.trim() ? { declineNote: note.trim() } : {}) });
          }}
        >
          <label>
            Reason
            <select value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value as DeclineReason)}>
              {DECLINE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {REASON_TEXTS[r]}
                </option>
              ))}
            </select>
          </label>
          <label>
            A note for the customer (optional)
            <input
              maxLength={LIMITS.maxDeclineNoteLength}
              value={note}
              onInput={(e) => setNote((e.target as HTMLInputElement).value)}
            />
          </label>
          <div class="actions">
            <button type="submit" class="danger">
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
