// Whether the browser thinks it is online. Firestore queues writes and serves its cache while it
// is not; the app says so instead of pretending all is well.
import { signal } from "@preact/signals";

export const online = signal(typeof navigator === "undefined" ? true : navigator.onLine);

if (typeof window !== "undefined") {
  window.addEventListener("online", () => (online.value = true));
  window.addEventListener("offline", () => (online.value = false));
}
