// Today at a glance, from the backend's sharded daily figures (deliveries, revenue, time to
// accept, missed orders) and the rating aggregate.

import { localDay } from "@domain";
import { useDayStats } from "../../data/restaurants";
import { decimal, money } from "../../components/format";
import { useDashboard } from "./context";
import { t, tn } from "../../i18n";

export function Today() {
  const { rid, restaurant } = useDashboard();
  const r = restaurant.data;
  const shards = useDayStats(rid, r ? localDay(new Date(), r.timeZone) : null);
  const sales = (shards.data ?? []).flatMap((s) => Object.values(s.delivered ?? {}));
  const totals = { orders: sales.length, revenue: sales.reduce((a, b) => a + b, 0) };
  const acceptTimes = (shards.data ?? []).flatMap((s) => Object.values(s.acceptSeconds ?? {}));
  const missed = (shards.data ?? []).reduce((n, s) => n + Object.keys(s.missed ?? {}).length, 0);
  const avgAccept = acceptTimes.length ? acceptTimes.reduce((a, b) => a + b, 0) / acceptTimes.length : null;
  return (
    <section class="today" aria-label={t("today.label")}>
      <div>
        <span class="big" data-testid="today-orders">
          {totals.orders}
        </span>
        <span>{t("today.delivered")}</span>
      </div>
      <div>
        <span class="big" data-testid="today-revenue">
          {money(totals.revenue)}
        </span>
        <span>{t("today.revenue")}</span>
      </div>
      <div>
        <span class="big" data-testid="today-accept">
          {avgAccept === null
            ? "—"
            : avgAccept < 90
              ? `${Math.round(avgAccept)} s`
              : t("list.minutes", { n: Math.round(avgAccept / 60) })}
        </span>
        <span>{t("today.accept")}</span>
      </div>
      <div>
        <span class={`big${missed ? " bad" : ""}`} data-testid="today-missed">
          {missed}
        </span>
        <span>{t("today.missed")}</span>
      </div>
      <div>
        <span class="big">{r?.ratingCount ? `★ ${decimal(r.ratingAvg, 2)}` : "—"}</span>
        <span>{tn("today.reviews", r?.ratingCount ?? 0)}</span>
      </div>
    </section>
  );
}
