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
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { denylist: [/\.[a-z0-9]+$/i] }));
