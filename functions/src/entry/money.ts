// Money callables: a customer raising a tip after delivery or asking what a code gives, an admin
// creating a promo code. Each asks the guard first (auth/guard.ts): the role, and a token not
// revoked since. And the public view of the codes listed to everyone, kept from the codes.
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { onCall } from "firebase-functions/v2/https";
import { STRIPE_SECRETS } from "../config";

// A tip on an order paid with a saved card is charged to it (Stripe).
export const raiseTip = onCall({ secrets: STRIPE_SECRETS }, async (request) => {
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

export const quotePromo = onCall(async (request) => {
  const [{ quotePromo: quote }, { liveDeps }, { requireCaller }] = await Promise.all([
    import("../money/quotePromo"),
    import("../deps"),
    import("../auth/guard"),
  ]);
  const deps = liveDeps();
  const caller = await requireCaller(deps.db, request.auth, { role: "signedIn" });
  return quote(deps, caller.uid, request.data);
});

export const onPromoCodeWritten = onDocumentWritten({ document: "promoCodes/{code}", retry: true }, async (event) => {
  const [{ syncPublicPromo }, { liveDeps }] = await Promise.all([import("../money/publicPromos"), import("../deps")]);
  await syncPublicPromo(liveDeps(), event.params.code);
});
