// Money callables: a customer raising a tip after delivery, an admin creating a promo code.
import { HttpsError, onCall } from "firebase-functions/v2/https";

export const raiseTip = onCall(async (request) => {
  if (!request.auth) throw new HttpsError("unauthenticated", "Sign in first.");
  const [{ raiseTip: raise }, { liveDeps }] = await Promise.all([import("../money/tips"), import("../deps")]);
  return raise(liveDeps(), request.auth.uid, request.data);
});

export const createPromo = onCall(async (request) => {
  if (!request.auth) throw new HttpsError("unauthenticated", "Sign in first.");
  if (request.auth.token.admin !== true) throw new HttpsError("permission-denied", "Only admins can create codes.");
  const [{ createPromo: create }, { liveDeps }] = await Promise.all([
    import("../money/createPromo"),
    import("../deps"),
  ]);
  return create(liveDeps(), request.data, request.auth.uid);
});
