// Money callables: a customer raising a tip after delivery, an admin creating a promo code. Both
// ask the guard first (auth/guard.ts): the role, and a token not revoked since.
import { onCall } from "firebase-functions/v2/https";

export const raiseTip = onCall(async (request) => {
  const [{ raiseTip: raise }, { liveDeps }, { requireCaller }] = await Promise.all([
    import("../money/tips"),
    import("../deps"),
    import("../auth/guard"),
  ]);
  const deps = liveDeps();
  const caller = await requireCaller(deps.db, request.auth, { role: "signedIn" });
  return raise(deps, caller.uid, request.data);
});

export const createPromo = onCall(async (request) => {
  const [{ createPromo: create }, { liveDeps }, { requireCaller }] = await Promise.all([
    import("../money/createPromo"),
    import("../deps"),
    import("../auth/guard"),
  ]);
  const deps = liveDeps();
  const caller = await requireCaller(deps.db, request.auth, { role: "admin" });
  return create(deps, request.data, caller.uid);
});
