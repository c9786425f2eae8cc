// The cell of the map a courier was last in (domain/courierArea.ts): their pickup list reads the
// cells around it, and their devices follow it to its push topics (the backend's trigger).
import { doc, serverTimestamp, setDoc } from "firebase/firestore";
import { paths } from "@domain";
import { liveDb } from "../firebase/live";
import { useLiveDoc } from "./live";

export function useCourierArea(uid: string) {
  return useLiveDoc<{ cell: string }>(doc(liveDb, paths.courierArea(uid)));
}

export function setCourierArea(uid: string, cell: string): Promise<void> {
  return setDoc(doc(liveDb, paths.courierArea(uid)), { cell, updatedAt: serverTimestamp() });
}
