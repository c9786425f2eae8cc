// Web push, up to the token's registration: after placing an order the customer is offered
// notifications; accepting registers this browser's FCM token as one of their devices, in their
// language. This machine has no Google: the test stands in for the browser's push service and
// FCM's two endpoints (installations and registrations), nothing of the app's own.

import { strict as assert } from "node:assert";
import type { BrowserContext } from "playwright-core";
import { paths } from "../../functions/src/domain";
import { closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import { adminDb, closeClients, createRestaurant, createUser, placeOrder, statusIs, waitForDoc } from "../support/app";

const FCM_TOKEN = "fcm-token-from-the-test";

/** The browser's push service and FCM, as far as getting a token goes. */
async function fakePushServices(context: BrowserContext): Promise<string[]> {
  const asked: string[] = [];
  // A string, not a function: tsx would add helpers to a function that the page does not have.
  await context.addInitScript({
    content: `
      const key = (n) => new Uint8Array(n).fill(7).buffer;
      const subscription = {
        endpoint: "https://push.example/subscription/1",
        expirationTime: null,
        options: { userVisibleOnly: true, applicationServerKey: null },
        getKey: (name) => (name === "p256dh" ? key(65) : key(16)),
        toJSON: () => ({}),
        unsubscribe: async () => true,
      };
      PushManager.prototype.getSubscription = async () => subscription;
      PushManager.prototype.subscribe = async () => subscription;
    `,
  });
  await context.route("https://firebaseinstallations.googleapis.com/**", (route) => {
    asked.push("installations");
    return route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({
        name: "projects/demo/installations/fid",
        fid: "cAAAAAAAAAAAAAAAAAAAAA",
        refreshToken: "refresh",
        authToken: { token: "installation-auth", expiresIn: "604800s" },
      }),
    });
  });
  await context.route("https://fcmregistrations.googleapis.com/**", (route) => {
    asked.push("registrations");
    return route.fulfill({ contentType: "application/json", body: JSON.stringify({ token: FCM_TOKEN }) });
  });
  return asked;
}

describe("browser: web push", function () {
  this.timeout(120_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  it("after an order, the customer turns notifications on: the token is registered as their device, in their language", async () => {
    assert.ok(process.env.VITE_FCM_VAPID_KEY, "npm test builds the app with a VAPID key");
    const r = await createRestaurant({ Ramen: { price: 1400 } }, { minOrder: 0 });
    const customer = await createUser({}, "Pia Push");
    const id = await placeOrder(customer, r.id, [{ itemId: r.items.Ramen, quantity: 1, options: {} }]);
    await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
    const { context, page } = await newPage();
    try {
      await context.grantPermissions(["notifications"]);
      const asked = await fakePushServices(context);
      await signIn(page, customer.email, "password", `/orders/${id}`);
      const offer = page.getByTestId("push-offer");
      await offer.waitFor();
      await screenshot(page, "push-offer");
      await offer.getByRole("button", { name: "Turn on notifications" }).click();
      await page.getByTestId("push-on").waitFor();
      const device = await waitForDoc(adminDb.doc(paths.device(customer.uid, "d0")), (d) => d.exists);
      assert.equal(device.get("token"), FCM_TOKEN);
      assert.equal(device.get("language"), "en");
      assert.deepEqual([...new Set(asked)], ["installations", "registrations"]);
      // Registered: not offered again on this device.
      await page.reload();
      await page.getByTestId("order-status").waitFor();
      assert.equal(await page.getByTestId("push-offer").count(), 0);
      // A switch of language moves the device with it.
      await page.getByRole("combobox", { name: "Language" }).selectOption("de");
      await waitForDoc(adminDb.doc(paths.device(customer.uid, "d0")), (d) => d.get("language") === "de");
    } finally {
      await context.close();
    }
  });

  it("is not offered where the browser has refused notifications", async () => {
    const r = await createRestaurant({ Pho: { price: 1300 } }, { minOrder: 0 });
    const customer = await createUser({}, "Nina Nope");
    const id = await placeOrder(customer, r.id, [{ itemId: r.items.Pho, quantity: 1, options: {} }]);
    const { context, page } = await newPage();
    try {
      await context.addInitScript({
        content: `Object.defineProperty(Notification, "permission", { get: () => "denied" });`,
      });
      await signIn(page, customer.email, "password", `/orders/${id}`);
      await page.getByTestId("order-status").waitFor();
      assert.equal(await page.getByTestId("push-offer").count(), 0);
    } finally {
      await context.close();
    }
  });
});
