// A client's latest webhook deliveries, each with every attempt (status, time, error) and a
// resend.

import { useState } from "preact/hooks";
import type { WebhookDelivery } from "@domain";
import { resendDelivery, useDeliveries } from "../../../data/integrations";
import type { LiveRow } from "../../../data/live";
import { dateTime, errorText } from "../../../components/format";
import { Outcome } from "../../../components/States";
import { t } from "../../../i18n";

export function Deliveries({ clientId, canResend }: { clientId: string; canResend: boolean }) {
  const deliveries = useDeliveries(clientId);
  const rows = deliveries.data ?? [];
  return (
    <section class="deliveries" aria-label={t("int.deliveries")}>
      <h4>{t("int.deliveries")}</h4>
      {rows.length === 0 ? (
        <p class="muted">{t("int.noDeliveries")}</p>
      ) : (
        <ul class="stack">
          {rows.map((d) => (
            <DeliveryRow key={d.id} clientId={clientId} delivery={d} canResend={canResend} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DeliveryRow({
  clientId,
  delivery: d,
  canResend,
}: {
  clientId: string;
  delivery: LiveRow<WebhookDelivery>;
  canResend: boolean;
}) {
  const [outcome, setOutcome] = useState<{ message?: string; error?: string }>({});
  const resend = () =>
    resendDelivery(clientId, d.id).then(
      () => setOutcome({ message: t("int.resent") }),
      (err) => setOutcome({ error: errorText(err) }),
    );
  return (
    <li class="delivery" data-event={d.id} data-testid="delivery">
      <div class="row">
        <code>{d.type}</code>
        <span class={`pill ${d.state === "delivered" ? "open" : d.state === "failed" ? "closed" : "paused"}`}>
          {t(`int.state.${d.state}`)}
        </span>
        {canResend && d.state !== "pending" && (
          <button type="button" class="secondary" onClick={() => void resend()}>
            {t("int.resend")}
          </button>
        )}
      </div>
      <ol class="attempts">
        {d.attempts.map((a, k) => (
          <li key={k} data-testid="attempt">
            {t("int.attempt", {
              time: dateTime(a.at),
              result: a.status === null ? `${t("int.noAnswer")} (${a.error ?? ""})` : `HTTP ${a.status}`,
            })}
          </li>
        ))}
      </ol>
      <Outcome {...outcome} />
    </li>
  );
}
