// Webhooks to a real HTTP receiver on this machine, standing in for a restaurant's till: signed
// deliveries that the sample verifier accepts (and refuses once tampered with or replayed late),
// retries through the Cloud Tasks queue with every attempt recorded, a resend, and a restaurant
// paused when its endpoint stays down while orders wait.

import { strict as assert } from "node:assert";
import { FieldValue } from "firebase-admin/firestore";
import { httpsCallable } from "firebase/functions";
import { inboxMessage, orderEventId, paths, type WebhookDelivery } from "../../functions/src/domain";
import { verifyDishpatchSignature } from "../../scripts/pos/verify";
import {
  adminDb,
  closeClients,
  createUser,
  placeOrder,
  RECOVERY_MS,
  statusIs,
  updateAsTest,
  waitForDoc,
  type TestUser,
} from "../support/app";
import { assertWebhookEvent, call, integration, Receiver, registerWebhook, type Integration } from "../support/api";

const ALL_EVENTS = [
  "order.placed",
  "order.cancelled",
  "order.status_changed",
  "order.scheduled_released",
  "store.paused",
] as const;

const MENU = {
  margherita: {
    price: 900,
    externalId: "PLU-1001",
    optionGroups: [
      {
        id: "size",
        externalId: "SIZE",
        name: "Size",
        min: 1,
        max: 1,
        options: [
          { id: "regular", name: "Regular", priceDelta: 0, externalId: "PLU-1001-R" },
          { id: "large", name: "Large", priceDelta: 300, externalId: "PLU-1001-L" },
        ],
      },
    ],
  },
};

describe("api: webhooks", function () {
  this.timeout(300_000);
  let customer: TestUser;
  before(async () => {
    customer = await createUser({}, "Wanda Webhook");
  });
  after(closeClients);

  const order = (i: Integration) =>
    placeOrder(customer, i.restaurant.id, [
      { itemId: i.restaurant.items.margherita, quantity: 2, options: { size: ["large"] } },
    ]);

  const delivery = async (i: Integration, eventId: string) =>
    (await adminDb.doc(paths.delivery(i.clientId, eventId)).get()).data() as WebhookDelivery | undefined;

  it("an order placed reaches the till signed; the sample verifier takes it, and refuses it tampered or replayed late", async () => {
    const i = await integration(MENU);
    const till = await new Receiver([200]).start();
    const secret = await registerWebhook(i.owner, i.clientId, till.url, [...ALL_EVENTS]);
    assert.match(secret, /^whsec_/);
    const id = await order(i);
    const eventId = orderEventId(id, "placed");
    await till.waitFor(() => till.of(eventId).length > 0);
    // The till answers through the API at once (the accept timeout is short in tests), and hears of
    // its own change as a status change.
    const accepted = await call(i.token, "POST", `/orders/${id}/accept`, { prep_minutes: 25 });
    assert.equal(accepted.status, 200, accepted.text);
    const [got] = till.of(eventId);
    const header = got.headers["dishpatch-signature"] as string;
    assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/);
    assert.deepEqual(verifyDishpatchSignature(secret, header, got.raw), { ok: true });
    const tampered = Buffer.from(got.raw.toString().replace('"quantity":2', '"quantity":9'));
    assert.notDeepEqual(tampered, got.raw);
    assert.deepEqual(verifyDishpatchSignature(secret, header, tampered), { ok: false, reason: "signature" });
    const later = new Date(Date.now() + 301_000);
    assert.deepEqual(verifyDishpatchSignature(secret, header, got.raw, later), { ok: false, reason: "too old" });
    assert.deepEqual(verifyDishpatchSignature("whsec_someone_else", header, got.raw), {
      ok: false,
      reason: "signature",
    });

    const body = JSON.parse(got.raw.toString());
    await assertWebhookEvent(body);
    assert.equal(body.id, eventId);
    assert.equal(body.type, "order.placed");
    assert.equal(body.data.order.id, id);
    assert.equal(body.data.order.status, "placed");
    const [line] = body.data.order.lines;
    assert.equal(line.external_id, "PLU-1001", "the till's own id for the dish");
    assert.deepEqual(
      line.options.map((o: { external_id: string }) => o.external_id),
      ["PLU-1001-L"],
    );
    assert.equal(line.total, 2 * 1200);
    assert.equal(got.headers["dishpatch-event-type"], "order.placed");

    const d = await delivery(i, eventId);
    assert.equal(d?.state, "delivered");
    assert.deepEqual(
      d?.attempts.map((a) => [a.status, a.error]),
      [[200, null]],
    );

    const changed = orderEventId(id, "accepted");
    await till.waitFor(() => till.of(changed).length > 0);
    const next = JSON.parse(till.of(changed)[0].raw.toString());
    assert.equal(next.type, "order.status_changed");
    assert.equal(next.data.order.prep_minutes, 25);
    await till.stop();
  });

  it("a receiver that fails three times is retried with backoff until it answers; every attempt is recorded", async () => {
    const i = await integration(MENU);
    const till = await new Receiver([500, 502, 503, 200]).start();
    await registerWebhook(i.owner, i.clientId, till.url, ["order.placed"]);
    const id = await order(i);
    const eventId = orderEventId(id, "placed");
    await till.waitFor(() => till.of(eventId).length >= 4, RECOVERY_MS);
    const d = await waitForDoc(adminDb.doc(paths.delivery(i.clientId, eventId)), (s) => s.get("state") === "delivered");
    const attempts = (d.data() as WebhookDelivery).attempts;
    assert.deepEqual(
      attempts.map((a) => a.status),
      [500, 502, 503, 200],
    );
    assert.match(attempts[0].error ?? "", /HTTP 500: till is down/);
    assert.equal(attempts[3].error, null);
    const times = till.of(eventId).map((r) => r.at);
    for (let k = 1; k < times.length; k++)
      assert.ok(times[k] - times[k - 1] >= 900, `attempt ${k + 1} waited for its backoff`);
    const bodies = new Set(till.of(eventId).map((r) => r.raw.toString()));
    assert.equal(bodies.size, 1, "every retry sends the same event, byte for byte");
    // Only the events it chose: not the cancel that follows.
    assert.equal(till.received.filter((r) => r.headers["dishpatch-event-type"] !== "order.placed").length, 0);

    // The owner resends it from the Integrations tab: a new round of attempts, the same event.
    await httpsCallable(i.owner.functions, "resendWebhook")({ clientId: i.clientId, eventId });
    await till.waitFor(() => till.of(eventId).length >= 5);
    const again = await waitForDoc(
      adminDb.doc(paths.delivery(i.clientId, eventId)),
      (s) => s.get("state") === "delivered" && s.get("attempts").length === 5,
    );
    assert.equal(again.get("round"), 2);
    await till.stop();
  });

  it("a delivery that keeps no body to sign fails on its first attempt instead of being retried", async () => {
    const i = await integration(MENU);
    const till = await new Receiver([200]).start();
    await registerWebhook(i.owner, i.clientId, till.url, ["order.placed"]);
    const id = await order(i);
    const eventId = orderEventId(id, "placed");
    const ref = adminDb.doc(paths.delivery(i.clientId, eventId));
    await waitForDoc(ref, (s) => s.get("state") === "delivered");
    // A delivery document without its body (as one written by hand, or damaged, would be).
    await updateAsTest(ref, { body: FieldValue.delete() });
    await httpsCallable(i.owner.functions, "resendWebhook")({ clientId: i.clientId, eventId });
    const failed = await waitForDoc(ref, (s) => s.get("state") === "failed" && s.get("round") === 2);
    const second = (failed.data() as WebhookDelivery).attempts.filter((a) => a.round === 2);
    assert.equal(second.length, 1, "no retries: there is nothing to send");
    assert.match(second[0].error ?? "", /keeps no body/);
    assert.equal(till.of(eventId).length, 1, "only the first round reached the till");
    await till.stop();
  });

  it("an endpoint down while an order waits pauses the restaurant and tells its staff; the delivery ends failed", async () => {
    const i = await integration(MENU);
    const kitchen = await createUser({ staff: [i.restaurant.id] }, "Kai Kitchen");
    const till = await new Receiver([503]).start();
    await registerWebhook(i.owner, i.clientId, till.url, ["order.placed"]);
    const id = await order(i);
    const r = await waitForDoc(
      adminDb.doc(paths.restaurant(i.restaurant.id)),
      (s) => (s.get("pausedUntil")?.toMillis() ?? 0) > Date.now(),
      RECOVERY_MS,
    );
    assert.equal(r.get("pausedBy"), "auto");
    const client = await adminDb.doc(paths.apiClient(i.clientId)).get();
    const since = client.get("webhook.failingSince").toMillis();
    const notice = `auto-pause-webhook-${i.clientId}-${since}`;
    for (const person of [i.owner, kitchen]) {
      const entry = await waitForDoc(adminDb.doc(paths.notification(person.uid, notice)), (s) => s.exists);
      // Said in the reader's language from its key (both catalogues name the till).
      assert.match(inboxMessage(entry.get("text"), "en").title, /till/);
      assert.match(inboxMessage(entry.get("text"), "de").title, /Kasse/);
    }
    const eventId = orderEventId(id, "placed");
    const failed = await waitForDoc(
      adminDb.doc(paths.delivery(i.clientId, eventId)),
      (s) => s.get("state") === "failed",
      RECOVERY_MS,
    );
    const attempts = (failed.data() as WebhookDelivery).attempts;
    assert.equal(attempts.length, 8, "WEBHOOK_ATTEMPTS attempts, then no more");
    assert.ok(attempts.every((a) => a.status === 503));
    assert.equal(till.of(eventId).length, 8);
    await till.stop();
  });

  it("an endpoint that fails only briefly, or with no order waiting, pauses nothing", async () => {
    const i = await integration(MENU);
    const till = await new Receiver([503]).start();
    await registerWebhook(i.owner, i.clientId, till.url, ["order.placed", "order.status_changed"]);
    const id = await order(i);
    await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
    // The kitchen answers on the dashboard at once: no order waits while the endpoint fails on.
    assert.equal((await call(i.token, "POST", `/orders/${id}/deny`, { reason: "too_busy" })).status, 200);
    await till.waitFor(() => till.of(orderEventId(id, "declined")).length >= 6, RECOVERY_MS);
    const r = await adminDb.doc(paths.restaurant(i.restaurant.id)).get();
    assert.equal(r.get("pausedUntil") ?? null, null);
    await till.stop();
  });

  it("the owner's endpoint must be a public HTTPS address: private, link-local and plain HTTP ones are refused", async () => {
    const i = await integration(MENU);
    const set = (url: string) =>
      httpsCallable(i.owner.functions, "setApiWebhook")({ clientId: i.clientId, url, events: ["order.placed"] });
    for (const url of [
      "https://10.0.0.8/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://[fd00::1]/hook",
      "http://example.com/hook",
      "ftp://127.0.0.1/hook",
      "https://user:pw@example.com/hook",
    ]) {
      await assert.rejects(set(url), { code: "functions/invalid-argument" }, url);
    }
    await assert.rejects(
      httpsCallable(
        i.owner.functions,
        "setApiWebhook",
      )({ clientId: i.clientId, url: "https://localhost/x", events: ["nope"] }),
      { code: "functions/invalid-argument" },
    );
    assert.equal((await adminDb.doc(paths.apiClient(i.clientId)).get()).get("webhook"), null, "nothing registered");
  });
});
