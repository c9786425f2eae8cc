// The platform's revenue per day (commission, service fees and its share of delivery fees, less
// the promotions it funded), summed by the server over the admin-only books of that day's
// deliveries (data/money.ts revenueBetween); and what is left after the refunds the platform paid
// that day (its refund books, platformRefundsBetween).

import { addDays, CITY, dayLabel, localTime, netRevenue, zonedInstant } from "@domain";
import { platformRefundsBetween, revenueBetween } from "../../data/money";
import { deduction, money } from "../../components/format";
import { useAsync } from "../../components/useAsync";
import { ErrorNote, Loading } from "../../components/States";
import { language, t } from "../../i18n";
import { TableBox } from "../../components/TableBox";

const DAYS = 7;

export function Revenue() {
  const today = localTime(new Date(), CITY.timeZone).date;
  const days = Array.from({ length: DAYS }, (_, i) => addDays(today, -i));
  const figures = useAsync(
    () =>
      Promise.all(
        days.map(async (d) => {
          const [from, to] = [zonedInstant(d, 0, CITY.timeZone), zonedInstant(addDays(d, 1), 0, CITY.timeZone)];
          const [revenue, refunds] = await Promise.all([revenueBetween(from, to), platformRefundsBetween(from, to)]);
          return { ...revenue, refunds, net: netRevenue(revenue.revenue, refunds) };
        }),
      ),
    [today],
  );
  return (
    <section class="stack" aria-labelledby="revenue-title">
      <h2 id="revenue-title">{t("adm.revenue")}</h2>
      {figures.error !== undefined && <ErrorNote error={figures.error} />}
      {figures.loading && <Loading what={t("revn.loading")} />}
      {figures.data && (
        <TableBox label={t("adm.revenue")}>
          <table class="revenue">
            <thead>
              <tr>
                <th>{t("revn.day", { zone: CITY.timeZone })}</th>
                <th class="amount">{t("nav.orders")}</th>
                <th class="amount">{t("stmt.commission")}</th>
                <th class="amount">{t("revn.serviceFees")}</th>
                <th class="amount">{t("revn.deliveryShare")}</th>
                <th class="amount">{t("revn.promotions")}</th>
                <th class="amount">{t("adm.revenue")}</th>
                <th class="amount">{t("revn.refunds")}</th>
                <th class="amount">{t("revn.net")}</th>
              </tr>
            </thead>
            <tbody>
              {figures.data.map((r, i) => (
                <tr key={days[i]} data-day={days[i]}>
                  <td>{dayLabel(days[i], language.value)}</td>
                  <td class="amount">{r.orders}</td>
                  <td class="amount">{money(r.commission)}</td>
                  <td class="amount">{money(r.serviceFees)}</td>
                  <td class="amount">{money(r.deliveryShare)}</td>
                  <td class="amount">{deduction(r.platformPromotions)}</td>
                  <td class="amount" data-testid="revenue">
                    {money(r.revenue)}
                  </td>
                  <td class="amount" data-testid="revenue-refunds">
                    {deduction(r.refunds)}
                  </td>
                  <td class="amount">
                    <strong data-testid="revenue-net">{money(r.net)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      <button type="button" class="secondary" onClick={figures.reload}>
        {t("stmt.refresh")}
      </button>
    </section>
  );
}
