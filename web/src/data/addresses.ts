// A customer's saved addresses: at most LIMITS.maxAddresses, in the slots a0, a1, … the rules
// allow. Read with Firestore Lite (the address picker is on the first screen).
import { deleteDoc, doc, getDocs, serverTimestamp, setDoc } from "firebase/firestore/lite";
import { addressFields, LIMITS, paths, QUERIES, type Address } from "@domain";
import { liteDb, liteQuery } from "../firebase/lite";

export type SavedAddress = Address & { id: string };

export async function fetchAddresses(uid: string): Promise<SavedAddress[]> {
  const snap = await getDocs(liteQuery(QUERIES.addresses(uid)));
  return snap.docs.map((d) => ({ id: d.id, ...(d.data() as Address) }));
}

export const ADDRESS_SLOTS = Array.from({ length: LIMITS.maxAddresses }, (_, i) => `a${i}`);

/** Saves into the given slot, or the first free one; null when all are taken. */
export async function saveAddress(
  uid: string,
  address: Address,
  saved: SavedAddress[],
  slot?: string,
): Promise<string | null> {
  const id = slot ?? ADDRESS_SLOTS.find((s) => !saved.some((a) => a.id === s));
  if (!id) return null;
  await setDoc(doc(liteDb, paths.address(uid, id)), {
    ...addressFields(address),
    label: address.label ?? "",
    updatedAt: serverTimestamp(),
  });
  return id;
}

export function deleteAddress(uid: string, id: string): Promise<void> {
  return deleteDoc(doc(liteDb, paths.address(uid, id)));
}
