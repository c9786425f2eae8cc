// The restaurant's statement for a day or a week, from its statement lines (its part of each
// delivered order, no customer in them, and what complaints charged it or gave back): gross food
// sales, commission, promotions it funded, refunds, and the net payout; and the same as CSV.

import { useState } from "preact/hooks";
import { localTime, statementBounds, statementCsv, statementOf, type StatementPeriod } from "@domain";
import { readStatement, type StatementRow } from "../../data/money";
import { clock, deduction, money } from "../../components/format";
import { useAsync } from "../../components/useAsync";
import { ErrorNote, Loading } from "../../components/States";
import { useDashboard } from "./context";
import { t } from "../../i18n";
import { TableBox } from "../../components/TableBox";

type Period = StatementPeriod;

/** What complaints took off (positive) or gave back after a dispute (negative). */
const refundAmount = (cents: number) => (cents < 0 ? `+${money(-cents)}` : deduction(cents));

export function Statements() {
  const { rid, restaurant } = useDashboard();
  // The day shown first is the restaurant's today, so the view waits for its time zone: a guess
  // (UTC) would open on yesterday for the first hour of a Berlin day.
  if (!restaurant.data) return <Loading what={t("stmt.loading")} />;
  return <StatementView rid={rid} tz={restaurant.data.timeZone} />;
}

function StatementView({ rid, tz }: { rid: string; tz: string }) {
  const [period, setPeriod] = useState<Period>("day");
  const [date, setDate] = useState(() => localTime(new Date(), tz).date);
  const { from, to, first } = statementBounds(period, date, tz);
  const lines = useAsync(() => readStatement(rid, from, to), [rid, from.getTime(), to.getTime()]);
  const rows = lines.data ?? [];
  const sum = statementOf(rows);
  const download = () => {
    const blob = new Blob([statementCsv(rows, tz)], { type: "text/csv" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `statement-${period}-${first}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <section class="statements stack" aria-label={t("stmt.label")}>
      <div class="row">
        <label>
          {t("stmt.period")}
          <select value={period} onChange={(e) => setPeriod((e.target as HTMLSelectElement).value as Period)}>
            <option value="day">{t("stmt.day")}</option>
            <option value="week">{t("stmt.week")}</option>
          </select>
        </label>
        <label>
          {t("stmt.date")}
          <input type="date" value={date} onChange={(e) => setDate((e.target as HTMLInputElement).value)} />
        </label>
        <button type="button" class="secondary" onClick={lines.reload}>
          {t("stmt.refresh")}
        </button>
        <button type="button" class="secondary" disabled={!lines.data} onClick={download}>
          {t("stmt.csv")}
        </button>
      </div>
      {lines.error !== undefined && <ErrorNote error={lines.error} />}
      {lines.loading && !lines.data && <Loading what={t("stmt.loading")} />}
      <dl class="statement-totals" data-testid="statement-totals">
        <dt>{t("stmt.orders")}</dt>
        <dd data-testid="statement-orders">{sum.orders}</dd>
        <dt>{t("stmt.gross")}</dt>
        <dd data-testid="statement-gross">{money(sum.grossSales)}</dd>
        <dt>{t("stmt.commission")}</dt>
        <dd>{deduction(sum.commission)}</dd>
        <dt>{t("stmt.promos")}</dt>
        <dd>{deduction(sum.restaurantPromotions)}</dd>
        <dt>{t("stmt.refunds")}</dt>
        <dd data-testid="statement-refunds">{refundAmount(sum.refunds)}</dd>
        <dt>{t("stmt.net")}</dt>
        <dd>
          <strong data-testid="statement-net">{money(sum.netPayout)}</strong>
        </dd>
      </dl>
      {rows.length > 0 && (
        <TableBox label={t("stmt.label")}>
          <table class="statement">
            <thead>
              <tr>
                <th>{t("orders.order")}</th>
                <th>{t("status.delivered")}</th>
                <th class="amount">{t("stmt.food")}</th>
                <th class="amount">{t("stmt.commission")}</th>
                <th class="amount">{t("stmt.yourPromo")}</th>
                <th class="amount">{t("stmt.netShort")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((x) =>
                x.kind === "refund" ? (
                  <RefundRow key={x.id} line={x} tz={tz} />
                ) : (
                  <tr key={x.id} data-order={x.orderId}>
                    <td>{x.number}</td>
                    <td>{clock(x.deliveredAt, tz)}</td>
                    <td class="amount">{money(x.subtotal)}</td>
                    <td class="amount">{money(x.commission)}</td>
                    <td class="amount">{money(x.restaurantPromo)}</td>
                    <td class="amount">{money(x.restaurantNet)}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </TableBox>
      )}
    </section>
  );
}

/** A complaint's charge (or the charge given back after a dispute) as its own row: only the net. */
function RefundRow({ line: x, tz }: { line: StatementRow; tz: string }) {
  const back = (x.refund ?? 0) < 0;
  return (
    <tr class="refund-line" data-refund={x.id}>
      <td>{t(back ? "stmt.chargeBack" : "stmt.refundFor", { code: x.number })}</td>
      <td>{clock(x.deliveredAt, tz)}</td>
      <td class="amount muted">—</td>
      <td class="amount muted">—</td>
      <td class="amount muted">—</td>
      <td class="amount">{refundAmount(x.refund ?? 0)}</td>
    </tr>
  );
}
