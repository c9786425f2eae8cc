// The live order board. New orders stand out (the alerts themselves are on every tab: AlertBar)
// and show how long they have waited and when the backend will cancel them; orders ahead wait
// above the columns with the time the kitchen gets them. Each card offers the moves the state
// machine gives staff from its status (accepting with a prep time) and a printable kitchen
// ticket; a move made offline shows "Not sent yet" until the server has it.

import { useEffect, useState } from "preact/hooks";
import { useNow } from "../../components/useNow";
import {
  BOARD_STATUSES,
  currentPrepMinutes,
  DECLINE_REASONS,
  LIMITS,
  nextStatuses,
  orderCodeOf,
  parseSlot,
  type DeclineReason,
  type OrderStatus,
} from "@domain";
import type { LiveRow } from "../../data/live";
import { acceptOrder, cancelAcceptedOrder, moveOrder, type BoardOrder } from "../../data/orders";
import { session } from "../../state/session";
import { clockAt, clock, countdown, errorText, minutesSince, money } from "../../components/format";
import { ErrorNote, Loading, Outcome } from "../../components/States";
import { reasonText } from "../../i18n/domainTexts";
import { useDashboard } from "./context";
import { CancelForm } from "./CancelForm";
import { Ticket } from "./Ticket";
import { t, tn, type Key } from "../../i18n";

type Card = LiveRow<BoardOrder>;

const COLUMN_TITLES: Partial<Record<OrderStatus, Key>> = {
  placed: "board.col.placed",
  accepted: "board.col.accepted",
  preparing: "board.col.preparing",
  ready: "board.col.ready",
  picked_up: "board.col.picked_up",
};

/** What the button for each staff move says. */
const MOVE_LABELS: Partial<Record<OrderStatus, Key>> = {
  accepted: "board.move.accepted",
  declined: "board.move.declined",
  preparing: "board.move.preparing",
  ready: "board.move.ready",
};

function itemCount(o: Card): string {
  const n = o.pricing?.lines.reduce((sum, l) => sum + l.quantity, 0) ?? 0;
  return tn("board.items", n);
}

/** One-tap prep times around the restaurant's current estimate. */
function prepChoices(current: number): number[] {
  return [...new Set([Math.max(5, current - 5), current, current + 10, current + 20])].sort((a, b) => a - b);
}

export function Board() {
  const { orders, arrivals, restaurant } = useDashboard();
  const now = useNow();
  const [ticket, setTicket] = useState<Card | null>(null);

  // Print once the ticket for the chosen order is on the page.
  useEffect(() => {
    if (ticket) window.print();
  }, [ticket]);

  if (orders.error) return <ErrorNote error={orders.error} />;
  if (!orders.data) return <Loading what={t("board.loading")} />;
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
        <section class="ahead" aria-label={t("board.ahead")} data-testid="orders-ahead">
          <h2>
            {t("board.forLater")} <span class="count">{ahead.length}</span>
          </h2>
          <ul>
            {ahead.map((o) => {
              const slot = parseSlot(o.slotStart);
              const tz = r?.timeZone ?? "UTC";
              return (
                <li key={o.id} data-order={o.id}>
                  <strong>{slot ? clockAt(slot, tz, new Date(now)) : t("op.later")}</strong> ·{" "}
                  {o.customerName ?? t("alert.aCustomer")} · {itemCount(o)} ·{" "}
                  <span class="muted">
                    {t("board.toKitchen")}{" "}
                    {o.releaseAt ? clockAt(new Date(o.releaseAt.toMillis()), tz, new Date(now)) : "—"}
                  </span>{" "}
                  <button type="button" class="secondary small" onClick={() => setTicket({ ...o })}>
                    {t("board.print")}
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
          const title = t(COLUMN_TITLES[status]!);
          return (
            <section key={status} class="column" aria-label={t("board.columnLabel", { title })} data-column={status}>
              <h2>
                {title} <span class="count">{cards.length}</span>
              </h2>
              {cards.length === 0 && <p class="muted">{t("board.none")}</p>}
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
  const [cancelling, setCancelling] = useState(false);
  const [prepMin, setPrepMin] = useState<number | null>(null);
  const [reason, setReason] = useState<DeclineReason>("too_busy");
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  // Not awaited for the server: offline, the move is queued and the card says so.
  const move = (to: OrderStatus, extra: Record<string, unknown> = {}) => {
    setError("");
    const uid = session.value?.uid ?? "";
    (to === "accepted" ? acceptOrder(uid, o.id, prepMin ?? prep) : moveOrder(uid, o.id, to, extra)).catch(
      (err: unknown) => setError(errorText(err)),
    );
  };
  const cancel = (reason: DeclineReason) => {
    setError("");
    cancelAcceptedOrder(session.value?.uid ?? "", o.id, reason).catch((err: unknown) => setError(errorText(err)));
  };
  const left = o.acceptBy ? o.acceptBy.toMillis() - now : 0;
  // Cancelling an accepted order is its own step, confirmed first (CancelForm).
  const all = nextStatuses(o.status, "staff");
  const moves = all.filter((to) => to !== "cancelled");
  const mayCancel = all.includes("cancelled");
  const code = orderCodeOf(o, o.id);
  return (
    <article
      id={`order-${o.id}`}
      class={`order-card${fresh ? " fresh" : ""}${o.pending ? " pending" : ""}`}
      data-order={o.id}
      aria-label={t("board.orderFor", { name: o.customerName ?? t("alert.aCustomer") })}
    >
      <header>
        <strong>{o.customerName ?? t("alert.aCustomer")}</strong>
        <span class="muted">
          <span class="order-code" data-testid="order-code">
            #{code}
          </span>{" "}
          · {clock(o.createdAt, o.timeZone)}
        </span>
      </header>
      {o.pending && (
        <p class="pending" data-testid="not-sent">
          {t("board.notSent")}
        </p>
      )}
      {o.status === "placed" && (
        <p class="wait" data-testid="waiting">
          {t("board.waitingFor", { n: minutesSince(o.timeline?.placed, now) })}{" "}
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
      <p class="addr">{t("board.to", { street: o.deliveryAddress.line1 })}</p>
      {o.pricing && (
        <p class="sum">
          {t("totals.total")} <strong>{money(o.pricing.total)}</strong>{" "}
          <small>({t("board.food", { amount: money(o.pricing.subtotal) })})</small>
        </p>
      )}
      {o.status === "ready" && (
        <p class="muted">{o.courierId ? t("board.courierComing") : t("board.waitingCourier")}</p>
      )}
      {o.prepMin && (o.status === "accepted" || o.status === "preparing") && (
        <p class="muted">{t("board.prepTime", { n: o.prepMin })}</p>
      )}
      {!declining && !cancelling && moves.includes("accepted") && (
        <fieldset class="prep-choice">
          <legend>{t("board.readyIn")}</legend>
          {prepChoices(prep).map((m) => (
            <label key={m} class="chip">
              <input
                type="radio"
                name={`prep-${o.id}`}
                value={m}
                checked={(prepMin ?? prep) === m}
                onChange={() => setPrepMin(m)}
              />
              {t("list.minutes", { n: m })}
            </label>
          ))}
        </fieldset>
      )}
      {!declining && !cancelling && (
        <div class="actions">
          {moves.map((to) => (
            <button
              key={to}
              type="button"
              class={to === "declined" ? "secondary" : undefined}
              onClick={() => (to === "declined" ? setDeclining(true) : move(to))}
            >
              {to === "accepted" ? t("board.acceptIn", { n: prepMin ?? prep }) : MOVE_LABELS[to] && t(MOVE_LABELS[to])}
            </button>
          ))}
          <button type="button" class="secondary small" onClick={onPrint}>
            {t("board.print")}
          </button>
          {mayCancel && (
            <button type="button" class="secondary small" onClick={() => setCancelling(true)}>
              {t("board.cancel")}
            </button>
          )}
        </div>
      )}
      {cancelling && <CancelForm code={code} onCancel={cancel} onKeep={() => setCancelling(false)} />}
      {declining && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            move("declined", { declineReason: reason, ...(note.trim() ? { declineNote: note.trim() } : {}) });
          }}
        >
          <label>
            {t("board.reason")}
            <select value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value as DeclineReason)}>
              {DECLINE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {reasonText(r)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("board.declineNote")}
            <input
              maxLength={LIMITS.maxDeclineNoteLength}
              value={note}
              onInput={(e) => setNote((e.target as HTMLInputElement).value)}
            />
          </label>
          <div class="actions">
            <button type="submit" class="danger">
              {t("board.decline")}
            </button>
            <button type="button" class="secondary" onClick={() => setDeclining(false)}>
              {t("board.back")}
            </button>
          </div>
        </form>
      )}
      <Outcome error={error} />
    </article>
  );
}
