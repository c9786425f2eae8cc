// Promo codes: create one (checked with the domain's rules before it is sent; the backend checks
// again and makes its allocations), and pause or resume the codes there are.

import { useState } from "preact/hooks";
import { normalizeCode, parseCents, promoProblem, type PromoCode } from "@domain";
import { createPromo, setPromoPaused, useAllPromos } from "../../data/money";
import type { RestaurantChoice } from "../../data/restaurants";
import { RestaurantPicker } from "./RestaurantPicker";
import { dateTimeWithYear, errorText, money } from "../../components/format";
import { ErrorNote, Loading, Outcome } from "../../components/States";
import { t } from "../../i18n";
import { problems } from "../../i18n/work";
import { TableBox } from "../../components/TableBox";

interface Form {
  code: string;
  description: string;
  kind: "percent" | "fixed";
  percent: string;
  amount: string;
  minSubtotal: string;
  maxDiscount: string;
  days: string;
  firstOrderOnly: boolean;
  perCustomerLimit: string;
  maxRedemptions: string;
  budget: string;
  restaurant: RestaurantChoice | null;
  fundedBy: "platform" | "restaurant";
  public: boolean;
}

const EMPTY: Form = {
  code: "",
  description: "",
  kind: "percent",
  percent: "10",
  amount: "",
  minSubtotal: "0",
  maxDiscount: "",
  days: "30",
  firstOrderOnly: false,
  perCustomerLimit: "1",
  maxRedemptions: "",
  budget: "",
  restaurant: null,
  fundedBy: "platform",
  public: false,
};

/** The form as a code (dates as milliseconds), or what is wrong with it. */
function toInput(f: Form, now: number) {
  const cents = (text: string) => (text.trim() === "" ? null : parseCents(text));
  const percent = Number(f.percent);
  const promo = {
    code: normalizeCode(f.code),
    description: f.description.trim(),
    kind: f.kind,
    percentBps: f.kind === "percent" ? Math.round(percent * 100) : 0,
    amountCents: f.kind === "fixed" ? (parseCents(f.amount) ?? -1) : 0,
    minSubtotal: parseCents(f.minSubtotal) ?? -1,
    maxDiscount: cents(f.maxDiscount),
    validFrom: now,
    validUntil: now + Number(f.days) * 24 * 3600_000,
    firstOrderOnly: f.firstOrderOnly,
    perCustomerLimit: Number(f.perCustomerLimit),
    maxRedemptions: f.maxRedemptions.trim() === "" ? null : Number(f.maxRedemptions),
    budgetCents: cents(f.budget),
    restaurantId: f.restaurant?.id ?? null,
    fundedBy: f.fundedBy,
    paused: false,
    public: f.public,
  };
  const asTimes = {
    ...promo,
    validFrom: { toMillis: () => promo.validFrom },
    validUntil: { toMillis: () => promo.validUntil },
  };
  const problem =
    !Number.isInteger(Number(f.days)) || Number(f.days) < 1 ? t("promo.days") : promoProblem(asTimes, problems());
  return { promo, problem };
}

export function Promos() {
  const promos = useAllPromos();
  const [f, setF] = useState<Form>(EMPTY);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const { promo, problem } = toInput(f, Date.now());
  const set = (patch: Partial<Form>) => setF({ ...f, ...patch });
  const text = (key: keyof Form, label: string, hint?: string) => (
    <label>
      {label}
      <input value={f[key] as string} onInput={(e) => set({ [key]: (e.target as HTMLInputElement).value })} />
      {hint && <small>{hint}</small>}
    </label>
  );
  const submit = async (e: Event) => {
    e.preventDefault();
    if (problem) return;
    setBusy(true);
    setError("");
    setMessage("");
    try {
      const code = await createPromo(promo);
      setMessage(t("promo.created", { code }));
      setF(EMPTY);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="stack" aria-labelledby="promos-title">
      <h2 id="promos-title">{t("adm.promos")}</h2>
      <form class="stack promo-form" onSubmit={submit} aria-label={t("promo.new")}>
        <div class="grid3">
          {text("code", t("co.code"), t("promo.codeHint"))}
          {text("description", t("promo.description"))}
          <label>
            {t("totals.discount")}
            <select
              value={f.kind}
              onChange={(e) => set({ kind: (e.target as HTMLSelectElement).value as Form["kind"] })}
            >
              <option value="percent">{t("promo.percentage")}</option>
              <option value="fixed">{t("promo.amount")}</option>
            </select>
          </label>
          {f.kind === "percent" ? text("percent", t("promo.percentOff")) : text("amount", t("promo.amountOff"))}
          {text("minSubtotal", t("promo.minSubtotal"))}
          {f.kind === "percent" && text("maxDiscount", t("promo.maxDiscount"), t("promo.noMax"))}
          {text("days", t("promo.validFor"))}
          {text("perCustomerLimit", t("promo.perCustomer"), t("promo.noLimit"))}
          {text("maxRedemptions", t("promo.inAll"), t("promo.noCap"))}
          {text("budget", t("promo.budget"), t("promo.noBudget"))}
          <label>
            {t("promo.fundedBy")}
            <select
              value={f.fundedBy}
              onChange={(e) => set({ fundedBy: (e.target as HTMLSelectElement).value as Form["fundedBy"] })}
            >
              <option value="platform">Dishpatch</option>
              <option value="restaurant">{t("promo.theRestaurant")}</option>
            </select>
          </label>
        </div>
        <RestaurantPicker
          label={t("op.restaurant")}
          value={f.restaurant}
          onChange={(restaurant) => set({ restaurant })}
          none={t("promo.allRestaurants")}
        />
        <label class="inline">
          <input
            type="checkbox"
            checked={f.firstOrderOnly}
            onChange={() => set({ firstOrderOnly: !f.firstOrderOnly })}
          />{" "}
          {t("promo.firstOnly")}
        </label>
        <label class="inline">
          <input type="checkbox" checked={f.public} onChange={() => set({ public: !f.public })} /> {t("promo.public")}
        </label>
        {problem && f.code && <p class="hint">{problem}</p>}
        <button type="submit" disabled={busy || !!problem}>
          {t("promo.create")}
        </button>
        <Outcome message={message} error={error} />
      </form>
      {promos.error !== undefined && <ErrorNote error={promos.error} />}
      {!promos.data && !promos.error && <Loading what={t("promo.loading")} />}
      <TableBox label={t("adm.promos")}>
        <table class="promos">
          <thead>
            <tr>
              <th>{t("co.code")}</th>
              <th>{t("totals.discount")}</th>
              <th>{t("promo.conditions")}</th>
              <th>{t("promo.until")}</th>
              <th>{t("promo.state")}</th>
            </tr>
          </thead>
          <tbody>
            {promos.data?.map((p) => (
              <PromoRow key={p.code} promo={p} />
            ))}
          </tbody>
        </table>
      </TableBox>
    </section>
  );
}

function PromoRow({ promo: p }: { promo: PromoCode }) {
  const [error, setError] = useState("");
  return (
    <tr data-code={p.code}>
      <td>
        <strong>{p.code}</strong>
        <br />
        <small>{p.description}</small>
      </td>
      <td>
        {p.kind === "percent" ? `${p.percentBps / 100} %` : money(p.amountCents)}
        {p.maxDiscount !== null && p.kind === "percent" ? `, ${t("promo.upTo", { amount: money(p.maxDiscount) })}` : ""}
        {" · "}
        {t("promo.by", { funder: p.fundedBy === "platform" ? "Dishpatch" : t("op.theRestaurant") })}
      </td>
      <td>
        {t("promo.from", { amount: money(p.minSubtotal) })}
        {p.firstOrderOnly ? ` · ${t("promo.firstOrder")}` : ""}
        {p.perCustomerLimit ? ` · ${t("promo.nPerCustomer", { n: p.perCustomerLimit })}` : ""}
        {p.maxRedemptions !== null ? ` · ${t("promo.nInAll", { n: p.maxRedemptions })}` : ""}
        {p.budgetCents !== null ? ` · ${t("promo.budgetOf", { amount: money(p.budgetCents) })}` : ""}
      </td>
      <td>{dateTimeWithYear(p.validUntil)}</td>
      <td>
        <span data-testid="promo-state">{p.paused ? t("promo.paused") : t("promo.active")}</span>{" "}
        <button
          type="button"
          class="secondary small"
          onClick={() => setPromoPaused(p.code, !p.paused).catch((err: unknown) => setError(errorText(err)))}
        >
          {p.paused ? t("promo.resume") : t("promo.pause")}
        </button>
        {error && <span class="error"> {error}</span>}
      </td>
    </tr>
  );
}
