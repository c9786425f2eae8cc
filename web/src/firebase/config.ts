// The web app's Firebase project, as plain values: the Firebase app (app.ts) is made from them, and
// the first screen's REST reads (rest.ts) use them without loading any Firebase SDK. Built for the
// local emulators (`vite`, or `vite build --mode emulators`) it is the demo project there, found on
// the host that served the page; any other build is the project named by VITE_FIREBASE_*
// (vite.config.ts refuses to build without them).

const emulators = __EMULATORS__;

export const usingEmulators = emulators !== null;

export const FIREBASE_CONFIG = emulators
  ? {
      projectId: emulators.projectId,
      apiKey: "demo-key",
      authDomain: `${emulators.projectId}.firebaseapp.com`,
      // Placeholders that FCM's token request needs; the emulators send no real pushes.
      appId: "1:000000000000:web:0000000000000000000000",
      messagingSenderId: "000000000000",
    }
  : {
      // Each named on its own: `import.meta.env` as a whole would put every VITE_ value (the
      // Stripe and push keys too) into the first screen's code.
      projectId: import.meta.env.VITE_FIREBASE_PROJECT_ID,
      apiKey: import.meta.env.VITE_FIREBASE_API_KEY,
      authDomain: import.meta.env.VITE_FIREBASE_AUTH_DOMAIN,
      appId: import.meta.env.VITE_FIREBASE_APP_ID,
      messagingSenderId: import.meta.env.VITE_FIREBASE_MESSAGING_SENDER_ID,
    };

export const EMULATOR_PORTS = emulators?.ports ?? { auth: 0, firestore: 0, functions: 0 };
export const emulatorHost = typeof location === "undefined" ? "127.0.0.1" : location.hostname;
