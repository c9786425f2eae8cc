// The customer's experience next to the big apps (issue 13): what is in a dish and a filter for
// it, photos, addresses that keep pin and street in agreement, reviews with the restaurant's
// reply, ordering again, favourites, a sold-out dish at checkout, password reset and Google
// sign-in on the Auth emulator.

import { strict as assert } from "node:assert";
import { doc, serverTimestamp, setDoc } from "firebase/firestore";
import type { Page } from "playwright-core";
import { paths } from "../../functions/src/domain";
import { APP_URL, closeBrowser, newPage, screenshot, signIn } from "../../scripts/lib/browser";
import { HOST, PORTS, PROJECT_ID } from "../../scripts/lib/config";
import {
  adminDb,
  BERLIN_CENTRE,
  closeClients,
  createRestaurant,
  createUser,
  deliverThrough,
  placeOrder,
  statusIs,
  waitForDoc,
  type TestUser,
} from "../support/app";

async function visitor(address: object | null = BERLIN_CENTRE, options = {}): Promise<Page> {
  const { page, context } = await newPage(options);
  if (address)
    await context.addInitScript((a) => localStorage.setItem("dishpatch.address", JSON.stringify(a)), address);
  return page;
}

const menuItem = (page: Page, name: string) => page.locator(`li.menu-item[data-item="${name}"]`);

/** Delivers an order through the people who do it: staff accept and prepare, a courier delivers. */
async function delivered(customer: TestUser, rid: string, items: { itemId: string; quantity: number }[]) {
  const staff = await createUser({ owner: [rid] }, "Sam Staff");
  const courier = await createUser({ courier: true }, "Cora Courier");
  const id = await placeOrder(
    customer,
    rid,
    items.map((i) => ({ ...i, options: {} })),
  );
  await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
  await deliverThrough(staff, courier, id);
  return { id, staff };
}

describe("browser: the customer's experience", function () {
  this.timeout(180_000);
  after(async () => {
    await closeBrowser();
    await closeClients();
  });

  it("dishes say what is in them, the menu filters by diet and allergen, photos show, the minimum says what is missing, focus returns after Add", async () => {
    const r = await createRestaurant(
      {
        "Vegan Bowl": {
          price: 700,
          allergens: ["sesame"],
          diet: ["vegetarian", "vegan"],
          imageUrl: "/photos/bowl.svg",
        } as object,
        "Cheese Pizza": {
          price: 900,
          allergens: ["gluten", "milk"],
          diet: ["vegetarian"],
          optionGroups: [
            { id: "size", name: "Size", min: 1, max: 1, options: [{ id: "s", name: "Small", priceDelta: 0 }] },
          ],
        } as object,
        "Mystery Stew": { price: 800 },
      },
      { name: "Filterhaus", imageUrl: "/photos/pizza.svg" },
    );
    const page = await visitor();
    await page.goto(`${APP_URL}/r/${r.id}`);
    await menuItem(page, "Vegan Bowl").waitFor();
    // The page opened its connection to Firestore while its JS was still loading.
    assert.equal(
      await page.locator('link[rel="preconnect"]').getAttribute("href"),
      `${new URL(APP_URL).protocol}//${new URL(APP_URL).hostname}:${PORTS.firestore}`,
    );
    assert.match(String(await menuItem(page, "Vegan Bowl").locator(".diet").textContent()), /Vegan/);
    assert.match(String(await menuItem(page, "Cheese Pizza").textContent()), /Contains: Gluten, Milk/);
    assert.match(String(await menuItem(page, "Mystery Stew").textContent()), /Allergens not declared/);
    const photo = menuItem(page, "Vegan Bowl").locator("img.dish-photo");
    await photo.waitFor();
    assert.ok(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), "photo loads");

    await page.getByText("Dietary filter").click();
    await page.getByRole("group", { name: "Only" }).getByLabel("Vegan").check();
    assert.deepEqual(await page.locator("li.menu-item h3").allTextContents(), ["Vegan Bowl"]);
    await page.getByRole("group", { name: "Only" }).getByLabel("Vegan").uncheck();
    await page.getByRole("group", { name: "Without" }).getByLabel("Gluten").check();
    // The pizza has gluten; the stew never declared its allergens, so it cannot promise none.
    assert.deepEqual(await page.locator("li.menu-item h3").allTextContents(), ["Vegan Bowl"]);
    await screenshot(page, "menu-filter-without-gluten");
    await page.getByRole("button", { name: "Clear filter" }).click();
    assert.equal(await page.locator("li.menu-item").count(), 3);

    await page.getByRole("button", { name: "Add Vegan Bowl" }).click();
    await page.getByTestId("minimum-missing").getByText("Add €3.00 more to reach the €10.00 minimum.").waitFor();
    // Options dialog: after Add, focus is back on the dish's Add button, not at the top of the page.
    await page.getByRole("button", { name: "Add Cheese Pizza" }).click();
    await page.getByRole("dialog").getByText("Contains: Gluten, Milk").waitFor();
    await page.getByRole("button", { name: /Add 1 for €9\.00/ }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Add Cheese Pizza");
    await page.getByTestId("minimum-missing").waitFor({ state: "detached" });
    await screenshot(page, "menu-with-photos-and-allergens");

    // The home page shows restaurant photos, never a letter made from the cuisine.
    await page.goto(`${APP_URL}/`);
    await page.getByLabel("Search").fill("filterhaus");
    await page.getByLabel("Search").press("Enter");
    const card = page.locator(".restaurant-card", { hasText: "Filterhaus" });
    await card.waitFor();
    assert.equal(await card.locator("img.thumb").getAttribute("src"), "/photos/pizza.svg");
    assert.equal(await page.locator(".thumb:not(img)").count(), 0, "no letter tiles");
  });

  it("staff declare a dish's allergens and diet in the menu editor, and customers see them at once", async () => {
    const r = await createRestaurant({ "Plain Soup": { price: 600 } }, { name: "Declaring Kitchen" });
    const staff = await createUser({ owner: [r.id] }, "Dana Declare");
    const { page: k } = await newPage();
    await signIn(k, staff.email, "password", "/dashboard/menu");
    await k.locator('tr[data-item="Plain Soup"]').getByRole("button", { name: "Edit" }).click();
    const form = k.getByRole("form", { name: "Edit Plain Soup" });
    await form.getByLabel("I have checked the allergens").check();
    await form.getByLabel("Celery").check();
    await form.getByLabel("Vegan").check();
    // The form's own check refuses a vegan dish that is not marked vegetarian, before writing.
    await form.getByTestId("item-problem").getByText("A vegan dish is vegetarian too.").waitFor();
    assert.ok(await form.getByRole("button", { name: "Save dish" }).isDisabled());
    await form.getByLabel("Vegetarian").check();
    await form.getByRole("button", { name: "Save dish" }).click();
    await waitForDoc(adminDb.doc(paths.menuItem(r.id, r.items["Plain Soup"])), (s) =>
      (s.get("allergens") ?? []).includes("celery"),
    );
    const page = await visitor();
    await page.goto(`${APP_URL}/r/${r.id}`);
    await menuItem(page, "Plain Soup").getByText("Contains: Celery").waitFor();
    assert.match(String(await menuItem(page, "Plain Soup").locator(".diet").textContent()), /Vegan/);
  });

  it("addresses: a street found by name and number or postcode, pin and text agree, saved at once, edited, made default, deleted; the default is used on a new device", async () => {
    const customer = await createUser({}, "Addy Address");
    const page = await visitor(null);
    await signIn(page, customer.email, "password");
    await page.getByRole("button", { name: "Set delivery address" }).click();
    const dialog = page.getByRole("dialog");
    const search = dialog.getByLabel("Street, postcode or neighbourhood");
    await search.fill("torstr 12");
    await dialog.getByRole("button", { name: "Torstraße 12, 10119 Berlin" }).click();
    assert.equal(await dialog.getByLabel("Street and number").inputValue(), "Torstraße 12");
    await search.fill("10115");
    await dialog.getByRole("button", { name: /Invalidenstraße, 10115 Berlin/ }).waitFor();
    await search.fill("");
    // A typed street and number moves the pin; a pin dropped on the map names its street.
    await dialog.getByLabel("Street and number").fill("Kastanienallee 50");
    const pin = dialog.locator(".marker.picked");
    const before = await pin.boundingBox();
    await dialog.getByLabel("Street and number").fill("Kastanienallee 5");
    const after = await pin.boundingBox();
    assert.ok(before && after && (before.x !== after.x || before.y !== after.y), "the pin moved with the number");
    await dialog.getByLabel("Label (optional)").fill("Home");
    await dialog.getByRole("button", { name: "Use this address" }).click();
    await page.getByRole("button", { name: "Home · Kastanienallee 5" }).waitFor();

    // Saved: in the list at once, without a reload.
    await page.getByRole("button", { name: "Home · Kastanienallee 5" }).click();
    await dialog.getByRole("button", { name: "Home · Kastanienallee 5" }).waitFor();
    await dialog.getByLabel("Street and number").fill("Weserstraße 20");
    await dialog.getByLabel("Label (optional)").fill("Work");
    await dialog.getByRole("button", { name: "Use this address" }).click();
    await page.getByRole("button", { name: "Work · Weserstraße 20" }).click();
    await dialog.getByRole("button", { name: "Work · Weserstraße 20" }).waitFor();
    await dialog.getByRole("button", { name: "Home · Kastanienallee 5" }).waitFor();
    await screenshot(page, "address-dialog-saved");

    // Edit Home, make Work the default, delete Home after confirming.
    await dialog.getByRole("button", { name: "Edit Home" }).click();
    await dialog.getByLabel("Street and number").fill("Kastanienallee 7");
    await dialog.getByRole("button", { name: "Save and use this address" }).click();
    await page.getByRole("button", { name: "Home · Kastanienallee 7" }).click();
    await dialog.locator('li[data-address="a1"]').getByRole("button", { name: "Make default" }).click();
    await dialog.locator('li[data-address="a1"]').getByText("Default").waitFor();
    await dialog.getByRole("button", { name: "Delete Home" }).click();
    await dialog.getByRole("button", { name: "Delete Home" }).click();
    await dialog.getByRole("button", { name: "Home · Kastanienallee 7" }).waitFor({ state: "detached" });
    const saved = await adminDb.collection(paths.addresses(customer.uid)).get();
    assert.deepEqual(
      saved.docs.map((d) => d.get("line1")),
      ["Weserstraße 20"],
    );
    assert.equal((await adminDb.doc(paths.user(customer.uid)).get()).get("defaultAddress"), "a1");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // A new device: the default is used at once.
    const fresh = await visitor(null);
    await signIn(fresh, customer.email, "password");
    await fresh.getByRole("button", { name: "Work · Weserstraße 20" }).waitFor();
  });

  it("reviews on the restaurant page, signed with a name and paginated, with the reply the staff write on the dashboard", async () => {
    const r = await createRestaurant({ Dish: { price: 1200 } }, { name: "Reviewed Kitchen", minOrder: 0 });
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => createUser({}, `Rita Reviewer${i}`)));
    const orders = await Promise.all(people.map((p) => delivered(p, r.id, [{ itemId: r.items.Dish, quantity: 1 }])));
    for (const [i, p] of people.entries()) {
      await setDoc(doc(p.db, paths.review(r.id, orders[i].id)), {
        rating: 5 - (i % 3),
        text: `Review number ${i}`,
        createdAt: serverTimestamp(),
      });
    }
    await waitForDoc(adminDb.doc(paths.restaurant(r.id)), (s) => s.get("ratingCount") === 6);
    const { page: k } = await newPage();
    await signIn(k, orders[0].staff.email, "password", "/dashboard/reviews");
    const newest = k.locator("li[data-review]").first();
    await newest.getByText("Review number 5").waitFor();
    await newest.getByRole("button", { name: "Reply in public" }).click();
    await newest.getByLabel("Your public reply").fill("Thank you, come again!");
    await newest.getByRole("button", { name: "Publish reply" }).click();
    await waitForDoc(adminDb.doc(paths.review(r.id, orders[5].id)), (s) => s.get("reply") === "Thank you, come again!");

    const page = await visitor();
    await page.goto(`${APP_URL}/r/${r.id}`);
    const reviews = page.locator(".review-list li");
    await reviews.first().getByText("The restaurant replied: Thank you, come again!").waitFor();
    assert.equal(await reviews.count(), 5, "a page of five");
    assert.match(String(await reviews.first().textContent()), /Rita R\./, "signed with a short name, never an id");
    await page.getByRole("button", { name: "More reviews" }).click();
    await reviews.nth(5).waitFor();
    assert.equal(await reviews.count(), 6);
    await screenshot(page, "restaurant-reviews");
  });

  it("order again in one tap: a sold-out dish left out and a new price named; a favourite comes first", async () => {
    const r = await createRestaurant(
      { Soup: { price: 500 }, Bread: { price: 300 }, Cake: { price: 400 } },
      { name: "Again Kitchen", minOrder: 0 },
    );
    const customer = await createUser({}, "Otto Again");
    const { id } = await delivered(customer, r.id, [
      { itemId: r.items.Soup, quantity: 2 },
      { itemId: r.items.Bread, quantity: 1 },
      { itemId: r.items.Cake, quantity: 1 },
    ]);
    await adminDb.doc(paths.menuItem(r.id, r.items.Bread)).update({ available: false });
    await adminDb.doc(paths.menuItem(r.id, r.items.Soup)).update({ price: 550 });
    const page = await visitor();
    await signIn(page, customer.email, "password", "/orders");
    await page
      .locator(".order-row", { has: page.locator(`a[href="/orders/${id}"]`) })
      .getByRole("button", { name: "Order again" })
      .click();
    const notice = page.getByTestId("reorder-notice");
    await notice.waitFor();
    assert.match(String(await notice.textContent()), /left out: Bread/);
    assert.match(String(await notice.textContent()), /Soup €5\.00 → €5\.50/);
    assert.deepEqual(await page.locator(".cart-lines strong").allTextContents(), ["Soup", "Cake"]);
    assert.equal(await page.getByTestId("subtotal").textContent(), "€15.00");
    await screenshot(page, "order-again");

    // A favourite is listed first on the home page.
    await page.goto(`${APP_URL}/r/${r.id}`);
    await page.getByRole("button", { name: "♡ Add to favourites" }).click();
    await page.getByRole("button", { name: "♥ Favourite" }).waitFor();
    await waitForDoc(adminDb.doc(paths.user(customer.uid)), (s) => (s.get("favourites") ?? []).includes(r.id));
    await page.goto(`${APP_URL}/`);
    // The list shows before the profile's favourites arrive, then puts the favourite first.
    await page
      .locator(".restaurant-card")
      .first()
      .locator("h2", { hasText: "Again Kitchen" })
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    assert.match(String(await page.locator(".restaurant-card h2").first().textContent()), /Again Kitchen/);
  });

  it("a dish that sells out during checkout is named on its line and removed in one tap; the check runs again by itself", async () => {
    const r = await createRestaurant({ Soup: { price: 600 }, Salad: { price: 700 } }, { minOrder: 0 });
    const customer = await createUser({}, "Sol Soldout");
    const page = await visitor();
    await signIn(page, customer.email, "password", `/r/${r.id}`);
    await page.getByRole("button", { name: "Add Soup" }).click();
    await page.getByRole("button", { name: "Add Salad" }).click();
    await page.getByRole("link", { name: /Go to checkout/ }).click();
    await page.getByTestId("preview-total").waitFor();
    await adminDb.doc(paths.menuItem(r.id, r.items.Salad)).update({ available: false });
    await page
      .getByTestId("preview-problem")
      .getByText(/"Salad" is sold out/)
      .waitFor();
    await page.getByRole("button", { name: "Remove Salad" }).click();
    await page.getByTestId("preview-total").waitFor();
    assert.deepEqual(await page.locator(".cart-lines strong").allTextContents(), ["Soup"]);
    // It comes back: nothing to do but look.
    await page.goto(`${APP_URL}/r/${r.id}`);
    await page.getByRole("button", { name: "Add Salad" }).waitFor({ state: "detached" });
  });

  it("a forgotten password is reset through the emailed link; Google sign-in loads its popup helper only on request, and says so plainly when Google cannot be reached", async () => {
    const customer = await createUser({}, "Fran Forgetful");
    const page = await visitor(null);
    await page.goto(`${APP_URL}/signin`);
    await page.getByRole("button", { name: "Forgot your password?" }).click();
    await page.getByLabel("Email").fill(customer.email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.getByTestId("reset-sent").waitFor();
    // The Auth emulator keeps the emailed link; the test reads it as the inbox would.
    const res = await fetch(`http://${HOST}:${PORTS.auth}/emulator/v1/projects/${PROJECT_ID}/oobCodes`);
    const { oobCodes } = (await res.json()) as { oobCodes: { email: string; requestType: string; oobCode: string }[] };
    const code = oobCodes.filter((c) => c.email === customer.email && c.requestType === "PASSWORD_RESET").pop()!;
    await page.goto(`${APP_URL}/reset?mode=resetPassword&oobCode=${code.oobCode}`);
    await page.getByText(`For ${customer.email}`).waitFor();
    await page.getByLabel("New password").fill("new-password-1");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.getByTestId("reset-done").waitFor();
    await signIn(page, customer.email, "new-password-1");
    await page.getByRole("button", { name: "Sign out" }).click();

    // Google: Google's popup helper loads only when someone chooses Google, never with the page.
    // This machine has no internet; the test makes that certain (requests to Google fail at once)
    // rather than waiting on however the network answers.
    const google: string[] = [];
    page.on("request", (req) => {
      if (/apis\.google\.com|google-[\w-]+\.js/.test(req.url())) google.push(req.url());
    });
    await page.route(/apis\.google\.com/, (route) => route.abort("internetdisconnected"));
    await page.goto(`${APP_URL}/signin`);
    await page.getByRole("button", { name: "Continue with Google" }).waitFor();
    assert.deepEqual(google, [], "nothing of Google sign-in loads with the page");
    await page.getByRole("button", { name: "Continue with Google" }).click();
    await page.getByRole("alert").getByText("Cannot reach the sign-in service.", { exact: false }).waitFor();
    assert.ok(google.length > 0, "the popup helper loads on the click");
  });
});
