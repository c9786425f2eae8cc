// The Firebase app. With VITE_FIREBASE_* set at build time it talks to that project; without
// them it is the demo project on the local emulators, found on the host that served the page.

import { initializeApp } from "firebase/app";

const env = import.meta.env;

export const usingEmulators = !env.VITE_FIREBASE_PROJECT_ID;

export const app = initializeApp(
  usingEmulators
    ? {
        projectId: __EMULATORS__.projectId,
        apiKey: "demo-key",
        authDomain: `${__EMULATORS__.projectId}.firebaseapp.com`,
        // Placeholders that FCM's token request needs; the emulators send no real pushes.
        appId: "1:000000000000:web:0000000000000000000000",
        messagingSenderId: "000000000000",
      }
    : {
        projectId: env.VITE_FIREBASE_PROJECT_ID,
        apiKey: env.VITE_FIREBASE_API_KEY,
        authDomain: env.VITE_FIREBASE_AUTH_DOMAIN,
        appId: env.VITE_FIREBASE_APP_ID,
        messagingSenderId: env.VITE_FIREBASE_MESSAGING_SENDER_ID,
      },
);

export const EMULATOR_PORTS = __EMULATORS__.ports;
export const emulatorHost = typeof location === "undefined" ? "127.0.0.1" : location.hostname;
