// Shown on every dashboard tab: new orders waiting for an answer, and the sound and desktop
// alert switches (sound has to be turned on by a click after each page load).

import { money } from "../../components/format";
import { armSound, askForNotifications, notificationsAllowed, soundOn, useWaitingTitle } from "./alerts";
import { useDashboard } from "./context";
import { t } from "../../i18n";

export function AlertBar() {
  const { orders, arrivals } = useDashboard();
  useWaitingTitle(orders.data?.filter((o) => o.status === "placed").length ?? 0);
  const canNotify = typeof Notification !== "undefined" && Notification.permission !== "denied";
  return (
    <div class="alert-bar">
      {arrivals.length > 0 && (
        <div class="new-orders" role="alert" data-testid="new-order-banner">
          <strong>{arrivals.length === 1 ? t("alert.one") : t("alert.many", { n: arrivals.length })}</strong>
          <ul>
            {arrivals.map((o) => (
              <li key={o.id}>
                <a href={`/dashboard#order-${o.id}`}>
                  {o.customerName ?? t("alert.aCustomer")}
                  {o.pricing ? ` · ${money(o.pricing.total)}` : ""}
                  {` · ${t("alert.open")}`}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="alert-switches">
        {soundOn.value ? (
          <span class="muted" data-testid="sound-on">
            {t("alert.soundOn")}
          </span>
        ) : (
          <button type="button" class="secondary small" onClick={armSound} data-testid="arm-sound">
            {t("alert.turnOnSound")}
          </button>
        )}
        {!soundOn.value && <span class="muted small">{t("alert.soundHint")}</span>}
        {canNotify && !notificationsAllowed.value && (
          <button type="button" class="secondary small" onClick={() => void askForNotifications()}>
            {t("alert.desktop")}
          </button>
        )}
      </div>
    </div>
  );
}
