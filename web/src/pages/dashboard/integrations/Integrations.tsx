// The owner's Integrations tab: API clients for the restaurant's own systems (a till, a kitchen
// screen), each with its scopes, its webhook endpoint and its latest deliveries.

import { useState } from "preact/hooks";
import { API_SCOPES, type ApiScope } from "@domain";
import { createApiClient, useApiClients } from "../../../data/integrations";
import { errorText } from "../../../components/format";
import { Empty, ErrorNote, Loading, Outcome } from "../../../components/States";
import { useDashboard } from "../context";
import { t } from "../../../i18n";
import { ClientCard } from "./ClientCard";
import { ShownOnce } from "./ShownOnce";
import "../../../styles/integrations.css";

export function Integrations() {
  const { rid } = useDashboard();
  const clients = useApiClients(rid);
  const [made, setMade] = useState<{ clientId: string; clientSecret: string } | null>(null);
  const list = [...(clients.data ?? [])].sort(
    (a, b) => (b.createdAt?.toMillis() ?? 0) - (a.createdAt?.toMillis() ?? 0),
  );
  return (
    <section class="integrations stack" aria-label={t("int.label")}>
      <p>
        {t("int.intro")}{" "}
        <a href="/api/v1/docs/" target="_blank" rel="noopener">
          {t("int.docs")}
        </a>
      </p>
      <NewClient rid={rid} onMade={setMade} />
      {made && (
        <ShownOnce
          testid="new-client"
          rows={[
            [t("int.clientId"), made.clientId],
            [t("int.secret"), made.clientSecret],
          ]}
        />
      )}
      {clients.error !== undefined && <ErrorNote error={clients.error} />}
      {clients.data === undefined && clients.error === undefined && <Loading what={t("dash.integrations")} />}
      {clients.data?.length === 0 && (
        <Empty>
          <p>{t("int.none")}</p>
        </Empty>
      )}
      {list.map((c) => (
        <ClientCard key={c.id} client={c} />
      ))}
    </section>
  );
}

function NewClient({
  rid,
  onMade,
}: {
  rid: string;
  onMade: (made: { clientId: string; clientSecret: string }) => void;
}) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>(["orders:read", "orders:write"]);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const toggle = (s: ApiScope) => setScopes((now) => (now.includes(s) ? now.filter((x) => x !== s) : [...now, s]));
  const submit = async (e: Event) => {
    e.preventDefault();
    setError("");
    setBusy(true);
    try {
      onMade(await createApiClient(rid, name.trim(), scopes));
      setName("");
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack card" onSubmit={submit} data-testid="new-client-form">
      <h2>{t("int.new")}</h2>
      <label>
        {t("int.name")}
        <input value={name} maxLength={60} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      </label>
      <fieldset>
        <legend>{t("int.scopes")}</legend>
        {API_SCOPES.map((s) => (
          <label key={s} class="check">
            <input type="checkbox" checked={scopes.includes(s)} onChange={() => toggle(s)} />
            {t(`int.scope.${s}`)} <code>{s}</code>
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy}>
        {t("int.create")}
      </button>
      <Outcome error={error} />
    </form>
  );
}
