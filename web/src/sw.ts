/// <reference lib="webworker" />
// The service worker: the app shell (HTML, scripts, styles) precached, so the app opens and a
// restaurant tablet keeps its board through a reload without a connection; Firestore's own
// persistent cache supplies the data meanwhile. A new deploy replaces it on the next visit.

import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
// Every page of the app is index.html (the SPA's rewrite), except files such as /robots.txt.
// The partner API and its reference page are not the app: the network answers them.
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { denylist: [/\.[a-z0-9]+$/i, /^\/api\//] }));

// Pushes from FCM (the backend sends title, body and a link): shown as notifications; a click
// opens the link in the app, in a tab already open where there is one.
interface FcmPayload {
  notification?: { title?: string; body?: string };
  data?: Record<string, string>;
}

self.addEventListener("push", (event) => {
  let payload: FcmPayload;
  try {
    payload = (event.data?.json() ?? {}) as FcmPayload;
  } catch {
    // not JSON: show the text as it is
    payload = { notification: { title: "Dishpatch", body: event.data?.text() } };
  }
  const title = payload.notification?.title ?? "Dishpatch";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: payload.notification?.body,
      data: { link: payload.data?.link ?? "/" },
      tag: payload.data?.orderId,
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const link = new URL((event.notification.data as { link?: string } | null)?.link ?? "/", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((tabs) => {
      const tab = tabs[0];
      return tab ? tab.navigate(link).then((t) => t?.focus()) : self.clients.openWindow(link);
    }),
  );
});
