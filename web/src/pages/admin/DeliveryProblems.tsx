// Deliveries a courier could not hand over (delivery_problem), oldest first: why, the time left
// for the customer to answer or their answer, and the admin's ending through resolveDelivery
// (delivered after all, not delivered, undeliverable), asked first.

import { useState } from "preact/hooks";
import { orderCodeOf, respondBy, RESPOND_MIN, type Order } from "@domain";
import { resolveDelivery, useDeliveryProblems, type DeliveryOutcome } from "../../data/orders";
import type { LiveRow } from "../../data/live";
import { clock, countdown, errorText } from "../../components/format";
import { Empty, ErrorNote, Loading, Outcome } from "../../components/States";
import { useNow } from "../../components/useNow";
import { problemLabel, t, type Key } from "../../i18n";
import "../../styles/deliveryProblem.css";

const OUTCOMES: readonly DeliveryOutcome[] = ["delivered", "undelivered", "undeliverable"];
const outcomeLabel = (o: DeliveryOutcome) => t(`dp.${o}` as Key);

export function DeliveryProblems() {
  const orders = useDeliveryProblems();
  const now = useNow();
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const decide = async (o: LiveRow<Order>, outcome: DeliveryOutcome) => {
    setMessage("");
    setError("");
    try {
      await resolveDelivery(o.id, outcome);
      setMessage(t("dp.done", { code: `#${orderCodeOf(o, o.id)}`, outcome: outcomeLabel(outcome) }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section class="stack delivery-problems" aria-labelledby="problems-title" data-testid="delivery-problems">
      <h2 id="problems-title">{t("dp.title")}</h2>
      <p class="muted">{t("dp.intro", { n: RESPOND_MIN })}</p>
      <Outcome message={message} error={error} />
      {orders.error !== undefined && <ErrorNote error={orders.error} />}
      {orders.data === undefined && !orders.error && <Loading what={t("dp.loading")} />}
      {orders.data?.length === 0 && (
        <Empty>
          <p>{t("dp.none")}</p>
        </Empty>
      )}
      <ul class="decisions">
        {orders.data?.map((o) => (
          <ProblemRow key={o.id} order={o} now={now} decide={decide} />
        ))}
      </ul>
    </section>
  );
}

function ProblemRow({
  order: o,
  now,
  decide,
}: {
  order: LiveRow<Order>;
  now: number;
  decide: (o: LiveRow<Order>, outcome: DeliveryOutcome) => Promise<void>;
}) {
  const [asking, setAsking] = useState<DeliveryOutcome | null>(null);
  const by = respondBy(o);
  const code = `#${orderCodeOf(o, o.id)}`;
  return (
    <li class="decision" data-order={o.id}>
      <div>
        <strong>
          {code} · {o.restaurantName}
        </strong>
        <span>
          {o.customerName ?? t("alert.aCustomer")}, {o.deliveryAddress.line1}
        </span>
        <span data-testid="problem-reason">
          {o.deliveryProblem ? problemLabel(o.deliveryProblem) : ""} ·{" "}
          {t("dp.reported", { time: clock(o.timeline?.delivery_problem, o.timeZone) })}
        </span>
        {o.customerReply ? (
          <span data-testid="problem-reply">
            {t("dp.answered", { time: clock(o.customerReply.at, o.timeZone) })}
            {o.customerReply.note && <span class="quote"> “{o.customerReply.note}”</span>}
          </span>
        ) : (
          <span class="muted" data-testid="problem-left">
            {by === null || by > now
              ? t("dp.timeLeft", { left: countdown((by ?? now + RESPOND_MIN * 60_000) - now) })
              : t("dp.noAnswer")}
          </span>
        )}
      </div>
      {asking ? (
        <div class="actions" data-testid="confirm">
          <span>{t("dp.confirm", { code, outcome: outcomeLabel(asking) })}</span>
          <button
            type="button"
            class={asking === "delivered" ? "" : "danger"}
            onClick={() => void decide(o, asking).then(() => setAsking(null))}
          >
            {t("dp.yes")}
          </button>
          <button type="button" class="secondary" onClick={() => setAsking(null)}>
            {t("dp.no")}
          </button>
        </div>
      ) : (
        <div class="actions">
          {OUTCOMES.map((outcome) => (
            <button
              key={outcome}
              type="button"
              class={outcome === "delivered" ? "secondary" : "danger"}
              onClick={() => setAsking(outcome)}
            >
              {outcomeLabel(outcome)}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}
