// One-off reads with the small Firestore Lite SDK: the first screen loads this, not the full SDK.

import { connectFirestoreEmulator, getFirestore } from "firebase/firestore/lite";
import { app, EMULATOR_PORTS, emulatorHost, usingEmulators } from "./app";

export const liteDb = getFirestore(app);
if (usingEmulators) connectFirestoreEmulator(liteDb, emulatorHost, EMULATOR_PORTS.firestore);
