// The restaurant's statement for a day or a week, from its receipts: gross food sales,
// commission, promotions it funded, refunds, and the net payout; and the same as CSV.

import { useState } from "preact/hooks";
import { addDays, localTime, statementCsv, statementOf, zonedInstant } from "@domain";
import { readStatement } from "../../data/money";
import { clock, money } from "../../components/format";
import { useAsync } from "../../components/useAsync";
import { ErrorNote, Loading } from "../../components/States";
import { useDashboard } from "./context";

type Period = "day" | "week";

/** [from, to) of the day or the week (from Monday) holding `date`, on the restaurant's clock. */
function bounds(period: Period, date: string, timeZone: string) {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const first = period === "day" ? date : addDays(date, -weekday);
  const last = addDays(first, period === "day" ? 1 : 7);
  return { from: zonedInstant(first, 0, timeZone), to: zonedInstant(last, 0, timeZone), first };
}

export function Statements() {
  const { rid, restaurant } = useDashboard();
  const r = restaurant.data;
  const tz = r?.timeZone ?? "UTC";
  const [period, setPeriod] = useState<Period>("day");
  const [date, setDate] = useState(() => localTime(new Date(), tz).date);
  const { from, to, first } = bounds(period, date, tz);
  const receipts = useAsync(() => readStatement(rid, from, to), [rid, from.getTime(), to.getTime()]);
  const rows = receipts.data ?? [];
  const t = statementOf(rows);
  const download = () => {
    const blob = new Blob([statementCsv(rows, tz)], { type: "text/csv" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `statement-${period}-${first}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <section class="statements stack" aria-label="Statement">
      <div class="row">
        <label>
          Period
          <select value={period} onChange={(e) => setPeriod((e.target as HTMLSelectElement).value as Period)}>
            <option value="day">Day</option>
            <option value="week">Week (from Monday)</option>
          </select>
        </label>
        <label>
          Date
          <input type="date" value={date} onChange={(e) => setDate((e.target as HTMLInputElement).value)} />
        </label>
        <button type="button" class="secondary" onClick={receipts.reload}>
          Refresh
        </button>
        <button type="button" class="secondary" disabled={!receipts.data} onClick={download}>
          Download CSV
        </button>
      </div>
      {receipts.error !== undefined && <ErrorNote error={receipts.error} />}
      {receipts.loading && !receipts.data && <Loading what="the statement" />}
      <dl class="statement-totals" data-testid="statement-totals">
        <dt>Orders delivered</dt>
        <dd data-testid="statement-orders">{t.orders}</dd>
        <dt>Gross food sales</dt>
        <dd data-testid="statement-gross">{money(t.grossSales)}</dd>
        <dt>Commission</dt>
        <dd>−{money(t.commission)}</dd>
        <dt>Promotions you funded</dt>
        <dd>−{money(t.restaurantPromotions)}</dd>
        <dt>Refunds and cancellations after acceptance</dt>
        <dd>−{money(t.refunds)}</dd>
        <dt>Net payout</dt>
        <dd>
          <strong data-testid="statement-net">{money(t.netPayout)}</strong>
        </dd>
      </dl>
      {rows.length > 0 && (
        <table class="statement">
          <thead>
            <tr>
              <th>Order</th>
              <th>Delivered</th>
              <th class="amount">Food</th>
              <th class="amount">Commission</th>
              <th class="amount">Your promotion</th>
              <th class="amount">Net</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => (
              <tr key={x.orderId} data-order={x.orderId}>
                <td>
                  <a href={`/receipts/${x.orderId}`}>{x.number}</a>
                </td>
                <td>{clock(x.deliveredAt, tz)}</td>
                <td class="amount">{money(x.subtotal)}</td>
                <td class="amount">{money(x.split.commission)}</td>
                <td class="amount">{money(x.split.restaurantPromo)}</td>
                <td class="amount">{money(x.split.restaurantNet)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
