// The Firebase app, for the SDKs (Auth, Firestore Lite and full, Functions, Messaging).
import { initializeApp } from "firebase/app";
import { FIREBASE_CONFIG } from "./config";

export { EMULATOR_PORTS, emulatorHost, usingEmulators } from "./config";

export const app = initializeApp(FIREBASE_CONFIG);
