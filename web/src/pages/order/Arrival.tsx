// When the order should arrive, or, for an order ahead, its slot and when the kitchen gets it.

import { useNow } from "../../components/useNow";
import { CITY, estimatedArrival, parseSlot, type Order } from "@domain";
import { clockAt } from "../../components/format";
import { t } from "../../i18n";

/** When it should arrive, from the backend's estimate and what has happened since; a scheduled
 * order says its slot and when the kitchen gets it. Re-read every half minute. */
export function Arrival({ order: o }: { order: Order }) {
  const now = new Date(useNow(30_000));
  const tz = o.timeZone ?? CITY.timeZone;
  if (o.status === "scheduled") {
    const slot = parseSlot(o.slotStart);
    const release = o.releaseAt ? new Date(o.releaseAt.toMillis()) : null;
    return (
      <p class="arrival" data-testid="arrival">
        {t("op.scheduledFor")} <strong>{slot ? clockAt(slot, tz, now) : t("op.later")}</strong>
        {release ? ` · ${t("op.release", { time: clockAt(release, tz, now) })}` : ""}
      </p>
    );
  }
  const at = estimatedArrival(o, now);
  if (!at) return null;
  return (
    <p class="arrival" data-testid="arrival">
      {t("op.arrives")} <strong>{clockAt(at, tz, now)}</strong>
    </p>
  );
}
