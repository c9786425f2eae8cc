import { online } from "../state/network";
import { t } from "../i18n";

/** Shown on every page while the browser is offline. */
export function OfflineBanner() {
  if (online.value) return null;
  return (
    <p class="offline-banner" role="status" data-testid="offline">
      {t("offline.banner")}
    </p>
  );
}
