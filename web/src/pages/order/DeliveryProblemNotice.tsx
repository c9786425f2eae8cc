// When the courier cannot hand the order over: why, the minutes left to answer, and that without
// an answer it ends undelivered and is still charged; the customer answers once ("I'm here", with
// a short note). An order that ended undeliverable says so.

import { useState } from "preact/hooks";
import { RESPOND_MIN, respondBy, type Order } from "@domain";
import { answerDeliveryProblem } from "../../data/orders";
import { errorText } from "../../components/format";
import { Outcome } from "../../components/States";
import { useNow } from "../../components/useNow";
import { t } from "../../i18n";
import { reasonText } from "../../i18n/domainTexts";
import "../../styles/deliveryProblem.css";

const NOTE_MAX = 200;

export function DeliveryProblemNotice({ orderId, order: o }: { orderId: string; order: Order }) {
  if (o.status === "undeliverable")
    return (
      <p class="error" data-testid="reason">
        {t("op.undeliverable")}
      </p>
    );
  if (o.status !== "delivery_problem") return null;
  return (
    <section class="problem-notice stack" role="alert" data-testid="problem-notice">
      <h2>{t("op.problemTitle")}</h2>
      {o.deliveryProblem && <p>{reasonText(o.deliveryProblem)}</p>}
      {o.customerReply ? (
        <p data-testid="problem-answered">{t("op.problemAnswered")}</p>
      ) : (
        <Answer orderId={orderId} order={o} />
      )}
    </section>
  );
}

function Answer({ orderId, order: o }: { orderId: string; order: Order }) {
  const now = useNow(5000);
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  const by = respondBy(o);
  const left = by === null ? RESPOND_MIN : Math.max(0, Math.ceil((by - now) / 60_000));
  const answer = async (e: Event) => {
    e.preventDefault();
    setError("");
    try {
      await answerDeliveryProblem(orderId, note.trim());
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form class="stack" onSubmit={answer}>
      <p class="countdown" data-testid="problem-left">
        <strong>{left > 0 ? t("op.problemLeft", { left }) : t("op.problemLate")}</strong>
      </p>
      <p>{t("op.problemWarn")}</p>
      <label>
        {t("op.problemNote")}
        <textarea
          rows={2}
          maxLength={NOTE_MAX}
          value={note}
          onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <div class="actions">
        <button type="submit">{t("op.imHere")}</button>
      </div>
      <Outcome error={error} />
    </form>
  );
}
