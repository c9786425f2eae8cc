// A courier's cash as the backend keeps it from their books (courierCash/{uid}): their own, and
// every courier's for the admins, who record settlements (cash handed in, earnings paid out).
import { doc } from "firebase/firestore";
import { paths, QUERIES, type CourierCash, type SettlementKind } from "@domain";
import { recordSettlementCall } from "../firebase/functions";
import { liveDb, liveQuery } from "../firebase/live";
import { useLiveDoc, useLiveQuery } from "./live";

export function useCourierCash(uid: string | null | undefined) {
  return useLiveDoc<CourierCash>(uid ? doc(liveDb, paths.courierCash(uid)) : null);
}

export function useAllCourierCash(pageSize: number) {
  return useLiveQuery<CourierCash>(liveQuery(QUERIES.courierCash(pageSize)));
}

export async function recordSettlement(courierId: string, kind: SettlementKind, amount: number, note: string) {
  return (await recordSettlementCall({ courierId, kind, amount, ...(note ? { note } : {}) })).data;
}
