// A customer's own data: the download and the deletion of their account. Both ask the guard first
// (auth/guard.ts): signed in, with a token not revoked since.
import { onCall } from "firebase-functions/v2/https";
import { STRIPE_SECRETS } from "../config";

export const exportMyData = onCall(async (request) => {
  const [{ exportData }, { liveDeps }, { requireCaller }] = await Promise.all([
    import("../privacy/exportData"),
    import("../deps"),
    import("../auth/guard"),
  ]);
  const deps = liveDeps();
  const caller = await requireCaller(deps.db, request.auth, { role: "signedIn" });
  return exportData(deps, caller.uid);
});

// Saved cards are detached at Stripe.
export const deleteMyAccount = onCall({ secrets: STRIPE_SECRETS }, async (request) => {
  const [{ deleteAccount }, { liveDeps }, { requireCaller }] = await Promise.all([
    import("../privacy/deleteAccount"),
    import("../deps"),
    import("../auth/guard"),
  ]);
  const deps = liveDeps();
  const caller = await requireCaller(deps.db, request.auth, { role: "signedIn" });
  return deleteAccount(deps, caller);
});
