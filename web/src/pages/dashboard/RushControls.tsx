// A rush at a glance and in two taps: pause new orders for a while (the backend reopens by
// itself), or add time to every estimate with busy mode.

import { useState } from "preact/hooks";
import { useNow } from "../../components/useNow";
import {
  BUSY_CHOICES,
  BUSY_FOR_MIN,
  busyExtraMinutes,
  currentPrepMinutes,
  PAUSE_CHOICES,
  pausedUntil,
  tomorrowsOpening,
} from "@domain";
import { pause, resume, setBusy } from "../../data/restaurants";
import { clockAt, errorText } from "../../components/format";
import { useDashboard } from "./context";
import { t } from "../../i18n";
import { Outcome } from "../../components/States";

const MIN = 60_000;

export function RushControls() {
  const { rid, restaurant } = useDashboard();
  const [error, setError] = useState("");
  // Re-renders every 15 s, so a pause or busy spell that ends shows as ended.
  const now = new Date(useNow(15_000));
  const r = restaurant.data;
  if (!r) return null;
  const paused = pausedUntil(r, now);
  const extra = busyExtraMinutes(r, now);
  const act = (write: Promise<void>) => {
    setError("");
    write.catch((err: unknown) => setError(errorText(err)));
  };
  return (
    <section class="rush" aria-label={t("rush.label")} data-testid="rush">
      <p class="rush-state" data-testid="rush-state">
        {!r.isOpen
          ? t("rush.off")
          : paused
            ? t(r.pausedBy === "auto" ? "rush.autoPausedUntil" : "rush.pausedUntil", {
                time: clockAt(paused, r.timeZone, now),
              })
            : t("rush.taking")}
        {" · "}
        {t("board.prepTime", { n: currentPrepMinutes(r, now) })}
        {extra ? ` ${t("rush.busyExtra", { n: extra })}` : ""}
      </p>
      <div class="rush-actions">
        {paused ? (
          <button type="button" onClick={() => act(resume(rid))}>
            {t("rush.resume")}
          </button>
        ) : (
          <span class="group" role="group" aria-label={t("rush.pauseLabel")}>
            {t("rush.pause")}
            {PAUSE_CHOICES.map((m) => (
              <button
                key={m}
                type="button"
                class="secondary small"
                onClick={() => act(pause(rid, new Date(now.getTime() + m * MIN)))}
              >
                {t("list.minutes", { n: m })}
              </button>
            ))}
            <button
              type="button"
              class="secondary small"
              onClick={() => act(pause(rid, tomorrowsOpening(r.openingHours, r.timeZone, now)))}
            >
              {t("rush.untilTomorrow")}
            </button>
          </span>
        )}
        {extra ? (
          <button type="button" class="secondary small" onClick={() => act(setBusy(rid, 0, null))}>
            {t("rush.endBusy")}
          </button>
        ) : (
          <span class="group" role="group" aria-label={t("rush.busyLabel", { n: BUSY_FOR_MIN })}>
            {t("rush.busy")}
            {BUSY_CHOICES.map((m) => (
              <button
                key={m}
                type="button"
                class="secondary small"
                onClick={() => act(setBusy(rid, m, new Date(now.getTime() + BUSY_FOR_MIN * MIN)))}
              >
                +{t("list.minutes", { n: m })}
              </button>
            ))}
          </span>
        )}
      </div>
      <Outcome error={error} />
    </section>
  );
}
