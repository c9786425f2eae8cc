// The full Firestore SDK, for live listeners and writes. Only views that need it import this
// module, so it lands in their lazily loaded chunks.

import { connectFirestoreEmulator, getFirestore } from "firebase/firestore";
import { app, EMULATOR_PORTS, emulatorHost, usingEmulators } from "./app";

export const db = getFirestore(app);
if (usingEmulators) connectFirestoreEmulator(db, emulatorHost, EMULATOR_PORTS.firestore);
