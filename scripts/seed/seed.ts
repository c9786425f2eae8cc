// Loads the Berlin demo data and demo accounts into the emulators (never a real project:
// it refuses to run unless the emulator hosts are set).

import { getApps, initializeApp, type App } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { FieldValue, getFirestore, Timestamp, type Firestore } from "firebase-admin/firestore";
import { allDay, DEFAULT_FEES, paths, toMenuItemDoc, type RoleClaims } from "../../functions/src/domain";
import { CUISINE_PHOTOS, DISH_PHOTOS, dietaryOf } from "./dietary";
import { CITY, CUSTOMER_ADDRESSES, DEMO_ACCOUNTS, DEMO_PASSWORD, RESTAURANTS, WELCOME } from "./berlin";

export interface SeedResult {
  restaurantIds: Record<string, string>;
  uids: Record<string, string>;
}

function adminApp(projectId: string): App {
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new Error(
      "Seeding is for the emulators only: FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST must be set.",
    );
  }
  return getApps().find((a) => a.name === "seed") ?? initializeApp({ projectId }, "seed");
}

export interface SeedOptions {
  /** Every demo restaurant open around the clock instead of its own hours: for tests and
   * benchmarks, which order from them at whatever hour they run. */
  aroundTheClock?: boolean;
}

export async function seed(projectId: string, options: SeedOptions = {}): Promise<SeedResult> {
  const app = adminApp(projectId);
  const db = getFirestore(app);
  const auth = getAuth(app);

  const restaurantIds: Record<string, string> = {};
  const existing = await db.collection("restaurants").select("name").get();
  const byName = new Map(existing.docs.map((d) => [d.get("name") as string, d.id]));
  for (const r of RESTAURANTS) {
    const known = byName.get(r.name);
    if (known) {
      restaurantIds[r.key] = known;
      continue;
    }
    const ref = db.collection("restaurants").doc();
    restaurantIds[r.key] = ref.id;
    const batch = db.batch();
    batch.set(ref, {
      name: r.name,
      cuisine: r.cuisine,
      description: r.description,
      address: r.address,
      timeZone: CITY.timeZone,
      openingHours: options.aroundTheClock ? allDay() : r.openingHours,
      isOpen: true,
      prepTimeMin: r.prepTimeMin,
      deliveryRadiusM: r.deliveryRadiusM,
      deliveryFee: r.deliveryFee,
      minOrder: r.minOrder,
      legalName: `${r.name} GmbH`,
      ...(CUISINE_PHOTOS[r.cuisine] ? { imageUrl: CUISINE_PHOTOS[r.cuisine] } : {}),
      currency: "EUR",
      categories: [...new Set(r.menu.map((m) => m.category))],
      ratingAvg: 0,
      ratingCount: 0,
      ratingSum: 0,
      createdAt: FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });
    r.menu.forEach((m, i) => {
      batch.set(ref.collection("menu").doc(), {
        ...toMenuItemDoc({
          name: m.name,
          description: m.description,
          category: m.category,
          price: m.price,
          available: m.available ?? true,
          optionGroups: m.optionGroups ?? [],
          ...dietaryOf(m.name),
          ...(DISH_PHOTOS[m.name] ? { imageUrl: DISH_PHOTOS[m.name] } : {}),
          sortOrder: i,
        }),
        updatedAt: FieldValue.serverTimestamp(),
      });
    });
    await batch.commit();
  }

  const uids: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) {
    const user = await auth.getUserByEmail(account.email).catch(() =>
      auth.createUser({
        email: account.email,
        password: DEMO_PASSWORD,
        displayName: account.displayName,
        emailVerified: true,
      }),
    );
    uids[account.email] = user.uid;
    const claims: RoleClaims = {};
    if (account.role === "admin") claims.admin = true;
    if (account.role === "courier") claims.courier = true;
    if (account.role === "owner") claims.owner = [restaurantIds[account.restaurant!]];
    if (account.role === "kitchen") claims.staff = [restaurantIds[account.restaurant!]];
    await auth.setCustomUserClaims(user.uid, claims);
    await db.doc(`users/${user.uid}`).set({
      displayName: account.displayName,
      createdAt: FieldValue.serverTimestamp(),
      roles: claims,
    });
    if (account.role === "customer") {
      for (const [i, address] of CUSTOMER_ADDRESSES.entries()) {
        await db.doc(`users/${user.uid}/addresses/a${i}`).set({ ...address, updatedAt: FieldValue.serverTimestamp() });
      }
    }
  }
  await seedMoney(db);
  await listingsReady(db, Object.values(restaurantIds));
  return { restaurantIds, uids };
}

/** The platform's fees and the welcome code every new customer sees. */
async function seedMoney(db: Firestore): Promise<void> {
  await db.doc(paths.fees()).set({ ...DEFAULT_FEES, updatedAt: FieldValue.serverTimestamp() });
  const welcome = db.doc(paths.promoCode(WELCOME.code));
  if (!(await welcome.get()).exists) {
    const now = Date.now();
    await welcome.set({
      ...WELCOME,
      validFrom: Timestamp.fromMillis(now - 24 * 3600_000),
      validUntil: Timestamp.fromMillis(now + 365 * 24 * 3600_000),
      createdAt: FieldValue.serverTimestamp(),
    });
  }
}

/** The first screen lists restaurants from their public cards, which a trigger writes; the demo
 * is ready when they are there. */
async function listingsReady(db: Firestore, ids: string[], ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const cards = await db.getAll(...ids.map((id) => db.doc(`listings/${id}`)));
    if (cards.every((c) => c.exists)) return;
    if (Date.now() > deadline)
      throw new Error("the restaurants' listings did not appear: is the Functions emulator running?");
    await new Promise((r) => setTimeout(r, 250));
  }
}
