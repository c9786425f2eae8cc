import { connectFunctionsEmulator, getFunctions, httpsCallable } from "firebase/functions";
import {
  REGION,
  type AccountExport,
  type ComplaintLine,
  type ComplaintStatus,
  type ComplaintType,
  type AdminCancelReason,
  type AdminDecision,
  type GrantableRole,
  type SettlementKind,
  type PromoQuote,
} from "@domain";
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

export const quotePromoCall = httpsCallable<{ code: string; restaurantId: string; subtotal: number }, PromoQuote>(
  functions,
  "quotePromo",
);

export const exportMyDataCall = httpsCallable<void, AccountExport>(functions, "exportMyData");
export const deleteMyAccountCall = httpsCallable<void, { deleted: true }>(functions, "deleteMyAccount");

// The partner API's clients, managed by the restaurant's owner (Integrations tab).
export const createApiClientCall = httpsCallable<
  { restaurantId: string; name: string; scopes: string[] },
  { clientId: string; clientSecret: string }
>(functions, "createApiClient");
export const rotateApiClientCall = httpsCallable<{ clientId: string }, { clientId: string; clientSecret: string }>(
  functions,
  "rotateApiClient",
);
export const revokeApiClientCall = httpsCallable<{ clientId: string }, { clientId: string }>(
  functions,
  "revokeApiClient",
);
export const setApiWebhookCall = httpsCallable<
  { clientId: string; url: string | null; events?: string[] },
  { clientId: string; signingSecret: string | null }
>(functions, "setApiWebhook");
export const resendWebhookCall = httpsCallable<{ clientId: string; eventId: string }, { round: number }>(
  functions,
  "resendWebhook",
);

/** An admin's decision on an overdue delivery or a delivery problem. */
export const resolveDeliveryCall = httpsCallable<
  { orderId: string; outcome: "delivered" | "undelivered" | "undeliverable" },
  { status: "delivered" | "undelivered" | "undeliverable" }
>(functions, "resolveDelivery");

/** A customer's report of a problem with a delivered order (domain/complaints.ts). */
export const fileComplaintCall = httpsCallable<
  { orderId: string; type: ComplaintType; lines?: ComplaintLine[]; description?: string },
  { complaintId: string; status: ComplaintStatus; amount: number; toCard?: number }
>(functions, "fileComplaint");
// After the order (domain/complaints.ts): the owner's dispute, the admin's decisions and cancel.
export const disputeComplaintCall = httpsCallable<{ complaintId: string; reason: string }, { dispute: "open" }>(
  functions,
  "disputeComplaint",
);
export const decideComplaintCall = httpsCallable<
  { complaintId: string; decision: AdminDecision },
  { status: string; dispute: string | null }
>(functions, "decideComplaint");
export const recordSettlementCall = httpsCallable<
  { courierId: string; kind: SettlementKind; amount: number; note?: string },
  { balance: number; held: number }
>(functions, "recordSettlement");
export const cancelOrderCall = httpsCallable<{ orderId: string; reason: AdminCancelReason }, { status: "cancelled" }>(
  functions,
  "cancelOrder",
);
// Card payments (functions/src/payments/customer.ts): the client secret of an order's intent that
// waits for 3-D Secure, and a saved card removed (detached at Stripe too).
export const paymentActionCall = httpsCallable<{ orderId: string }, { clientSecret: string }>(
  functions,
  "paymentAction",
);
export const removeCardCall = httpsCallable<{ cardId: string }, { removed: string }>(functions, "removeCard");
