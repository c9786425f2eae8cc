// The signed-in user's own profile document: name, default delivery address, favourites.
import { arrayRemove, arrayUnion, doc, getDoc, serverTimestamp, setDoc, updateDoc } from "firebase/firestore/lite";
import { paths, type Language, type UserProfile } from "@domain";
import { liteDb } from "../firebase/lite";

/** A new account's profile, with the language the backend will write to them in. */
export function createProfile(uid: string, displayName: string, language: Language): Promise<void> {
  return setDoc(doc(liteDb, paths.user(uid)), { displayName, language, createdAt: serverTimestamp() });
}

export function setProfileLanguage(uid: string, language: Language): Promise<void> {
  return updateDoc(doc(liteDb, paths.user(uid)), { language, updatedAt: serverTimestamp() });
}

export async function fetchProfile(uid: string): Promise<UserProfile | null> {
  const snap = await getDoc(doc(liteDb, paths.user(uid)));
  return snap.exists() ? (snap.data() as UserProfile) : null;
}

export function setDefaultAddress(uid: string, slot: string | null): Promise<void> {
  return updateDoc(doc(liteDb, paths.user(uid)), { defaultAddress: slot, updatedAt: serverTimestamp() });
}

export function setFavourite(uid: string, restaurantId: string, on: boolean): Promise<void> {
  return updateDoc(doc(liteDb, paths.user(uid)), {
    favourites: on ? arrayUnion(restaurantId) : arrayRemove(restaurantId),
    updatedAt: serverTimestamp(),
  });
}
