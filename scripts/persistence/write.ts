// Phase one of the persistence check, run inside `emulators:exec --export-on-exit`: seeds the
// demo data, places orders as the demo customer and moves some along, then records what it did.

import { writeFileSync } from "node:fs";
import { fromMenuItemDoc, type MenuItem } from "../../functions/src/domain";
import { DEMO_PASSWORD } from "../seed/berlin";
import { seed } from "../seed/seed";
import { adminDb, closeClients, createPerson, signInAs, statusIs, waitForDoc } from "../lib/clients";
import { moveOrder, placeOrder, TORSTRASSE } from "../lib/people";

async function main(manifestPath: string) {
  const { restaurantIds } = await seed("demo-dishpatch", { aroundTheClock: true });
  const customer = await signInAs("customer@dishpatch.test", DEMO_PASSWORD);
  const staff = await signInAs("owner.trattoria@dishpatch.test", DEMO_PASSWORD);
  // The dearest dishes without required options, so every order clears the minimum.
  const dishes = (await adminDb.collection(`restaurants/${restaurantIds.trattoria}/menu`).get()).docs
    .map((d) => ({ id: d.id, ...(fromMenuItemDoc(d.data()) as MenuItem) }))
    .filter((d) => d.available && d.optionGroups.every((g) => g.min === 0))
    .sort((a, b) => b.price - a.price)
    .slice(0, 3);
  // Three customers, four orders each: within what one customer may have under way at once.
  const customers = [customer, await createPerson({}, "Persisting Paul"), await createPerson({}, "Persisting Petra")];
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) {
    ids.push(
      await placeOrder(customers[i % 3], {
        restaurantId: restaurantIds.trattoria,
        items: [{ itemId: dishes[i % 3].id, quantity: 2 + (i % 3), options: {} }],
        deliveryAddress: TORSTRASSE,
        note: `persist ${i}`,
      }),
    );
  }
  const settled = await Promise.all(
    ids.map((id) => waitForDoc(adminDb.doc(`orders/${id}`), statusIs("placed", "rejected"))),
  );
  const placed = settled.filter((s) => s.get("status") === "placed").map((s) => s.id);
  if (placed.length !== ids.length) throw new Error(`only ${placed.length} of ${ids.length} orders were placed`);
  for (const id of placed.slice(0, 4)) await moveOrder(staff, id, "accepted");
  const orders = await Promise.all(
    ids.map(async (id) => {
      const d = (await adminDb.doc(`orders/${id}`).get()).data()!;
      return { id, status: d.status, total: d.pricing?.total ?? null };
    }),
  );
  const notifications = (await adminDb.collection(`users/${customer.uid}/notifications`).count().get()).data().count;
  writeFileSync(
    manifestPath,
    JSON.stringify({ orders, notifications, restaurants: Object.keys(restaurantIds).length }, null, 2),
  );
  await closeClients();
  console.log(`persistence: wrote ${orders.length} orders and ${notifications} notifications before the restart`);
}

main(process.argv[2]).then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
