// Google sign-in, loaded only when someone chooses it: the popup resolver pulls in Google's
// iframe helper, which no other page needs. On the emulators the popup is the Auth emulator's own
// account chooser, so it works offline.
import { browserPopupRedirectResolver, GoogleAuthProvider, signInWithPopup } from "firebase/auth";
import { auth } from "./auth";

export async function signInWithGoogle() {
  const provider = new GoogleAuthProvider();
  provider.setCustomParameters({ prompt: "select_account" });
  return signInWithPopup(auth, provider, browserPopupRedirectResolver);
}
