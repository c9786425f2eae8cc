// Orders that need a decision: deliveries on their way long past their ride (domain/
// deliveryTimers.ts), which the backend has brought to every admin's inbox. The admin asks the
// courier and the customer, then ends each one: delivered after all, or not delivered.

import { useState } from "preact/hooks";
import { orderCodeOf, type Order } from "@domain";
import { resolveDelivery, useOverdueDeliveries } from "../../data/orders";
import type { LiveRow } from "../../data/live";
import { clock, minutesSince } from "../../components/format";
import { refusal } from "../../components/refusal";
import { useNow } from "../../components/useNow";
import { Empty, ErrorNote, Loading, Outcome } from "../../components/States";
import { t, type Key } from "../../i18n";
import { DeliveryProblems } from "./DeliveryProblems";

const REFRESH_MS = 30_000;

/** What the backend's refusal means, in the reader's words. */
const REASONS: Record<string, Key> = { not_on_its_way: "dec.notOnItsWay", not_overdue: "dec.notOverdue" };

export function Decisions() {
  const now = useNow(REFRESH_MS);
  const orders = useOverdueDeliveries(now);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const decide = async (o: LiveRow<Order>, outcome: "delivered" | "undelivered") => {
    setMessage("");
    setError("");
    try {
      await resolveDelivery(o.id, outcome);
      const code = `#${orderCodeOf(o, o.id)}`;
      setMessage(t(outcome === "delivered" ? "dec.doneDelivered" : "dec.doneUndelivered", { code }));
    } catch (err) {
      setError(refusal(err, REASONS));
    }
  };
  return (
    <section class="stack" aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t("dec.title")}</h2>
      <p class="muted">{t("dec.intro")}</p>
      <Outcome message={message} error={error} />
      {orders.error !== undefined && <ErrorNote error={orders.error} />}
      {orders.data === undefined && !orders.error && <Loading what={t("dec.loading")} />}
      {orders.data?.length === 0 && (
        <Empty>
          <p>{t("dec.none")}</p>
        </Empty>
      )}
      <ul class="decisions">
        {orders.data?.map((o) => (
          <li key={o.id} class="decision" data-order={o.id}>
            <div>
              <strong>
                #{orderCodeOf(o, o.id)} · {o.restaurantName}
              </strong>
              <span>
                {o.customerName ?? t("alert.aCustomer")}, {o.deliveryAddress.line1}
              </span>
              <span class="muted">
                {t("dec.pickedUp", {
                  time: clock(o.timeline?.picked_up, o.timeZone),
                  n: minutesSince(o.timeline?.picked_up, now),
                })}
                {o.courierId ? ` · ${t("dec.courier", { id: o.courierId.slice(0, 6) })}` : ""}
              </span>
            </div>
            <div class="actions">
              <button type="button" onClick={() => void decide(o, "delivered")}>
                {t("dec.delivered")}
              </button>
              <button type="button" class="danger" onClick={() => void decide(o, "undelivered")}>
                {t("dec.undelivered")}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <DeliveryProblems />
    </section>
  );
}
