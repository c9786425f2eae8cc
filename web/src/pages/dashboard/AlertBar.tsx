// Shown on every dashboard tab: new orders waiting for an answer, and the sound and desktop
// alert switches (sound has to be turned on by a click after each page load).

import { money } from "../../components/format";
import { armSound, askForNotifications, notificationsAllowed, soundOn, useWaitingTitle } from "./alerts";
import { useDashboard } from "./context";

export function AlertBar() {
  const { orders, arrivals } = useDashboard();
  useWaitingTitle(orders.data?.filter((o) => o.status === "placed").length ?? 0);
  const canNotify = typeof Notification !== "undefined" && Notification.permission !== "denied";
  return (
    <div class="alert-bar">
      {arrivals.length > 0 && (
        <div class="new-orders" role="alert" data-testid="new-order-banner">
          <strong>
            {arrivals.length === 1 ? "New order" : `${arrivals.length} new orders`} waiting for you to accept
          </strong>
          <ul>
            {arrivals.map((o) => (
              <li key={o.id}>
                <a href={`/dashboard#order-${o.id}`}>
                  {o.customerName ?? "A customer"}
                  {o.pricing ? ` · ${money(o.pricing.total)}` : ""}
                  {" · open"}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="alert-switches">
        {soundOn.value ? (
          <span class="muted" data-testid="sound-on">
            Sound on
          </span>
        ) : (
          <button type="button" class="secondary small" onClick={armSound} data-testid="arm-sound">
            Turn on sound
          </button>
        )}
        {!soundOn.value && <span class="muted small">Browsers need a click after each page load to play sound.</span>}
        {canNotify && !notificationsAllowed.value && (
          <button type="button" class="secondary small" onClick={() => void askForNotifications()}>
            Desktop alerts
          </button>
        )}
      </div>
    </div>
  );
}
