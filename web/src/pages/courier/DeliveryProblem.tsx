// A courier who cannot hand an order over: says why (asked first), then waits for the customer's
// answer with the time left to it, and may still deliver after all. The backend ends it otherwise.

import { useState } from "preact/hooks";
import { DELIVERY_PROBLEMS, RESPOND_MIN, respondBy, type DeliveryProblem, type Order } from "@domain";
import { deliverOrder, reportDeliveryProblem } from "../../data/orders";
import { countdown, errorText } from "../../components/format";
import { Outcome } from "../../components/States";
import { useNow } from "../../components/useNow";
import { problemLabel, t } from "../../i18n";
import "../../styles/deliveryProblem.css";

export function CannotDeliver({ uid, orderId }: { uid: string; orderId: string }) {
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<DeliveryProblem | null>(null);
  const [error, setError] = useState("");
  const report = async (e: Event) => {
    e.preventDefault();
    if (!problem) return;
    setError("");
    try {
      await reportDeliveryProblem(uid, orderId, problem);
    } catch (err) {
      setError(errorText(err));
    }
  };
  if (!asking)
    return (
      <div class="cannot-deliver">
        <button type="button" class="secondary" onClick={() => setAsking(true)} data-testid="cannot-deliver">
          {t("problem.cannot")}
        </button>
      </div>
    );
  return (
    <form class="stack cannot-deliver" onSubmit={report} data-testid="problem-form">
      <fieldset>
        <legend>{t("problem.why")}</legend>
        {DELIVERY_PROBLEMS.map((p) => (
          <label key={p} class="check">
            <input type="radio" name="problem" checked={problem === p} onChange={() => setProblem(p)} />
            {problemLabel(p)}
          </label>
        ))}
      </fieldset>
      <p class="muted">{t("problem.then", { n: RESPOND_MIN })}</p>
      <div class="actions">
        <button type="submit" class="danger" disabled={!problem}>
          {t("problem.report")}
        </button>
        <button type="button" class="secondary" onClick={() => setAsking(false)}>
          {t("problem.back")}
        </button>
      </div>
      <Outcome error={error} />
    </form>
  );
}

export function ProblemWaiting({ uid, orderId, order: o }: { uid: string; orderId: string; order: Order }) {
  const now = useNow();
  const [error, setError] = useState("");
  // Until the server has stamped the report, the whole time is left.
  const by = respondBy(o) ?? now + RESPOND_MIN * 60_000;
  const deliver = async () => {
    setError("");
    try {
      await deliverOrder(uid, orderId);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <div class="problem-waiting stack" data-testid="problem-waiting">
      <p>
        <strong>{o.deliveryProblem ? problemLabel(o.deliveryProblem) : t("problem.cannot")}</strong>
      </p>
      {o.customerReply ? (
        <div class="notice" data-testid="customer-reply">
          <p>{t("problem.answered")}</p>
          {o.customerReply.note && <p class="quote">“{o.customerReply.note}”</p>}
          <p class="muted">{t("problem.adminDecides")}</p>
        </div>
      ) : by > now ? (
        <p data-testid="time-left">{t("problem.waiting", { left: countdown(by - now) })}</p>
      ) : (
        <p data-testid="time-left">{t("problem.noAnswer")}</p>
      )}
      <div class="actions">
        <button type="button" onClick={() => void deliver()} data-testid="delivered-after-all">
          {t("problem.deliveredAfterAll")}
        </button>
      </div>
      <Outcome error={error} />
    </div>
  );
}
