// The delivery map (issue 21.14), as the tests and an offline phone see it: the streets the app
// knows drawn and named, the customer's map following the courier's live position, and "Open in
// Maps" links (geo: plus Google and Apple Maps) for the customer and the courier. (A tile map is
// used only where a deployment configures tiles: VITE_MAP_TILE_URL, not set for the tests.)

import { strict as assert } from "node:assert";
import { doc, serverTimestamp, setDoc } from "firebase/firestore";
import { paths, type LatLng } from "../../functions/src/domain";
import { closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import {
  adminDb,
  BERLIN_CENTRE,
  claimOrder,
  closeClients,
  createRestaurant,
  createUser,
  moveOrder,
  placeOrder,
  statusIs,
  waitForDoc,
  type TestUser,
} from "../support/app";

/** The courier's position, written as the courier's app writes it (data/tracking.ts). */
const shareAt = (courier: TestUser, orderId: string, p: LatLng) =>
  setDoc(doc(courier.db, paths.courierPosition(orderId)), { lat: p.lat, lng: p.lng, updatedAt: serverTimestamp() });

const at = (p: LatLng) => `${p.lat.toFixed(6)},${p.lng.toFixed(6)}`;

describe("browser: the delivery map", function () {
  this.timeout(120_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  it("draws the known streets, follows the courier on the customer's map, and opens places in a map app", async () => {
    const r = await createRestaurant({ Dumplings: { price: 1100 } }, { minOrder: 0, name: "Map Kitchen" });
    const kitchen = await createUser({ staff: [r.id] }, "Kai Kitchen");
    const courier = await createUser({ courier: true }, "Mia Map");
    const customer = await createUser({}, "Finn Follow");
    const id = await placeOrder(customer, r.id, [{ itemId: r.items.Dumplings, quantity: 1, options: {} }]);
    await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
    for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(kitchen, id, s);
    await claimOrder(courier, id);
    await moveOrder(courier, id, "picked_up");
    const first = { lat: 52.5205, lng: 13.4095 };
    await shareAt(courier, id, first);

    const { page: c, context } = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await context.addInitScript((a) => localStorage.setItem("dishpatch.address", JSON.stringify(a)), BERLIN_CENTRE);
    await signIn(c, customer.email, "password", `/orders/${id}`);
    const map = c.locator("svg.city-map");
    const courierPin = map.locator(".marker.courier");
    await courierPin.waitFor();
    assert.ok((await map.locator("line.street").count()) > 10, "the streets the app knows are drawn");
    assert.ok((await map.locator("text.street-name").count()) > 0, "and named, zoomed in");
    assert.equal(await courierPin.getAttribute("transform"), "translate(300 210)", "the courier in the middle");
    const links = c.getByTestId("maps-links");
    assert.match(String(await links.textContent()), /^Open the courier's position in your map app · /);
    assert.equal(
      await links.getByRole("link", { name: "your map app" }).getAttribute("href"),
      `geo:${at(first)}?q=${at(first)}(Courier)`,
    );
    assert.equal(
      await links.getByRole("link", { name: "Google Maps" }).getAttribute("href"),
      `https://www.google.com/maps/search/?api=1&query=${at(first)}`,
    );
    assert.match(
      String(await links.getByRole("link", { name: "Apple Maps" }).getAttribute("href")),
      new RegExp(`ll=${at(first)}`),
    );
    await screenshot(c, "map-customer-following");

    // The courier moves: the map moves with them, the destination moves on it, the links follow.
    const destination = map.locator(".marker.destination");
    const before = await destination.getAttribute("transform");
    const next = { lat: 52.5215, lng: 13.4125 };
    await shareAt(courier, id, next);
    await c.waitForFunction(
      (was) => document.querySelector("svg.city-map .marker.destination")?.getAttribute("transform") !== was,
      before,
    );
    assert.equal(await courierPin.getAttribute("transform"), "translate(300 210)", "still in the middle");
    await links
      .getByRole("link", { name: "Google Maps" })
      .and(c.locator(`[href$="${at(next)}"]`))
      .waitFor();

    // The courier plans the way to the customer in their own map app.
    const { page: d } = await newPage({
      geolocation: { latitude: next.lat, longitude: next.lng },
      permissions: ["geolocation"],
    });
    await signIn(d, courier.email, "password", "/courier");
    const route = d.locator(`.active-delivery[data-order="${id}"]`).getByTestId("maps-links");
    await route.getByText(`Route to ${BERLIN_CENTRE.line1} in`).waitFor();
    assert.equal(
      await route.getByRole("link", { name: "Google Maps" }).getAttribute("href"),
      `https://www.google.com/maps/dir/?api=1&destination=${at(BERLIN_CENTRE)}&travelmode=bicycling`,
    );
    assert.match(
      String(await route.getByRole("link", { name: "Apple Maps" }).getAttribute("href")),
      new RegExp(`daddr=${at(BERLIN_CENTRE)}`),
    );
    await screenshot(d, "map-courier-route");
  });
});
