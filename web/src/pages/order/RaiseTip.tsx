// Raising the tip after delivery: the customer may add to it for a while, the courier gets it all.

import { useState } from "preact/hooks";
import { parseCents, TIP_RAISE_HOURS, type Order } from "@domain";
import { raiseTip } from "../../data/money";
import { errorText, money } from "../../components/format";
import { Outcome } from "../../components/States";
import { t } from "../../i18n";

/** Within a day of delivery the customer may raise the tip (never lower it); the courier gets it all. */
export function RaiseTip({ orderId, order: o }: { orderId: string; order: Order }) {
  const current = o.pricing?.tip ?? 0;
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [done, setDone] = useState("");
  const delivered = o.timeline?.delivered?.toMillis();
  if (!o.pricing || !delivered || Date.now() - delivered > TIP_RAISE_HOURS * 3600_000) return null;
  const cents = parseCents(text);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (cents === null) return;
    setBusy(true);
    setError("");
    try {
      await raiseTip(orderId, current + cents);
      setDone(t("op.tipThanks", { amount: money(cents) }));
      setText("");
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack raise-tip" onSubmit={submit} aria-labelledby="tip-title">
      <h2 id="tip-title">{t("op.addTip")}</h2>
      <p class="muted">
        {t("op.yourTip")} <strong data-testid="current-tip">{money(current)}</strong>. {t("op.allToCourier")}
      </p>
      <label>
        {t("op.addAmount")}
        <input inputMode="decimal" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
      </label>
      <button type="submit" disabled={busy || cents === null || cents <= 0}>
        {t("op.addTip")}
      </button>
      <Outcome message={done} error={error} />
    </form>
  );
}
