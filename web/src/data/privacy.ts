// A customer's own data: the download of everything Dishpatch holds about them, and the deletion
// of their account (both the backend's: it reads and removes what the customer's client may not).
import { signOut } from "firebase/auth";
import type { AccountExport } from "@domain";
import { auth } from "../firebase/auth";
import { deleteMyAccountCall, exportMyDataCall } from "../firebase/functions";

export async function exportMyData(): Promise<AccountExport> {
  return (await exportMyDataCall()).data;
}

/** Deletes the account, then ends the session on this device (its token outlives the account). */
export async function deleteMyAccount(): Promise<void> {
  await deleteMyAccountCall();
  await signOut(auth);
}
