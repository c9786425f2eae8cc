// The callables: who may call each, checked by one guard (functions/src/auth/guard.ts) as the rules
// check it. Every callable the functions define is in the table below, and each refuses a caller
// whose roles were revoked after their ID token was issued, although that token has not expired.

import { strict as assert } from "node:assert";
import { httpsCallable } from "firebase/functions";
import { DELIVERY_OVERDUE_MIN, paths } from "../../functions/src/domain";
import {
  adminAuth,
  adminDb,
  closeClients,
  createRestaurant,
  createUser,
  claimOrder,
  moveDueTime,
  moveOrder,
  deliverThrough,
  placeOrder,
  statusIs,
  waitForDoc,
  type TestRestaurant,
  type TestUser,
} from "../support/app";

const DAY = 24 * 3600_000;

/** The callables the functions define (what `firebase deploy` reads from functions/lib). */
function deployedCallables(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built functions, as deploy loads them
  const functions = require("../../functions/lib/index.js") as Record<string, { __endpoint?: Record<string, unknown> }>;
  return Object.entries(functions)
    .filter(([, f]) => f?.__endpoint && "callableTrigger" in f.__endpoint)
    .map(([name]) => name)
    .sort();
}

const promoInput = (code: string) => ({
  code,
  description: "Revoked",
  kind: "percent",
  percentBps: 1000,
  amountCents: 0,
  minSubtotal: 0,
  maxDiscount: null,
  validFrom: Date.now() - 60_000,
  validUntil: Date.now() + DAY,
  firstOrderOnly: false,
  perCustomerLimit: 0,
  maxRedemptions: null,
  budgetCents: null,
  restaurantId: null,
  fundedBy: "platform",
  paused: false,
  public: false,
});

describe("pipeline: callables and who may call them", function () {
  this.timeout(300_000);
  let r: TestRestaurant;
  let admin: TestUser, kitchen: TestUser, courier: TestUser;
  let shop: TestRestaurant, shopKitchen: TestUser;
  before(async () => {
    r = await createRestaurant({ dish: { price: 1200 } }, { minOrder: 0 });
    [admin, kitchen, courier] = await Promise.all([
      createUser({ admin: true }, "Ada Guard"),
      createUser({ staff: [r.id] }, "Kai Kitchen"),
      createUser({ courier: true }, "Cem Carrier"),
    ]);
  });
  after(closeClients);

  const revokeAll = async (who: TestUser, roles: { role: string; restaurantId?: string }[]) => {
    // Tokens carry whole seconds: the revocation must come after the second the token was issued.
    await new Promise((done) => setTimeout(done, 1100));
    for (const r of roles) await httpsCallable(admin.functions, "setRole")({ uid: who.uid, grant: false, ...r });
  };
  /** Delivered in cash, by a courier of its own unless one is named: the cash a courier holds is
   * capped, and one courier for every case would come near the cap as the table grows. */
  const delivered = async (customer: TestUser, at = r, by?: TestUser) => {
    const id = await placeOrder(customer, at.id, [{ itemId: at.items.dish, quantity: 1, options: {} }]);
    await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
    const rider = by ?? (await createUser({ courier: true }, "Cal Carrier"));
    await deliverThrough(at === r ? kitchen : shopKitchen, rider, id);
    await waitForDoc(adminDb.doc(paths.receipt(id)), (s) => s.exists);
    return id;
  };

  /** An order picked up long ago and still on its way: it waits for an admin's decision. */
  const overdue = async (customer: TestUser) => {
    const id = await placeOrder(customer, r.id, [{ itemId: r.items.dish, quantity: 1, options: {} }]);
    await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
    for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(kitchen, id, s);
    const rider = await createUser({ courier: true }, "Rui Rider");
    await claimOrder(rider, id);
    await moveOrder(rider, id, "picked_up");
    await moveDueTime(id, "timeline.picked_up", new Date(Date.now() - (DELIVERY_OVERDUE_MIN + 1) * 60_000));
    return id;
  };

  /** Each callable: a call its role holder may make, and what it left behind (to show a refused one changed nothing). */
  const CASES: Record<
    string,
    (revoked: boolean) => Promise<{ call: () => Promise<unknown>; changed: () => Promise<boolean> }>
  > = {
    async setRole(revoked) {
      const other = await createUser({ admin: true }, "Ada Other");
      const target = await createUser({}, "Tess Target");
      if (revoked) await revokeAll(other, [{ role: "admin" }]);
      return {
        call: () => httpsCallable(other.functions, "setRole")({ uid: target.uid, role: "courier", grant: true }),
        changed: async () => (await adminAuth.getUser(target.uid)).customClaims?.courier === true,
      };
    },
    async createPromo(revoked) {
      const other = await createUser({ admin: true }, "Ada Promo");
      if (revoked) await revokeAll(other, [{ role: "admin" }]);
      const code = `RV${Date.now().toString(36).toUpperCase()}`;
      return {
        call: () => httpsCallable(other.functions, "createPromo")(promoInput(code)),
        changed: async () => (await adminDb.doc(paths.promoCode(code)).get()).exists,
      };
    },
    async resolveDelivery(revoked) {
      const other = await createUser({ admin: true }, "Ada Decides");
      const customer = await createUser({}, "Una Undelivered");
      const id = await overdue(customer);
      if (revoked) await revokeAll(other, [{ role: "admin" }]);
      return {
        call: () => httpsCallable(other.functions, "resolveDelivery")({ orderId: id, outcome: "undelivered" }),
        changed: async () => (await adminDb.doc(paths.order(id)).get()).get("status") === "undelivered",
      };
    },
    async raiseTip(revoked) {
      const customer = await createUser({ courier: true }, "Tia Tipper");
      const id = await delivered(customer);
      // Credit to pay the raise with (a cash order's tip is raised from credit): a refund.
      const other = await delivered(customer);
      await httpsCallable(
        customer.functions,
        "fileComplaint",
      )({ orderId: other, type: "missing_items", lines: [{ line: 0, quantity: 1 }] });
      if (revoked) await revokeAll(customer, [{ role: "courier" }]);
      return {
        call: () => httpsCallable(customer.functions, "raiseTip")({ orderId: id, tip: 300 }),
        changed: async () => (await adminDb.doc(paths.order(id)).get()).get("pricing.tip") === 300,
      };
    },
    async quotePromo(revoked) {
      const customer = await createUser({ courier: true }, "Quincy Quote");
      if (revoked) await revokeAll(customer, [{ role: "courier" }]);
      let answered = false;
      return {
        call: async () => {
          const res = await httpsCallable<unknown, { ok: boolean }>(
            customer.functions,
            "quotePromo",
          )({ code: "NOSUCHCODE", restaurantId: r.id, subtotal: 1200 });
          answered = res.data.ok === false;
        },
        changed: async () => answered,
      };
    },
    async exportMyData(revoked) {
      const customer = await createUser({ courier: true }, "Ella Export");
      if (revoked) await revokeAll(customer, [{ role: "courier" }]);
      let exported: unknown = null;
      return {
        call: async () => {
          exported = (await httpsCallable<unknown, { account: { uid: string } }>(customer.functions, "exportMyData")())
            .data.account.uid;
        },
        changed: async () => exported === customer.uid,
      };
    },
    async deleteMyAccount(revoked) {
      // A role must be given up before an account is deleted: the revoked courier has none left,
      // and still cannot use the token issued while they had it.
      const customer = await createUser(revoked ? { courier: true } : {}, "Dana Delete");
      if (revoked) await revokeAll(customer, [{ role: "courier" }]);
      return {
        call: () => httpsCallable(customer.functions, "deleteMyAccount")(),
        changed: async () =>
          !(await adminAuth.getUser(customer.uid).then(
            () => true,
            () => false,
          )),
      };
    },
  };

  /** An owner of r and one of r's API clients, made by them; `revoked`: their owner role then revoked. */
  const ownerWithClient = async (revoked: boolean, name: string) => {
    const owner = await createUser({ owner: [r.id] }, name);
    const made = await httpsCallable<unknown, { clientId: string }>(
      owner.functions,
      "createApiClient",
    )({
      restaurantId: r.id,
      name,
      scopes: ["orders:read"],
    });
    if (revoked) await revokeAll(owner, [{ role: "owner", restaurantId: r.id }]);
    return {
      owner,
      clientId: made.data.clientId,
      client: () => adminDb.doc(paths.apiClient(made.data.clientId)).get(),
    };
  };
  const hook = { url: "http://127.0.0.1:9/hook", events: ["order.placed"] };
  Object.assign(CASES, {
    async createApiClient(revoked: boolean) {
      const owner = await createUser({ owner: [r.id] }, "Olli Owner");
      if (revoked) await revokeAll(owner, [{ role: "owner", restaurantId: r.id }]);
      const name = `Till ${Date.now().toString(36)}`;
      return {
        call: () =>
          httpsCallable(owner.functions, "createApiClient")({ restaurantId: r.id, name, scopes: ["orders:read"] }),
        changed: async () => !(await adminDb.collection(paths.apiClients()).where("name", "==", name).get()).empty,
      };
    },
    async rotateApiClient(revoked: boolean) {
      const { owner, clientId, client } = await ownerWithClient(revoked, "Rita Rotate");
      return {
        call: () => httpsCallable(owner.functions, "rotateApiClient")({ clientId }),
        changed: async () => (await client()).get("secretVersion") === 2,
      };
    },
    async revokeApiClient(revoked: boolean) {
      const { owner, clientId, client } = await ownerWithClient(revoked, "Rex Revoke");
      return {
        call: () => httpsCallable(owner.functions, "revokeApiClient")({ clientId }),
        changed: async () => (await client()).get("revokedAt") !== null,
      };
    },
    async setApiWebhook(revoked: boolean) {
      const { owner, clientId, client } = await ownerWithClient(revoked, "Hedi Hook");
      return {
        call: () => httpsCallable(owner.functions, "setApiWebhook")({ clientId, ...hook }),
        changed: async () => (await client()).get("webhook") !== null,
      };
    },
    async resendWebhook(revoked: boolean) {
      const owner = await createUser({ owner: [r.id] }, "Remy Resend");
      const made = await httpsCallable<unknown, { clientId: string }>(
        owner.functions,
        "createApiClient",
      )({
        restaurantId: r.id,
        name: "Resend",
        scopes: ["orders:read"],
      });
      const clientId = made.data.clientId;
      await httpsCallable(owner.functions, "setApiWebhook")({ clientId, ...hook });
      // A delivery whose attempts all failed, as the Integrations tab lists it.
      const delivery = adminDb.doc(paths.delivery(clientId, "order1.placed"));
      await delivery.set({
        restaurantId: r.id,
        clientId,
        type: "order.placed",
        state: "failed",
        round: 1,
        attempts: [],
        body: JSON.stringify({ id: "order1.placed", type: "order.placed", data: {} }),
      });
      if (revoked) await revokeAll(owner, [{ role: "owner", restaurantId: r.id }]);
      return {
        call: () => httpsCallable(owner.functions, "resendWebhook")({ clientId, eventId: "order1.placed" }),
        changed: async () => (await delivery.get()).get("round") === 2,
      };
    },
  });

  // After the order: a complaint filed, disputed and decided, an admin's cancel and settlement. At
  // a restaurant of their own: the webhook cases above leave r paused (its endpoint is down).
  before(async () => {
    shop = await createRestaurant({ dish: { price: 1200 } }, { minOrder: 0 });
    shopKitchen = await createUser({ staff: [shop.id] }, "Kai Shop");
  });
  const complained = async (customer: TestUser) => {
    const id = await delivered(customer, shop);
    const filed = await httpsCallable<unknown, { complaintId: string }>(
      customer.functions,
      "fileComplaint",
    )({ orderId: id, type: "missing_items", lines: [{ line: 0, quantity: 1 }] });
    return filed.data.complaintId;
  };
  const complaint = (id: string) => adminDb.doc(paths.complaint(id)).get();
  Object.assign(CASES, {
    async fileComplaint(revoked: boolean) {
      const customer = await createUser({ courier: true }, "Fia Filer");
      const id = await delivered(customer, shop);
      if (revoked) await revokeAll(customer, [{ role: "courier" }]);
      return {
        call: () =>
          httpsCallable(
            customer.functions,
            "fileComplaint",
          )({ orderId: id, type: "missing_items", lines: [{ line: 0, quantity: 1 }] }),
        changed: async () => !(await adminDb.collection(paths.complaints()).where("orderId", "==", id).get()).empty,
      };
    },
    async disputeComplaint(revoked: boolean) {
      const owner = await createUser({ owner: [shop.id] }, "Dora Dispute");
      const id = await complained(await createUser({}, "Carl Complains"));
      if (revoked) await revokeAll(owner, [{ role: "owner", restaurantId: shop.id }]);
      return {
        call: () => httpsCallable(owner.functions, "disputeComplaint")({ complaintId: id, reason: "It was there" }),
        changed: async () => (await complaint(id)).get("dispute") !== null,
      };
    },
    async decideComplaint(revoked: boolean) {
      const other = await createUser({ admin: true }, "Ada Judge");
      const owner = await createUser({ owner: [shop.id] }, "Otto Objects");
      const id = await complained(await createUser({}, "Cleo Claims"));
      await httpsCallable(owner.functions, "disputeComplaint")({ complaintId: id, reason: "It was there" });
      if (revoked) await revokeAll(other, [{ role: "admin" }]);
      return {
        call: () => httpsCallable(other.functions, "decideComplaint")({ complaintId: id, decision: "reject" }),
        changed: async () => (await complaint(id)).get("dispute.status") === "rejected",
      };
    },
    async cancelOrder(revoked: boolean) {
      const other = await createUser({ admin: true }, "Ada Cancels");
      const customer = await createUser({}, "Aki Accepted");
      const id = await placeOrder(customer, shop.id, [{ itemId: shop.items.dish, quantity: 1, options: {} }]);
      await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
      await moveOrder(shopKitchen, id, "accepted");
      if (revoked) await revokeAll(other, [{ role: "admin" }]);
      return {
        call: () => httpsCallable(other.functions, "cancelOrder")({ orderId: id, reason: "other" }),
        changed: async () => (await adminDb.doc(paths.order(id)).get()).get("cancelledBy") === "admin",
      };
    },
    async recordSettlement(revoked: boolean) {
      const other = await createUser({ admin: true }, "Ada Cashdesk");
      await delivered(await createUser({}, "Pam Payscash"), shop, courier);
      if (revoked) await revokeAll(other, [{ role: "admin" }]);
      const made = () => adminDb.collection(paths.settlements(courier.uid)).where("by", "==", other.uid).get();
      return {
        call: () =>
          httpsCallable(other.functions, "recordSettlement")({ courierId: courier.uid, kind: "handedIn", amount: 100 }),
        changed: async () => !(await made()).empty,
      };
    },
  });

  // Card payments: the client secret of an order that asks for 3-D Secure, and a saved card.
  const byCard = (customer: TestUser, pm: string, extra: Record<string, unknown> = {}) =>
    placeOrder(customer, shop.id, [{ itemId: shop.items.dish, quantity: 1, options: {} }], {
      payWith: "card",
      paymentMethodId: pm,
      ...extra,
    });
  Object.assign(CASES, {
    async paymentAction(revoked: boolean) {
      const customer = await createUser({ courier: true }, "Tia Threeds");
      const id = await byCard(customer, "pm_card_authenticationRequired");
      await waitForDoc(adminDb.doc(paths.payment(id)), (s) => s.get("state") === "requires_action");
      if (revoked) await revokeAll(customer, [{ role: "courier" }]);
      let secret: string | undefined;
      return {
        call: async () => {
          const got = await httpsCallable<unknown, { clientSecret: string }>(
            customer.functions,
            "paymentAction",
          )({ orderId: id });
          secret = got.data.clientSecret;
        },
        changed: async () => secret !== undefined && secret.includes("_secret_"),
      };
    },
    async removeCard(revoked: boolean) {
      const customer = await createUser({ courier: true }, "Kit Keeps");
      const id = await byCard(customer, "pm_card_visa", { saveCard: true });
      const record = await waitForDoc(adminDb.doc(paths.payment(id)), (s) => !!s.get("paymentMethodId"));
      const cardId = record.get("paymentMethodId") as string;
      const saved = adminDb.doc(paths.card(customer.uid, cardId));
      await waitForDoc(saved, (s) => s.exists);
      // Declined so that it does not wait for the accept timeout.
      await moveOrder(shopKitchen, id, "declined", { declineReason: "too_busy" });
      if (revoked) await revokeAll(customer, [{ role: "courier" }]);
      return {
        call: () => httpsCallable(customer.functions, "removeCard")({ cardId }),
        changed: async () => !(await saved.get()).exists,
      };
    },
  });

  it("every callable the functions define is in this table", () => {
    assert.deepEqual(deployedCallables(), Object.keys(CASES).sort());
  });

  for (const name of Object.keys(CASES)) {
    it(`${name}: refused with a token issued before its user's roles were revoked, allowed otherwise`, async () => {
      const refused = await CASES[name](true);
      await assert.rejects(refused.call(), { code: "functions/unauthenticated" });
      assert.equal(await refused.changed(), false, "a refused call changed nothing");
      const allowed = await CASES[name](false);
      await allowed.call();
      assert.equal(await allowed.changed(), true);
    });
  }

  it("a revoked admin cannot make themselves admin again with the old token", async () => {
    const former = await createUser({ admin: true }, "Ada Former");
    await revokeAll(former, [{ role: "admin" }]);
    await assert.rejects(httpsCallable(former.functions, "setRole")({ uid: former.uid, role: "admin", grant: true }), {
      code: "functions/unauthenticated",
    });
    assert.equal((await adminAuth.getUser(former.uid)).customClaims?.admin, undefined);
  });

  describe("roles (the admin-only setRole)", () => {
    it("an admin grants and revokes the courier role; claims and mirror follow; revoking ends the old tokens", async () => {
      const admin = await createUser({ admin: true }, "Ada");
      const person = await createUser({}, "Future Courier");
      const setRole = httpsCallable(admin.functions, "setRole");
      await setRole({ email: person.email, role: "courier", grant: true });
      assert.equal((await adminAuth.getUser(person.uid)).customClaims?.courier, true);
      assert.deepEqual((await adminDb.doc(paths.user(person.uid)).get()).get("roles"), { courier: true });
      await setRole({ uid: person.uid, role: "kitchen", grant: true, restaurantId: r.id });
      assert.deepEqual((await adminAuth.getUser(person.uid)).customClaims, { courier: true, staff: [r.id] });
      await setRole({ uid: person.uid, role: "owner", grant: true, restaurantId: r.id });
      assert.deepEqual((await adminAuth.getUser(person.uid)).customClaims, { courier: true, owner: [r.id] });
      const before = Date.now();
      await setRole({ uid: person.uid, role: "courier", grant: false });
      const mirror = (await adminDb.doc(paths.user(person.uid)).get()).data()!;
      assert.deepEqual(mirror.roles, { owner: [r.id] });
      assert.ok(mirror.tokensValidAfter * 1000 >= before - 1000, "the rules now refuse tokens issued before this");
      const validSince = Date.parse((await adminAuth.getUser(person.uid)).tokensValidAfterTime ?? "");
      assert.ok(validSince >= before - 1000, "refresh tokens revoked");
    });
    it("refuses non-admins, unknown users, unknown restaurants and bad input, each with its own code", async () => {
      const admin = await createUser({ admin: true });
      const customer = await createUser({}, "Cara Customer");
      const asCustomer = httpsCallable(customer.functions, "setRole");
      await assert.rejects(asCustomer({ uid: customer.uid, role: "admin", grant: true }), {
        code: "functions/permission-denied",
      });
      assert.equal((await adminAuth.getUser(customer.uid)).customClaims?.admin, undefined);
      const setRole = httpsCallable(admin.functions, "setRole");
      await assert.rejects(setRole({ email: "nobody@nowhere.test", role: "courier", grant: true }), {
        code: "functions/not-found",
      });
      await assert.rejects(setRole({ email: "not an email", role: "courier", grant: true }), {
        code: "functions/invalid-argument",
      });
      await assert.rejects(setRole({ uid: customer.uid, role: "owner", grant: true, restaurantId: "nope" }), {
        code: "functions/not-found",
      });
      await assert.rejects(setRole({ uid: customer.uid, role: "superuser", grant: true }), {
        code: "functions/invalid-argument",
      });
      await assert.rejects(setRole({ uid: admin.uid, role: "admin", grant: false }), {
        code: "functions/failed-precondition",
      });
    });
  });
});
