import { connectFunctionsEmulator, getFunctions, httpsCallable } from "firebase/functions";
import { REGION, type GrantableRole } from "@domain";
import { app, EMULATOR_PORTS, emulatorHost, usingEmulators } from "./app";

const functions = getFunctions(app, REGION);
if (usingEmulators) connectFunctionsEmulator(functions, emulatorHost, EMULATOR_PORTS.functions);

export interface SetRoleInput {
  email: string;
  role: GrantableRole;
  grant: boolean;
  restaurantId?: string;
}

export const setRole = httpsCallable<SetRoleInput, { uid: string; claims: Record<string, unknown> }>(
  functions,
  "setRole",
);

export const raiseTipCall = httpsCallable<{ orderId: string; tip: number }, { tip: number; total: number }>(
  functions,
  "raiseTip",
);

/** A new promo code as the admin form sends it: dates as milliseconds. */
export type PromoInput = Record<string, unknown> & { code: string; validFrom: number; validUntil: number };
export const createPromoCall = httpsCallable<PromoInput, { code: string }>(functions, "createPromo");

/** An admin's decision on an overdue delivery. */
export const resolveDeliveryCall = httpsCallable<
  { orderId: string; outcome: "delivered" | "undelivered" },
  { status: "delivered" | "undelivered" }
>(functions, "resolveDelivery");
