// Complaints, as each reader sees them: the customer's about one of their orders and filing one;
// the restaurant's list and its owner's dispute; the admin's queue (claims in review, open
// disputes) and decisions. Every amount and state is the backend's: the app only reads them and
// asks the callables.
import {
  QUERIES,
  type AdminDecision,
  type Complaint,
  type ComplaintLine,
  type ComplaintStatus,
  type ComplaintType,
} from "@domain";
import { decideComplaintCall, disputeComplaintCall, fileComplaintCall } from "../firebase/functions";
import { liveQuery } from "../firebase/live";
import { useGrowingList, useLiveQuery } from "./live";

export type { Complaint };

/** The admin's queue shows this many of each kind at once. */
const QUEUE_PAGE = 50;

export function useOrderComplaints(uid: string | null | undefined, orderId: string) {
  return useLiveQuery<Complaint>(uid ? liveQuery(QUERIES.orderComplaints(uid, orderId)) : null);
}

export async function fileComplaint(input: {
  orderId: string;
  type: ComplaintType;
  lines?: ComplaintLine[];
  description?: string;
}): Promise<{ complaintId: string; status: ComplaintStatus; amount: number; toCard?: number }> {
  return (await fileComplaintCall(input)).data;
}

/** A restaurant's complaints, newest first, a page at a time. */
export function useRestaurantComplaints(rid: string, pageSize: number) {
  return useGrowingList<Complaint>((max) => liveQuery(QUERIES.restaurantComplaints(rid, max)), pageSize);
}

/** The owner disputes what a complaint charged the restaurant. */
export async function disputeComplaint(complaintId: string, reason: string): Promise<void> {
  await disputeComplaintCall({ complaintId, reason });
}

export function useComplaintsInReview() {
  return useLiveQuery<Complaint>(liveQuery(QUERIES.complaintsInReview(QUEUE_PAGE)));
}

export function useOpenDisputes() {
  return useLiveQuery<Complaint>(liveQuery(QUERIES.openDisputes(QUEUE_PAGE)));
}

/** An admin decides a claim in review (approve, decline) or an open dispute (uphold, reject). */
export async function decideComplaint(complaintId: string, decision: AdminDecision): Promise<void> {
  await decideComplaintCall({ complaintId, decision });
}
