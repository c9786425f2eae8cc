// Complaints as the customer sees them: those about one of their orders (live), and filing one
// through the backend, which decides every amount and status.
import { QUERIES, type Complaint, type ComplaintLine, type ComplaintStatus, type ComplaintType } from "@domain";
import { fileComplaintCall } from "../firebase/functions";
import { liveQuery } from "../firebase/live";
import { useLiveQuery } from "./live";

export type { Complaint };

export function useOrderComplaints(uid: string | null | undefined, orderId: string) {
  return useLiveQuery<Complaint>(uid ? liveQuery(QUERIES.orderComplaints(uid, orderId)) : null);
}

export async function fileComplaint(input: {
  orderId: string;
  type: ComplaintType;
  lines?: ComplaintLine[];
  description?: string;
}): Promise<{ complaintId: string; status: ComplaintStatus; amount: number }> {
  return (await fileComplaintCall(input)).data;
}
