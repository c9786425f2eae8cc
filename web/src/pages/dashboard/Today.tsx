// Today at a glance, from the backend's sharded daily counters and the rating aggregate.

import { collection, doc } from "firebase/firestore";
import { localDay, type Restaurant } from "@domain";
import { db } from "../../firebase/live";
import { useLiveDoc, useLiveQuery } from "../../firebase/useLive";
import { money } from "../../components/format";

export function Today({ rid }: { rid: string }) {
  const r = useLiveDoc<Restaurant>(doc(db, "restaurants", rid), rid);
  const day = localDay(new Date(), r.data?.timeZone ?? "Europe/Berlin");
  const shards = useLiveQuery<{ orders?: number; revenue?: number }>(
    r.data ? collection(db, `restaurants/${rid}/stats/${day}/shards`) : null,
    `${rid}/${day}/${!!r.data}`,
  );
  const totals = (shards.data ?? []).reduce(
    (t, s) => ({ orders: t.orders + (s.orders ?? 0), revenue: t.revenue + (s.revenue ?? 0) }),
    { orders: 0, revenue: 0 },
  );
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
        <span class="big">{r.data?.ratingCount ? `★ ${r.data.ratingAvg.toFixed(2)}` : "—"}</span>
        <span>{r.data?.ratingCount ?? 0} reviews</span>
      </div>
    </section>
  );
}
