// Every screen of the app, as the person who uses it sees it, with data on it: a restaurant with a
// photographed dish with options, an order waiting for the kitchen, one ready for a courier, one
// delivered (receipt, statement, earnings, revenue), a promo code. The phone and language tests
// walk these screens; each says when it is ready and which buttons are its main ones.

import { Timestamp } from "firebase-admin/firestore";
import type { BrowserContextOptions, Locator, Page } from "playwright-core";
import { CITY, localTime, paths, type Language } from "../../functions/src/domain";
import { APP_URL, newPage } from "../../scripts/lib/browser";
import {
  adminDb,
  BERLIN_CENTRE,
  claimOrder,
  courierIsAt,
  createRestaurant,
  createUser,
  deliverOrder,
  moveOrder,
  placeOrder,
  statusIs,
  waitForDoc,
  type TestUser,
} from "./app";

export type Role = "visitor" | "customer" | "staff" | "courier" | "admin";

export interface Screen {
  role: Role;
  name: string;
  /** Where it is, read when it is visited (an order made by `prepare` is a new one each time). */
  path: string | (() => string);
  /** Data the screen needs fresh (a placed order, which the accept timeout would cancel). */
  prepare?: () => Promise<void>;
  /** Present once the screen shows its data. */
  ready: (page: Page) => Locator;
  /** The buttons a person came to this screen to press. */
  buttons?: (page: Page) => Locator;
  /** Something to do on the screen first (open a dialog). */
  open?: (page: Page) => Promise<void>;
}

export interface Fixtures {
  restaurant: { id: string; name: string };
  people: Record<Exclude<Role, "visitor">, TestUser>;
  /** `waiting` is placed anew by the screens that show it: tests cancel unanswered orders in 20 s. */
  orders: { waiting: string; ready: string; delivered: string };
  placeWaiting: () => Promise<void>;
  promo: string;
  /** What the restaurant and the people wrote themselves: shown as they wrote it in any language. */
  content: string[];
}

const DISHES = {
  "Pizza Margherita": {
    price: 950,
    description: "San Marzano tomatoes, fior di latte, basil.",
    imageUrl: "/photos/pizza.svg",
    allergens: ["gluten", "milk"],
    diet: ["vegetarian"],
    optionGroups: [
      {
        id: "size",
        name: "Size",
        min: 1,
        max: 1,
        options: [
          { id: "regular", name: "Regular", priceDelta: 0 },
          { id: "large", name: "Large", priceDelta: 300 },
        ],
      },
    ],
  },
  Tiramisù: { price: 650, description: "Mascarpone, espresso, cocoa.", allergens: ["eggs", "milk"] },
};

/** Makes the walk's data; the orders move through the people who move them. */
export async function makeFixtures(tag: string): Promise<Fixtures> {
  const name = `Trattoria Walk ${tag}`;
  const r = await createRestaurant(DISHES as never, {
    name,
    cuisine: "Italian",
    description: "Wood-fired pizza from a family kitchen.",
    imageUrl: "/photos/pizza.svg",
    minOrder: 0,
    categories: ["Mains"],
    ratingAvg: 5,
    ratingCount: 1,
    ratingSum: 5,
  });
  // Next door, one that opens tomorrow morning: closed all day today, whatever the time.
  const tomorrow = localTime(new Date(Date.now() + 24 * 3600_000), CITY.timeZone).day;
  await createRestaurant(
    {},
    { name: `Morgenbäcker ${tag}`, cuisine: "Bakery", openingHours: { [tomorrow]: "07:00-12:00" } },
  );
  const [customer, staff, courier, admin] = await Promise.all([
    createUser({}, "Walker Kunde"),
    createUser({ owner: [r.id] }, "Walker Koch"),
    createUser({ courier: true }, "Walker Kurier"),
    createUser({ admin: true }, "Walker Admin"),
  ]);
  const order = async () => {
    const id = await placeOrder(customer, r.id, [
      { itemId: r.items["Pizza Margherita"], quantity: 2, options: { size: ["large"] } },
    ]);
    await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
    return id;
  };
  // The courier was last near the kitchen: their list shows the pickups around them.
  await courierIsAt(courier, BERLIN_CENTRE);
  const [delivered, ready] = [await order(), await order()];
  for (const id of [delivered, ready])
    for (const s of ["accepted", "preparing", "ready"] as const) await moveOrder(staff, id, s);
  await claimOrder(courier, delivered);
  await moveOrder(courier, delivered, "picked_up");
  await deliverOrder(courier, delivered);
  await waitForDoc(adminDb.doc(paths.receipt(delivered)), (s) => s.exists);
  const promo = `WALK${tag.toUpperCase().replace(/[^A-Z0-9]/g, "")}`.slice(0, 20);
  await adminDb.doc(paths.promoCode(promo)).set({
    code: promo,
    description: "Walk test code",
    kind: "percent",
    percentBps: 1000,
    amountCents: 0,
    minSubtotal: 1000,
    maxDiscount: 500,
    firstOrderOnly: false,
    perCustomerLimit: 1,
    maxRedemptions: null,
    budgetCents: null,
    restaurantId: null,
    fundedBy: "platform",
    paused: false,
    public: false,
    validFrom: Timestamp.fromMillis(Date.now() - 3600_000),
    validUntil: Timestamp.fromMillis(Date.now() + 400 * 24 * 3600_000),
    createdAt: Timestamp.now(),
  });
  const content = [
    name,
    `Morgenbäcker ${tag}`,
    "Wood-fired pizza from a family kitchen.",
    "Mains",
    ...Object.keys(DISHES),
    ...Object.values(DISHES).map((d) => d.description),
    "Size",
    "Regular",
    "Large",
    ...[customer, staff, courier, admin].map((p) => p.email),
    "Walker Kunde",
    "Walker Koch",
    "Walker Kurier",
    "Walker Admin",
    promo,
    "Walk test code",
    BERLIN_CENTRE.line1,
    "Alexanderplatz 3",
  ];
  const f: Fixtures = {
    restaurant: { id: r.id, name },
    people: { customer, staff, courier, admin },
    orders: { waiting: "", ready, delivered },
    placeWaiting: async () => {
      f.orders.waiting = await order();
    },
    promo,
    content,
  };
  return f;
}

const header = (p: Page) => p.locator("header.top").locator("a, button, select");

export function screensOf(f: Fixtures): Screen[] {
  const main = (p: Page) => p.locator("main").first();
  return [
    {
      role: "visitor",
      name: "restaurants",
      path: "/",
      ready: (p) => p.locator(".restaurant-card").first(),
      buttons: (p) => p.locator("form.filters button"),
    },
    {
      role: "visitor",
      name: "sign in",
      path: "/signin",
      ready: (p) => p.locator('input[name="password"]'),
      buttons: (p) => p.locator("main button"),
    },
    { role: "visitor", name: "page not found", path: "/no-such-page", ready: (p) => p.locator('main a[href="/"]') },
    {
      role: "customer",
      name: "restaurants",
      path: "/",
      ready: (p) => p.locator(".restaurant-card").first(),
      buttons: header,
    },
    {
      role: "customer",
      name: "restaurant page",
      path: `/r/${f.restaurant.id}`,
      ready: (p) => p.locator(".menu-item").first(),
      buttons: (p) => p.locator(".menu-item .buy button"),
    },
    {
      role: "customer",
      name: "address dialog",
      path: `/r/${f.restaurant.id}`,
      ready: (p) => p.locator("dialog[open] .address-form"),
      open: (p) => p.locator(".address-button").click(),
      buttons: (p) => p.locator("dialog[open] .actions button"),
    },
    {
      role: "customer",
      name: "checkout",
      path: `/r/${f.restaurant.id}`,
      ready: (p) => p.locator('[data-testid="preview-total"]'),
      open: async (p) => {
        await p.locator('.menu-item[data-item="Tiramisù"] .buy button').click();
        await p.locator(".checkout-bar a").click();
      },
      buttons: (p) => p.locator('main form button[type="submit"]'),
    },
    {
      role: "customer",
      name: "orders",
      path: "/orders",
      ready: (p) => p.locator(".order-row").first(),
      buttons: (p) => p.locator(".order-again button"),
    },
    {
      role: "customer",
      name: "order waiting",
      prepare: f.placeWaiting,
      path: () => `/orders/${f.orders.waiting}`,
      ready: (p) => p.locator('[data-testid="order-status"][data-status="placed"]'),
      buttons: (p) => p.locator("main button.danger"),
    },
    {
      role: "customer",
      name: "order delivered",
      path: `/orders/${f.orders.delivered}`,
      // The review form comes with its own live read, after the receipt's link.
      ready: (p) => p.locator("form.review button[type=submit]"),
      buttons: (p) => p.locator("form.review button[type=submit]"),
    },
    {
      role: "customer",
      name: "receipt",
      path: `/receipts/${f.orders.delivered}`,
      ready: (p) => p.locator('[data-testid="receipt"]'),
      buttons: (p) => p.locator("main > button"),
    },
    { role: "customer", name: "inbox", path: "/inbox", ready: (p) => p.locator(".inbox li").first() },
    {
      role: "staff",
      name: "dashboard orders",
      prepare: f.placeWaiting,
      path: "/dashboard",
      ready: (p) => p.locator(`#order-${f.orders.waiting}`),
      buttons: (p) => p.locator(`#order-${f.orders.waiting} .actions button`),
    },
    {
      role: "staff",
      name: "dashboard menu",
      path: "/dashboard/menu",
      ready: (p) => p.locator("table.menu-table tbody tr").first(),
      buttons: (p) => p.locator("table.menu-table tbody button"),
    },
    { role: "staff", name: "dashboard reviews", path: "/dashboard/reviews", ready: (p) => p.locator("#reviews-title") },
    {
      role: "staff",
      name: "dashboard statements",
      path: "/dashboard/statements",
      ready: (p) => p.locator(`tr[data-order="${f.orders.delivered}"]`),
      buttons: (p) => p.locator(".statements .row button"),
    },
    {
      role: "staff",
      name: "dashboard complaints",
      path: "/dashboard/complaints",
      ready: (p) => p.locator(".complaints .state.empty, .complaint-list li").first(),
    },
    {
      role: "staff",
      name: "dashboard settings",
      path: "/dashboard/settings",
      ready: (p) => p.locator("form .hours-row").first(),
      buttons: (p) => p.locator('.settings button[type="submit"]'),
    },
    {
      role: "courier",
      name: "deliveries",
      path: "/courier",
      ready: (p) => p.locator(`.pickup[data-order="${f.orders.ready}"]`),
      buttons: (p) => p.locator(`.pickup[data-order="${f.orders.ready}"] button`),
    },
    {
      role: "courier",
      name: "earnings",
      path: "/courier/earnings",
      ready: (p) => p.locator(`tr[data-order="${f.orders.delivered}"]`),
    },
    {
      role: "admin",
      name: "admin roles",
      path: "/admin",
      ready: (p) => main(p).locator("form button").first(),
      buttons: (p) => p.locator('main form button[type="submit"]'),
    },
    {
      role: "admin",
      name: "admin promo codes",
      path: "/admin/promos",
      ready: (p) => p.locator(`tr[data-code="${f.promo}"]`),
      buttons: (p) => p.locator(`tr[data-code="${f.promo}"] button`),
    },
    {
      role: "admin",
      name: "admin fees",
      path: "/admin/fees",
      ready: (p) => p.locator("#fees-title"),
      buttons: (p) => p.locator('main form button[type="submit"]'),
    },
    {
      role: "admin",
      name: "admin limits",
      path: "/admin/limits",
      ready: (p) => p.locator("#thresholds-title"),
      buttons: (p) => p.locator('main form button[type="submit"]'),
    },
    {
      role: "admin",
      name: "admin complaints",
      path: "/admin/complaints",
      ready: (p) => p.locator('[data-queue="dispute"], #queue-title ~ .state.empty').last(),
    },
    {
      role: "admin",
      name: "admin orders under way",
      path: "/admin/orders",
      ready: (p) => p.locator("#under-way-title ~ ul li, #under-way-title ~ .state.empty").first(),
    },
    {
      role: "admin",
      name: "admin revenue",
      path: "/admin/revenue",
      ready: (p) => p.locator('[data-testid="revenue"]').first(),
      buttons: (p) => p.locator("main section > button"),
    },
  ];
}

/** Signs in through the form, whatever language it speaks. */
export async function signInAnyLanguage(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`${APP_URL}/signin?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill("password");
  await page.locator('main form button[type="submit"]').click();
  await page.locator("header.top button.link").waitFor();
}

/** Opens every screen in `lang` with the browser `options`, one browser context per person, and
 * hands each ready screen to `visit`. */
export async function walk(
  f: Fixtures,
  lang: Language,
  options: BrowserContextOptions,
  visit: (page: Page, screen: Screen) => Promise<void>,
): Promise<void> {
  const pages = new Map<Role, Page>();
  try {
    for (const screen of screensOf(f)) {
      let page = pages.get(screen.role);
      if (!page) {
        ({ page } = await newPage({ ...options, locale: lang === "de" ? "de-DE" : "en-GB" }));
        await page.context().addInitScript(
          ([l, a]) => {
            localStorage.setItem("dishpatch.language", l as string);
            localStorage.setItem("dishpatch.address", JSON.stringify(a));
          },
          [lang, BERLIN_CENTRE] as const,
        );
        if (screen.role !== "visitor") await signInAnyLanguage(page, f.people[screen.role].email, "/");
        pages.set(screen.role, page);
      }
      await screen.prepare?.();
      await page.goto(`${APP_URL}${typeof screen.path === "string" ? screen.path : screen.path()}`);
      await screen.open?.(page);
      await screen.ready(page).waitFor();
      // Whatever is still loading settles first (a list's second ring, a lazy chunk).
      await page.locator(".state.loading").first().waitFor({ state: "detached" });
      await visit(page, screen);
    }
  } finally {
    for (const page of pages.values()) await page.context().close();
  }
}
