// The live order board. New orders stand out (the alerts themselves are on every tab: AlertBar)
// and show how long they have waited and when the backend will cancel them; orders ahead wait
// above the columns with the time the kitchen gets them. Each card offers the moves the state
// machine gives staff from its status (accepting with a prep time) and a printable kitchen
// ticket; a move made offline shows "Not sent yet" until the server has it.

import { useEffect, useState } from "preact/hooks";
import {
  BOARD_STATUSES,
  clockTime,
  currentPrepMinutes,
  DECLINE_REASONS,
  LIMITS,
  nextStatuses,
  parseSlot,
  type DeclineReason,
  type OrderStatus,
} from "@domain";
import type { LiveRow } from "../../data/live";
import { acceptOrder, moveOrder, type BoardOrder } from "../../data/orders";
import { clock, countdown, errorText, minutesSince, money } from "../../components/format";
import { ErrorNote, Loading } from "../../components/States";
import { reasonText } from "../../i18n/domainTexts";
import { useDashboard } from "./context";
import { Ticket } from "./Ticket";

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

function itemCount(o: Card): string {
  const n = o.pricing?.lines.reduce((sum, l) => sum + l.quantity, 0) ?? 0;
  return n === 1 ? "1 item" : `${n} items`;
}

/** One-tap prep times around the restaurant's current estimate. */
function prepChoices(current: number): number[] {
  return [...new Set([Math.max(5, current - 5), current, current + 10, current + 20])].sort((a, b) => a - b);
}

export function Board() {
  const { orders, arrivals, restaurant } = useDashboard();
  const [now, setNow] = useState(Date.now());
  const [ticket, setTicket] = useState<Card | null>(null);

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  // Print once the ticket for the chosen order is on the page.
  useEffect(() => {
    if (ticket) window.print();
  }, [ticket]);

  if (orders.error) return <ErrorNote error={orders.error} />;
  if (!orders.data) return <Loading what="orders" />;
  const r = restaurant.data;
  const prep = r ? currentPrepMinutes(r, new Date(now)) : 20;
  const fresh = new Set(arrivals.map((o) => o.id));
  const ahead = orders.data
    .filter((o) => o.status === "scheduled")
    .sort((a, b) => (a.releaseAt?.toMillis() ?? 0) - (b.releaseAt?.toMillis() ?? 0));
  const card = (o: Card) => (
    <OrderCard key={o.id} order={o} now={now} fresh={fresh.has(o.id)} prep={prep} onPrint={() => setTicket({ ...o })} />
  );
  return (
    <>
      {ahead.length > 0 && (
        <section class="ahead" aria-label="Orders for later" data-testid="orders-ahead">
          <h2>
            For later <span class="count">{ahead.length}</span>
          </h2>
          <ul>
            {ahead.map((o) => {
              const slot = parseSlot(o.slotStart);
              const tz = r?.timeZone ?? "UTC";
              return (
                <li key={o.id} data-order={o.id}>
                  <strong>{slot ? clockTime(slot, tz, new Date(now)) : "later"}</strong> · {o.customerName} ·{" "}
                  {itemCount(o)} ·{" "}
                  <span class="muted">
                    to the kitchen at{" "}
                    {o.releaseAt ? clockTime(new Date(o.releaseAt.toMillis()), tz, new Date(now)) : "—"}
                  </span>{" "}
                  <button type="button" class="secondary small" onClick={() => setTicket({ ...o })}>
                    Print ticket
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
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
              {cards.map(card)}
            </section>
          );
        })}
      </div>
      {ticket && r && <Ticket order={ticket} restaurant={r} />}
    </>
  );
}

interface CardProps {
  order: Card;
  now: number;
  fresh: boolean;
  /** The restaurant's current prep time estimate, preselected when accepting. */
  prep: number;
  onPrint: () => void;
}

function OrderCard({ order: o, now, fresh, prep, onPrint }: CardProps) {
  const [declining, setDeclining] = useState(false);
  const [prepMin, setPrepMin] = useState<number | null>(null);
  const [reason, setReason] = useState<DeclineReason>("too_busy");
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  // Not awaited for the server: offline, the move is queued and the card says so.
  const move = (to: OrderStatus, extra: Record<string, unknown> = {}) => {
    setError("");
    (to === "accepted" ? acceptOrder(o.id, prepMin ?? prep) : moveOrder(o.id, to, extra)).catch((err: unknown) =>
      setError(errorText(err)),
    );
  };
  const left = o.acceptBy ? o.acceptBy.toMillis() - now : 0;
  const moves = nextStatuses(o.status, "staff");
  return (
    <article
      id={`order-${o.id}`}
      class={`order-card${fresh ? " fresh" : ""}${o.pending ? " pending" : ""}`}
      data-order={o.id}
      aria-label={`Order for ${o.customerName}`}
    >
      <header>
        <strong>{o.customerName}</strong>
        <span class="muted">
          #{o.id.slice(0, 5)} · {clock(o.createdAt, o.timeZone)}
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
      {o.prepMin && (o.status === "accepted" || o.status === "preparing") && (
        <p class="muted">Prep time {o.prepMin} min</p>
      )}
      {!declining && moves.includes("accepted") && (
        <fieldset class="prep-choice">
          <legend>Ready in</legend>
          {prepChoices(prep).map((m) => (
            <label key={m} class="chip">
              <input
                type="radio"
                name={`prep-${o.id}`}
                value={m}
                checked={(prepMin ?? prep) === m}
                onChange={() => setPrepMin(m)}
              />
              {m} min
            </label>
          ))}
        </fieldset>
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
              {to === "accepted" ? `Accept · ${prepMin ?? prep} min` : MOVE_LABELS[to]}
            </button>
          ))}
          <button type="button" class="secondary small" onClick={onPrint}>
            Print ticket
          </button>
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
                  {reasonText(r)}
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
