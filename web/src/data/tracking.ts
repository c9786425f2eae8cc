// The courier's live position on an order, from the claim until delivery.
import { doc, serverTimestamp, setDoc } from "firebase/firestore";
import { paths, type LatLng } from "@domain";
import { liveDb } from "../firebase/live";
import { useLiveDoc } from "./live";

export function useCourierPosition(orderId: string) {
  return useLiveDoc<LatLng>(doc(liveDb, paths.courierPosition(orderId)));
}

export function shareCourierPosition(orderId: string, pos: LatLng): Promise<void> {
  return setDoc(doc(liveDb, paths.courierPosition(orderId)), {
    lat: pos.lat,
    lng: pos.lng,
    updatedAt: serverTimestamp(),
  });
}
