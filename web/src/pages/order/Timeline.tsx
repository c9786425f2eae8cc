// The order's steps with the time each happened: the usual path, an order ahead's, or an early end.
// An order paid by card waits for the card before the kitchen gets it (or before it is scheduled).

import { HAPPY_PATH, isFinal, type Order, type OrderStatus } from "@domain";
import { clock } from "../../components/format";
import { paidByCard } from "../../payments/cardFace";
import { statusLabel, t } from "../../i18n";

function stepsOf(o: Order): OrderStatus[] {
  const ended = isFinal(o.status) && o.status !== "delivered";
  // Ordered ahead and waiting for its card: it is scheduled once the card is authorised.
  const ahead =
    !!o.timeline?.scheduled || o.status === "scheduled" || (o.status === "awaiting_payment" && !!o.releaseAt);
  // An order that ended shows the wait for its card only if it had one.
  const card: OrderStatus[] =
    o.timeline?.awaiting_payment || o.status === "awaiting_payment" || (!ended && paidByCard(o))
      ? ["awaiting_payment"]
      : [];
  const start: OrderStatus[] = ["submitted", ...card];
  // A courier who could not hand it over at first: that step shows before how it ended.
  const problem: OrderStatus[] =
    o.timeline?.delivery_problem || o.status === "delivery_problem" ? ["delivery_problem"] : [];
  const carried = [...start, ...HAPPY_PATH.slice(1, -1), ...problem];
  return ended
    ? o.status === "undelivered" || o.status === "undeliverable"
      ? [...carried, o.status] // it went all the way to the courier
      : [...start, ...(["scheduled", "placed"] as OrderStatus[]).filter((s) => o.timeline?.[s]), o.status]
    : ahead
      ? [...start, "scheduled", ...HAPPY_PATH.slice(1, -1), ...problem, "delivered"]
      : [...carried, "delivered"];
}

export function Timeline({ order: o }: { order: Order }) {
  return (
    <ol class="timeline" aria-label={t("op.progress")}>
      {stepsOf(o).map((s) => {
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
  );
}
