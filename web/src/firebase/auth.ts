// Firebase Auth with only what the app needs at load: the session kept in IndexedDB (or
// localStorage), and no popup/redirect resolver (it would load Google's api.js on every page);
// Google sign-in loads its resolver when someone chooses it.
import { browserLocalPersistence, connectAuthEmulator, indexedDBLocalPersistence, initializeAuth } from "firebase/auth";
import { app, EMULATOR_PORTS, emulatorHost, usingEmulators } from "./app";

export const auth = initializeAuth(app, { persistence: [indexedDBLocalPersistence, browserLocalPersistence] });
if (usingEmulators)
  connectAuthEmulator(auth, `http://${emulatorHost}:${EMULATOR_PORTS.auth}`, { disableWarnings: true });
