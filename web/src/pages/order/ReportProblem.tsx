// "Report a problem" on a delivered order, within the window: what went wrong, which dishes and how
// many (for missing or wrong items), a short description; the backend decides the refund.

import { useState } from "preact/hooks";
import {
  COMPLAINT_LIMITS,
  COMPLAINT_TYPES,
  ITEM_COMPLAINTS,
  type ComplaintType,
  type Order,
  type PricedLine,
} from "@domain";
import { fileComplaint } from "../../data/complaints";
import { refusal } from "../../components/refusal";
import { money } from "../../components/format";
import { Outcome } from "../../components/States";
import { complaintTypeLabel, t, type Key } from "../../i18n";
import "../../styles/afterOrder.css";

/** The backend's reasons for refusing a report (ComplaintProblem), in the reader's words. */
const PROBLEMS: Record<string, Key> = {
  unknown_type: "cp.err.unknown_type",
  not_delivered: "cp.err.not_delivered",
  window_closed: "cp.err.window_closed",
  lines_needed: "cp.err.lines_needed",
  bad_line: "cp.err.bad_line",
  too_many: "cp.err.bad_line",
  description_too_long: "cp.err.description_too_long",
  nothing_left: "cp.err.nothing_left",
  not_found: "cp.err.not_found",
  bad_input: "cp.err.bad_line",
};

/** Where an approved refund went: back to the card as far as the card paid, the rest as credit. */
function approvedText(amount: number, toCard: number, currency: string): string {
  if (toCard <= 0) return t("cp.approved", { amount: money(amount, currency) });
  if (toCard >= amount) return t("cp.approvedCard", { amount: money(amount, currency) });
  return t("cp.approvedSplit", { card: money(toCard, currency), credit: money(amount - toCard, currency) });
}

/** Whether the order may still be reported (delivered, inside the window). */
export function mayReport(o: Order, now = Date.now()): boolean {
  const delivered = o.status === "delivered" ? o.timeline?.delivered?.toMillis() : undefined;
  return delivered !== undefined && now - delivered <= COMPLAINT_LIMITS.windowHours * 3600_000;
}

export function ReportProblem({ orderId, order: o }: { orderId: string; order: Order }) {
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<ComplaintType | null>(null);
  const [counts, setCounts] = useState<Record<number, number>>({});
  const [description, setDescription] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [done, setDone] = useState("");
  if (!o.pricing || !mayReport(o)) return null;
  const currency = o.pricing.currency;
  if (done)
    return (
      <p class="notice" role="status" data-testid="report-result">
        {done}
      </p>
    );
  if (!open)
    return (
      <p>
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          {t("cp.report")}
        </button>
      </p>
    );
  const items = type !== null && ITEM_COMPLAINTS.includes(type);
  const lines = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([line, quantity]) => ({ line: Number(line), quantity }));
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!type) return;
    setBusy(true);
    setError("");
    try {
      const r = await fileComplaint({
        orderId,
        type,
        ...(items ? { lines } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
      });
      setDone(
        r.status === "approved"
          ? approvedText(r.amount, r.toCard ?? 0, currency)
          : t("cp.inReview", { amount: money(r.amount, currency) }),
      );
    } catch (err) {
      setError(
        refusal(err, PROBLEMS, {
          hours: COMPLAINT_LIMITS.windowHours,
          max: COMPLAINT_LIMITS.maxDescriptionLength,
        }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack report" onSubmit={submit} aria-labelledby="report-title">
      <h2 id="report-title">{t("cp.report")}</h2>
      <fieldset class="report-types">
        <legend>{t("cp.what")}</legend>
        {COMPLAINT_TYPES.map((c) => (
          <label key={c} class="inline">
            <input type="radio" name="complaint-type" checked={type === c} onChange={() => setType(c)} />
            {complaintTypeLabel(c)}
          </label>
        ))}
      </fieldset>
      {items && (
        <fieldset class="report-lines">
          <legend>{t(type === "missing_items" ? "cp.whichMissing" : "cp.whichWrong")}</legend>
          {o.pricing.lines.map((l, i) => (
            <LineChoice key={i} line={l} count={counts[i] ?? 0} onChange={(n) => setCounts({ ...counts, [i]: n })} />
          ))}
        </fieldset>
      )}
      <label>
        {t("cp.describe")}
        <textarea
          maxLength={COMPLAINT_LIMITS.maxDescriptionLength}
          value={description}
          onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <Outcome error={error} />
      <div class="actions">
        <button type="submit" disabled={busy || !type || (items && lines.length === 0)}>
          {busy ? t("cp.sending") : t("cp.send")}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {t("cp.never")}
        </button>
      </div>
    </form>
  );
}

/** One dish of the order: ticked, and how many of it (all of them at first). */
function LineChoice({ line: l, count, onChange }: { line: PricedLine; count: number; onChange: (n: number) => void }) {
  const name = l.options.length ? `${l.name} (${l.options.map((x) => x.name).join(", ")})` : l.name;
  return (
    <div class="report-line">
      <label class="inline">
        <input type="checkbox" checked={count > 0} onChange={() => onChange(count > 0 ? 0 : l.quantity)} />
        {name}
      </label>
      {count > 0 && l.quantity > 1 && (
        <label class="inline">
          {t("cp.howMany")}
          <select value={String(count)} onChange={(e) => onChange(Number((e.target as HTMLSelectElement).value))}>
            {Array.from({ length: l.quantity }, (_, k) => k + 1).map((n) => (
              <option key={n} value={String(n)}>
                {t("cp.ofN", { n, of: l.quantity })}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
