// Today at a glance, from the backend's sharded daily figures (deliveries, revenue, time to
// accept, missed orders) and the rating aggregate.

import { localDay } from "@domain";
import { useDayStats } from "../../data/restaurants";
import { money } from "../../components/format";
import { useDashboard } from "./context";

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
    <section class="today" aria-label="Today at a glance">
      <div>
        <span class="big" data-testid="today-orders">
          {totals.orders}
        </span>
        <span>delivered today</span>
      </div>
      <div>
        <span class="big" data-testid="today-revenue">
          {money(totals.revenue)}
        </span>
        <span>revenue today</span>
      </div>
      <div>
        <span class="big" data-testid="today-accept">
          {avgAccept === null
            ? "—"
            : avgAccept < 90
              ? `${Math.round(avgAccept)} s`
              : `${Math.round(avgAccept / 60)} min`}
        </span>
        <span>average time to accept</span>
      </div>
      <div>
        <span class={`big${missed ? " bad" : ""}`} data-testid="today-missed">
          {missed}
        </span>
        <span>missed (not accepted in time)</span>
      </div>
      <div>
        <span class="big">{r?.ratingCount ? `★ ${r.ratingAvg.toFixed(2)}` : "—"}</span>
        <span>{r?.ratingCount ?? 0} reviews</span>
      </div>
    </section>
  );
}
