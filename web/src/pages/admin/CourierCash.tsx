// The couriers' cash, as the backend keeps it from their books: what each holds and what they owe
// (or are owed), and a settlement an admin records (cash handed in, earnings paid out). A balance
// is never typed: it moves only with a settlement or a delivery.

import { useState } from "preact/hooks";
import {
  cashHeld,
  courierBalance,
  MAX_SETTLEMENT_CENTS,
  parseCents,
  type CourierCash,
  type SettlementKind,
} from "@domain";
import { recordSettlement, useAllCourierCash } from "../../data/courierCash";
import type { LiveRow } from "../../data/live";
import { money } from "../../components/format";
import { refusal } from "../../components/refusal";
import { Empty, ErrorNote, Loading, Outcome } from "../../components/States";
import { t, type Key } from "../../i18n";

const PAGE = 100;
const REFUSALS: Record<string, Key> = {
  more_than_held: "cash.err.more_than_held",
  more_than_owed: "cash.err.more_than_owed",
  bad_amount: "cash.err.bad_amount",
};

export function CourierCashPage() {
  const rows = useAllCourierCash(PAGE);
  return (
    <section class="stack" aria-labelledby="cash-title">
      <h2 id="cash-title">{t("adm.cash")}</h2>
      <p class="muted">{t("cash.intro")}</p>
      {rows.error !== undefined && <ErrorNote error={rows.error} />}
      {rows.data === undefined && !rows.error && <Loading what={t("cash.loading")} />}
      {rows.data?.length === 0 && (
        <Empty>
          <p>{t("cash.none")}</p>
        </Empty>
      )}
      <ul class="decisions">
        {rows.data?.map((c) => (
          <CourierRow key={c.id} cash={c} />
        ))}
      </ul>
    </section>
  );
}

function CourierRow({ cash: c }: { cash: LiveRow<CourierCash> }) {
  const [kind, setKind] = useState<SettlementKind>("handedIn");
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const balance = courierBalance(c);
  const submit = (e: Event) => {
    e.preventDefault();
    setMessage("");
    setError("");
    const cents = parseCents(amount);
    const bounds = { min: money(1), max: money(MAX_SETTLEMENT_CENTS) };
    if (cents === null || cents < 1 || cents > MAX_SETTLEMENT_CENTS) return setError(t("cash.err.bad_amount", bounds));
    recordSettlement(c.id, kind, cents, note.trim()).then(
      () => {
        setMessage(t("cash.recorded", { amount: money(cents) }));
        setAmount("");
        setNote("");
      },
      (err: unknown) => setError(refusal(err, REFUSALS, bounds)),
    );
  };
  return (
    <li class="decision" data-courier={c.id}>
      <div>
        <strong>{t("cash.courier", { id: c.id.slice(0, 6) })}</strong>
        <span data-testid="cash-held">{t("cash.held", { amount: money(cashHeld(c)) })}</span>
        <span data-testid="cash-balance">
          {t(balance > 0 ? "cash.owes" : balance < 0 ? "cash.owed" : "cash.even", { amount: money(Math.abs(balance)) })}
        </span>
      </div>
      <form class="stack" onSubmit={submit} aria-label={t("cash.settle")}>
        <label>
          {t("cash.kind")}
          <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as SettlementKind)}>
            <option value="handedIn">{t("cash.kind.handedIn")}</option>
            <option value="paidOut">{t("cash.kind.paidOut")}</option>
          </select>
        </label>
        <label>
          {t("cash.amount")}
          <input inputMode="decimal" value={amount} onInput={(e) => setAmount((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t("cash.note")}
          <input maxLength={200} value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">{t("cash.record")}</button>
        <Outcome message={message} error={error} />
      </form>
    </li>
  );
}
