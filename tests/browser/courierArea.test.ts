// The courier's area: the pickups around where they are (their position, else the neighbourhood
// they say they are in), never the whole city's, and how long a claim waits for its pickup. On a
// phone and a desktop, in English and German.

import { strict as assert } from "node:assert";
import { areaBlock, areaCell, NEIGHBOURHOODS, paths } from "../../functions/src/domain";
import { closeBrowser, newPage, screenshot, signInIn } from "../../scripts/lib/browser";
import {
  adminDb,
  closeClients,
  createRestaurant,
  createUser,
  moveOrder,
  placeOrder,
  statusIs,
  waitForDoc,
  type TestRestaurant,
  type TestUser,
} from "../support/app";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 860 } };

const TORSTRASSE = { lat: 52.529, lng: 13.401 };
/** In Prenzlauer Berg, a kilometre from Torstraße. */
const NEAR = { line1: "Kastanienallee 42", city: "Berlin", lat: 52.5372, lng: 13.4108 };
/** In Charlottenburg, across the city (Kantstraße 30 was still in the cells around Torstraße:
 * an area reaches 3 km in every direction, and up to about 7 km in some). */
const FAR = { line1: "Wilmersdorfer Straße 60", city: "Berlin", lat: 52.509, lng: 13.306 };
const CHARLOTTENBURG = NEIGHBOURHOODS.find((n) => n.name === "Charlottenburg")!;

const WORDS = {
  en: {
    here: "Pickups within about 3 km of you, nearest first.",
    unknown: "Share your location, or say where you are, to see the pickups around you.",
    where: "Where are you?",
    around: "Pickups around Charlottenburg, nearest first.",
    claim: "Claim",
    pickUpBy: /Pick up by\s*(tomorrow )?\d\d:\d\d, or it goes back to the other couriers/,
  },
  de: {
    here: "Abholungen im Umkreis von etwa 3 km, die nächsten zuerst.",
    unknown: "Teile deinen Standort oder sag, wo du bist, um die Abholungen in deiner Nähe zu sehen.",
    where: "Wo bist du?",
    around: "Abholungen rund um Charlottenburg, die nächsten zuerst.",
    claim: "Übernehmen",
    pickUpBy: /Abholen bis\s*(morgen )?\d\d:\d\d, sonst geht sie an die anderen Kuriere zurück/,
  },
} as const;

describe("browser: the pickups around a courier", function () {
  this.timeout(240_000);
  let near: TestRestaurant, far: TestRestaurant;
  let nearKitchen: TestUser, farKitchen: TestUser;

  before(async () => {
    assert.ok(areaBlock(areaCell(TORSTRASSE)).includes(areaCell(NEAR)), "the near kitchen is around Torstraße");
    assert.ok(!areaBlock(areaCell(TORSTRASSE)).includes(areaCell(FAR)), "the far one is not");
    assert.ok(areaBlock(areaCell(CHARLOTTENBURG)).includes(areaCell(FAR)), "the far one is around Charlottenburg");
    assert.ok(!areaBlock(areaCell(CHARLOTTENBURG)).includes(areaCell(NEAR)), "the near one is not");
    const kitchen = { dish: { price: 1200 } };
    near = await createRestaurant(kitchen, { name: "Near Noodles", minOrder: 0, address: NEAR });
    far = await createRestaurant(kitchen, {
      name: "Far Falafel",
      minOrder: 0,
      address: FAR,
      deliveryRadiusM: 12_000,
    });
    [nearKitchen, farKitchen] = await Promise.all([
      createUser({ staff: [near.id] }, "Nadia Near"),
      createUser({ staff: [far.id] }, "Fritz Far"),
    ]);
  });
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  /** One ready order at each kitchen. */
  const readyOrders = async () => {
    const customer = await createUser({}, "Hungry Hans");
    const ready = async (r: TestRestaurant, staff: TestUser) => {
      const id = await placeOrder(customer, r.id, [{ itemId: r.items.dish, quantity: 1, options: {} }]);
      await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
      for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(staff, id, s);
      return id;
    };
    return { nearId: await ready(near, nearKitchen), farId: await ready(far, farKitchen) };
  };

  for (const [size, device, lang] of [
    ["phone", PHONE, "en"],
    ["desktop", DESKTOP, "de"],
  ] as const) {
    it(`${size}, ${lang}: where the browser shares the position, the pickups around it, and how long a claim waits`, async () => {
      const w = WORDS[lang];
      const { nearId, farId } = await readyOrders();
      const courier = await createUser({ courier: true }, "Pia Position");
      const { context, page } = await newPage({
        ...device,
        locale: lang === "de" ? "de-DE" : "en-GB",
        geolocation: { latitude: TORSTRASSE.lat, longitude: TORSTRASSE.lng },
        permissions: ["geolocation"],
      });
      try {
        await signInIn(lang, page, courier.email, "password", "/courier");
        await page.getByTestId("courier-area").getByText(w.here).waitFor();
        const pickup = (id: string) => page.locator(`.pickup[data-order="${id}"]`);
        await pickup(nearId).waitFor();
        assert.equal(await pickup(farId).count(), 0, "not the order across the city");
        const area = await waitForDoc(adminDb.doc(paths.courierArea(courier.uid)), (s) => s.exists);
        assert.equal(area.get("cell"), areaCell(TORSTRASSE), "stored for the push topics");
        await screenshot(page, `courier-area-${size}-${lang}`);
        await pickup(nearId).getByRole("button", { name: w.claim }).click();
        const delivery = page.locator(`.active-delivery[data-order="${nearId}"]`);
        await delivery.getByTestId("pickup-by").waitFor();
        assert.match((await delivery.innerText()) ?? "", w.pickUpBy);
        await screenshot(page, `courier-claim-deadline-${size}-${lang}`);
      } finally {
        await context.close();
      }
    });
  }

  for (const [size, device, lang] of [
    ["phone", PHONE, "de"],
    ["desktop", DESKTOP, "en"],
  ] as const) {
    it(`${size}, ${lang}: without a position the courier says where they are and sees the pickups there`, async () => {
      const w = WORDS[lang];
      const { nearId, farId } = await readyOrders();
      const courier = await createUser({ courier: true }, "Nico Noposition");
      const { context, page } = await newPage({ ...device, locale: lang === "de" ? "de-DE" : "en-GB" });
      try {
        await signInIn(lang, page, courier.email, "password", "/courier");
        const areaLine = page.getByTestId("courier-area");
        await areaLine.getByText(w.unknown).waitFor();
        assert.equal(await page.locator(".pickup").count(), 0, "nothing read before the area is known");
        await areaLine.getByLabel(w.where).selectOption("Charlottenburg");
        await areaLine.getByText(w.around).waitFor();
        const pickup = (id: string) => page.locator(`.pickup[data-order="${id}"]`);
        await pickup(farId).waitFor();
        assert.equal(await pickup(nearId).count(), 0, "not the order across the city");
        const area = await waitForDoc(adminDb.doc(paths.courierArea(courier.uid)), (s) => s.exists);
        assert.equal(area.get("cell"), areaCell(CHARLOTTENBURG));
        await screenshot(page, `courier-area-chosen-${size}-${lang}`);
      } finally {
        await context.close();
      }
    });
  }
});
