// Card payments (payments/): Stripe's webhook endpoint and the customer's card callables. The
// order side (authorise, capture, cancel) runs in the order triggers' effects and the reconciler,
// which bind the same secrets.
import { onCall, onRequest } from "firebase-functions/v2/https";
import { STRIPE_SECRETS, STRIPE_WEBHOOK_SECRET } from "../config";

export const stripeWebhook = onRequest(
  { secrets: [...STRIPE_SECRETS, STRIPE_WEBHOOK_SECRET], cors: false },
  async (req, res) => {
    const [{ stripeWebhook: answer }, { liveDeps }] = await Promise.all([
      import("../payments/webhook"),
      import("../deps"),
    ]);
    await answer(liveDeps(), req, res);
  },
);

const customerCall = (work: "paymentAction" | "removeCard") =>
  onCall({ secrets: STRIPE_SECRETS }, async (request) => {
    const [calls, { liveDeps }, { requireCaller }] = await Promise.all([
      import("../payments/customer"),
      import("../deps"),
      import("../auth/guard"),
    ]);
    const deps = liveDeps();
    const caller = await requireCaller(deps.db, request.auth, { role: "signedIn" });
    return calls[work](deps, caller.uid, request.data);
  });

export const paymentAction = customerCall("paymentAction");
export const removeCard = customerCall("removeCard");
