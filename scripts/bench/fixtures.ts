// What the bench orders from and who orders: the seeded restaurant and its owner, a copy of it per
// round (nobody accepts the bench's orders, and three misses in a row pause a kitchen, as they
// should), carts of its mains, and customers signed in before a round starts.

import { withFunctionTriggersDisabled } from "@firebase/rules-unit-testing";
import { FieldValue } from "firebase-admin/firestore";
import { asMenuItem, paths } from "../../functions/src/domain";
import { adminDb, closePeople, createPerson, signInAs, type Person } from "../lib/clients";
import { HOST, PORTS, PROJECT_ID } from "../lib/config";
import { DEMO_PASSWORD } from "../seed/berlin";
import { seed } from "../seed/seed";

/** Three dishes at this price or more clear the demo restaurants' minimum order. */
const MAIN_CENTS = 600;

export interface Ctx {
  /** Where the metered lifecycle order goes: the seeded restaurant, with its staff. */
  trattoria: string;
  menu: { itemId: string; options: Record<string, string[]> }[];
  staff: Person;
}

export async function setup(): Promise<Ctx> {
  const { restaurantIds } = await seed(PROJECT_ID, { aroundTheClock: true });
  const snap = await adminDb.collection(paths.menu(restaurantIds.trattoria)).where("available", "==", true).get();
  // Mains, with their required options filled: any three of them clear the minimum order, so the
  // bench measures placed orders, and a rejection is news.
  const menu = snap.docs
    .filter((d) => (d.get("price") as number) >= MAIN_CENTS)
    .map((d) => ({
      itemId: d.id,
      options: Object.fromEntries(
        asMenuItem(d.data())!
          .optionGroups.filter((g) => g.min > 0)
          .map((g) => [g.id, [g.options[0].id]]),
      ),
    }));
  const staff = await signInAs("owner.trattoria@dishpatch.test", DEMO_PASSWORD);
  return { trattoria: restaurantIds.trattoria, menu, staff };
}

/** Copies of the seeded restaurant, menu ids kept, one per round, written before any round with
 * the triggers off: a copy's listing and search entry are not what the rounds measure, and its
 * menu's triggers would otherwise run into the first round. Copies are not on the first screen. */
export async function kitchens(ctx: Ctx, names: string[]): Promise<string[]> {
  const source = adminDb.doc(paths.restaurant(ctx.trattoria));
  const [restaurant, menu] = await Promise.all([source.get(), source.collection("menu").get()]);
  const ids: string[] = [];
  await withFunctionTriggersDisabled({ host: HOST, port: PORTS.hub }, async () => {
    const writer = adminDb.bulkWriter();
    for (const name of names) {
      const copy = adminDb.collection("restaurants").doc();
      ids.push(copy.id);
      void writer.set(copy, {
        ...restaurant.data(),
        name: `Bench Kitchen (${name})`,
        updatedAt: FieldValue.serverTimestamp(),
      });
      for (const d of menu.docs) void writer.set(copy.collection("menu").doc(d.id), d.data());
    }
    await writer.close();
  });
  return ids;
}

export const cartFor = (ctx: Ctx, i: number) => {
  const a = ctx.menu[i % ctx.menu.length];
  const b = ctx.menu[(i * 7 + 3) % ctx.menu.length];
  return [
    { ...a, quantity: 2 },
    { ...b, quantity: 1 },
  ];
};

/** Signed-in customers, made a few at a time before a round so that account creation is not in
 * its timed window. */
export async function customers(n: number, label: string): Promise<Person[]> {
  const out: Person[] = [];
  for (let i = 0; i < n; i += 8) {
    const batch = Array.from({ length: Math.min(8, n - i) }, (_, k) => createPerson({}, `${label} ${i + k}`));
    out.push(...(await Promise.all(batch)));
  }
  return out;
}

export { closePeople };
