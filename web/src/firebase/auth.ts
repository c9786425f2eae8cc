import { connectAuthEmulator, getAuth } from "firebase/auth";
import { app, EMULATOR_PORTS, emulatorHost, usingEmulators } from "./app";

export const auth = getAuth(app);
if (usingEmulators)
  connectAuthEmulator(auth, `http://${emulatorHost}:${EMULATOR_PORTS.auth}`, { disableWarnings: true });
