// The order's steps with the time each happened: the usual path, an order ahead's, or an early end.

import { HAPPY_PATH, isFinal, type Order, type OrderStatus } from "@domain";
import { clock } from "../../components/format";
import { statusLabel, t } from "../../i18n";

function stepsOf(o: Order): OrderStatus[] {
  const ended = isFinal(o.status) && o.status !== "delivered";
  const ahead = !!o.timeline?.scheduled || o.status === "scheduled";
  // A courier who could not hand it over at first: that step shows before how it ended.
  const problem: OrderStatus[] =
    o.timeline?.delivery_problem || o.status === "delivery_problem" ? ["delivery_problem"] : [];
  const carried = [...HAPPY_PATH.slice(0, -1), ...problem];
  return ended
    ? o.status === "undelivered" || o.status === "undeliverable"
      ? [...carried, o.status] // it went all the way to the courier
      : ["submitted", ...(["scheduled", "placed"] as OrderStatus[]).filter((s) => o.timeline?.[s]), o.status]
    : ahead
      ? ["submitted", "scheduled", ...HAPPY_PATH.slice(1, -1), ...problem, "delivered"]
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
