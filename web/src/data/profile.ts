// The signed-in user's own profile document.
import { doc, serverTimestamp, setDoc } from "firebase/firestore/lite";
import { paths } from "@domain";
import { liteDb } from "../firebase/lite";

export function createProfile(uid: string, displayName: string): Promise<void> {
  return setDoc(doc(liteDb, paths.user(uid)), { displayName, createdAt: serverTimestamp() });
}
