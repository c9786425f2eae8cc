// The admin's settings beside the fees: the cash limits (settings/payments, public) and the
// complaint thresholds (settings/complaints, admins only), each read live and saved whole.
import { doc, serverTimestamp, setDoc } from "firebase/firestore";
import { cashLimitsOf, paths, type CashLimits, type ComplaintSettings } from "@domain";
import { liveDb } from "../firebase/live";
import { useLiveDoc } from "./live";

/** The platform's cash limits, live: the document as read, and the limits it sets (the defaults
 * until it is read, or when it is absent). */
export function useCashLimits() {
  const live = useLiveDoc<CashLimits>(doc(liveDb, paths.paymentSettings()));
  return { ...live, limits: cashLimitsOf(live.data), loaded: live.data !== undefined };
}

export function saveCashLimits(limits: CashLimits): Promise<void> {
  const { maxCashOrderCents, maxCourierCashCents } = limits;
  return setDoc(doc(liveDb, paths.paymentSettings()), {
    maxCashOrderCents,
    maxCourierCashCents,
    updatedAt: serverTimestamp(),
  });
}

export function useComplaintSettings() {
  return useLiveDoc<ComplaintSettings>(doc(liveDb, paths.complaintSettings()));
}

export function saveComplaintSettings(settings: ComplaintSettings): Promise<void> {
  const { autoApproveMaxCents, maxClaimsPer30Days, highValueOrderCents } = settings;
  return setDoc(doc(liveDb, paths.complaintSettings()), {
    autoApproveMaxCents,
    maxClaimsPer30Days,
    highValueOrderCents,
    updatedAt: serverTimestamp(),
  });
}
