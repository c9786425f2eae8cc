// One API client: what it may do, when it was last used, a new secret or revoking it, its webhook
// endpoint and events, and what was sent to it.

import { useState } from "preact/hooks";
import { WEBHOOK_EVENTS, type ApiClient, type WebhookEvent } from "@domain";
import { revokeApiClient, rotateApiClient, setWebhook } from "../../../data/integrations";
import type { LiveRow } from "../../../data/live";
import { dateTime, errorText } from "../../../components/format";
import { Outcome } from "../../../components/States";
import { t } from "../../../i18n";
import { Deliveries } from "./Deliveries";
import { ShownOnce } from "./ShownOnce";

export function ClientCard({ client }: { client: LiveRow<ApiClient> }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState("");
  const act = async (work: () => Promise<void>) => {
    setError("");
    try {
      await work();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const revoked = !!client.revokedAt;
  return (
    <article class="card stack api-client" data-client={client.id} data-testid="api-client">
      <h3>
        {client.name} {revoked && <span class="pill closed">{t("int.revoked")}</span>}
      </h3>
      <p class="muted">
        <code>{client.id}</code> · {t("int.created", { date: dateTime(client.createdAt) })} ·{" "}
        {client.lastTokenAt ? t("int.lastToken", { date: dateTime(client.lastTokenAt) }) : t("int.neverUsed")}
      </p>
      <p>
        {client.scopes.map((s) => (
          <span key={s} class="tag">
            {t(`int.scope.${s}`)}
          </span>
        ))}
      </p>
      {!revoked && (
        <div class="row">
          <button
            type="button"
            class="secondary"
            onClick={() =>
              confirm(t("int.rotateConfirm")) && act(async () => setSecret(await rotateApiClient(client.id)))
            }
          >
            {t("int.rotate")}
          </button>
          <button
            type="button"
            class="secondary danger"
            onClick={() => confirm(t("int.revokeConfirm")) && act(() => revokeApiClient(client.id))}
          >
            {t("int.revoke")}
          </button>
        </div>
      )}
      {secret && <ShownOnce testid="rotated" rows={[[t("int.secret"), secret]]} />}
      <Outcome error={error} />
      {!revoked && <WebhookForm client={client} />}
      <Deliveries clientId={client.id} canResend={!revoked && !!client.webhook} />
    </article>
  );
}

function WebhookForm({ client }: { client: LiveRow<ApiClient> }) {
  const [url, setUrl] = useState(client.webhook?.url ?? "");
  const [events, setEvents] = useState<WebhookEvent[]>(client.webhook?.events ?? ["order.placed", "order.cancelled"]);
  const [signing, setSigning] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ message?: string; error?: string }>({});
  const toggle = (e: WebhookEvent) => setEvents((now) => (now.includes(e) ? now.filter((x) => x !== e) : [...now, e]));
  const save = async (ev: Event) => {
    ev.preventDefault();
    setOutcome({});
    try {
      const secret = await setWebhook(client.id, url.trim(), events);
      if (secret) setSigning(secret);
      setOutcome({ message: t("int.saved") });
    } catch (err) {
      setOutcome({ error: errorText(err) });
    }
  };
  const failing = client.webhook?.failingSince;
  return (
    <form class="stack webhook" onSubmit={save} data-testid="webhook-form">
      <h4>
        {t("int.webhook")}{" "}
        {client.webhook && (
          <span class={`pill ${failing ? "paused" : "open"}`} data-testid="webhook-health">
            {failing ? t("int.failingSince", { time: dateTime(failing) }) : t("int.healthy")}
          </span>
        )}
      </h4>
      <label>
        {t("int.url")}
        <input type="url" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
      </label>
      <fieldset>
        <legend>{t("int.events")}</legend>
        {WEBHOOK_EVENTS.map((e) => (
          <label key={e} class="check">
            <input type="checkbox" checked={events.includes(e)} onChange={() => toggle(e)} />
            {t(`int.event.${e}`)} <code>{e}</code>
          </label>
        ))}
      </fieldset>
      <div class="row">
        <button type="submit">{t("int.saveWebhook")}</button>
        {client.webhook && (
          <button
            type="button"
            class="secondary"
            onClick={() =>
              void setWebhook(client.id, null).then(
                () => setUrl(""),
                (err) => setOutcome({ error: errorText(err) }),
              )
            }
          >
            {t("int.removeWebhook")}
          </button>
        )}
      </div>
      {signing && <ShownOnce testid="signing" rows={[[t("int.signingSecret"), signing]]} />}
      <Outcome {...outcome} />
    </form>
  );
}
