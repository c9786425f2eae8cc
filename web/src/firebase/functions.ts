import { connectFunctionsEmulator, getFunctions, httpsCallable } from "firebase/functions";
import { REGION } from "@domain";
import { app, EMULATOR_PORTS, emulatorHost, usingEmulators } from "./app";

const functions = getFunctions(app, REGION);
if (usingEmulators) connectFunctionsEmulator(functions, emulatorHost, EMULATOR_PORTS.functions);

export interface SetRoleInput {
  email: string;
  role: "admin" | "courier" | "staff";
  grant: boolean;
  restaurantId?: string;
}

export const setRole = httpsCallable<SetRoleInput, { uid: string; claims: Record<string, unknown> }>(
  functions,
  "setRole",
);
