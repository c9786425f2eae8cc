// The admin's callable for an overdue delivery (orders/resolveDelivery.ts), in a module of its own:
// the order triggers' instances need not load the HTTPS provider.
import { onCall } from "firebase-functions/v2/https";

export const resolveDelivery = onCall(async (request) => {
  const [{ resolveDelivery: resolve }, { liveDeps }, { requireCaller }] = await Promise.all([
    import("../orders/resolveDelivery"),
    import("../deps"),
    import("../auth/guard"),
  ]);
  const deps = liveDeps();
  const caller = await requireCaller(deps.db, request.auth, { role: "admin" });
  return resolve(deps, caller.uid, request.data);
});
