// What a courier earned today and this week: deliveries, their share of the delivery fees, tips,
// and each delivery, with the cash taken at the door and what that leaves owed this week; live, so
// a tip a customer raises later shows at once.

import { useMemo } from "preact/hooks";
import { CITY, localTime, zonedInstant, addDays } from "@domain";
import { useEarnings, type Earning } from "../../data/money";
import { session } from "../../state/session";
import { clock, money } from "../../components/format";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { t, tn } from "../../i18n";
import "../../i18n/shop"; // this screen's texts
import "../../i18n/work";
import { TableBox } from "../../components/TableBox";
import { CashBalance } from "./CashBalance";
import { CashInAll } from "./CashInAll";

/** The start of today and of this week (Monday), on the city's clock. */
function periodStarts(now: Date, timeZone: string) {
  const today = localTime(now, timeZone);
  const weekday = (new Date(`${today.date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return {
    today: zonedInstant(today.date, 0, timeZone),
    week: zonedInstant(addDays(today.date, -weekday), 0, timeZone),
  };
}

function totals(rows: Earning[]) {
  return rows.reduce(
    (t, r) => ({
      deliveries: t.deliveries + 1,
      share: t.share + r.deliveryShare,
      tips: t.tips + r.tip,
      total: t.total + r.total,
      cash: t.cash + (r.cash ?? 0),
    }),
    { deliveries: 0, share: 0, tips: 0, total: 0, cash: 0 },
  );
}

export function Earnings() {
  const s = session.value;
  if (s === undefined) return <Loading what={t("req.loading")} />;
  if (!s?.claims.courier)
    return (
      <main class="page">
        <Empty>
          <p>{t("cour.only")}</p>
        </Empty>
      </main>
    );
  return <EarningsView uid={s.uid} />;
}

function EarningsView({ uid }: { uid: string }) {
  const starts = useMemo(() => periodStarts(new Date(), CITY.timeZone), []);
  const rows = useEarnings(uid, starts.week);
  if (rows.error) return <ErrorNote error={rows.error} />;
  if (!rows.data) return <Loading what={t("earn.loading")} />;
  const today = rows.data.filter((r) => r.deliveredAt.toMillis() >= starts.today.getTime());
  const periods = [
    ["today", totals(today)],
    ["week", totals(rows.data)],
  ] as const;
  return (
    <main class="page courier">
      <div class="page-head">
        <h1>{t("cour.earnings")}</h1>
        <a href="/courier">{t("nav.deliveries")}</a>
      </div>
      <section class="today" aria-label={t("earn.totals")}>
        {periods.map(([name, sum]) => (
          <div key={name} data-testid={`earnings-${name}`}>
            <span class="big">{money(sum.total)}</span>
            <span>
              {tn("earn.summary", sum.deliveries, {
                period: t(name === "today" ? "earn.today" : "earn.week"),
                fees: money(sum.share),
                tips: money(sum.tips),
              })}
            </span>
          </div>
        ))}
        <CashBalance cash={periods[1][1].cash} earned={periods[1][1].total} />
      </section>
      <CashInAll uid={uid} />
      {rows.data.length === 0 ? (
        <Empty>
          <p>{t("earn.none")}</p>
        </Empty>
      ) : (
        <TableBox label={t("cour.earnings")}>
          <table class="earnings">
            <thead>
              <tr>
                <th>{t("status.delivered")}</th>
                <th>{t("orders.order")}</th>
                <th>{t("op.restaurant")}</th>
                <th class="amount">{t("earn.share")}</th>
                <th class="amount">{t("earn.tip")}</th>
                <th class="amount">{t("totals.total")}</th>
                <th class="amount">{t("earn.cash")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map((r) => (
                <tr key={r.orderId} data-order={r.orderId}>
                  <td>{clock(r.deliveredAt, CITY.timeZone)}</td>
                  <td>{r.number}</td>
                  <td>{r.restaurantName}</td>
                  <td class="amount">{money(r.deliveryShare)}</td>
                  <td class="amount" data-testid="earning-tip">
                    {money(r.tip)}
                  </td>
                  <td class="amount">{money(r.total)}</td>
                  <td class="amount" data-testid="earning-cash">
                    {money(r.cash ?? 0)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
    </main>
  );
}
