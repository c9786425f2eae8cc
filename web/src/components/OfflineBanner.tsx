import { online } from "../state/network";

/** Shown on every page while the browser is offline. */
export function OfflineBanner() {
  if (online.value) return null;
  return (
    <p class="offline-banner" role="status" data-testid="offline">
      You are offline. What you see may be out of date, and changes are sent when the connection is back.
    </p>
  );
}
