// Phase two, run inside `emulators:exec --import`: everything phase one recorded is still there.

import { readFileSync } from "node:fs";
import { DEMO_PASSWORD } from "../seed/berlin";
import { adminDb, closeClients, signInAs } from "../lib/clients";

async function main(manifestPath: string): Promise<number> {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    orders: { id: string; status: string; total: number | null }[];
    notifications: number;
    restaurants: number;
  };
  const problems: string[] = [];
  for (const o of manifest.orders) {
    const d = (await adminDb.doc(`orders/${o.id}`).get()).data();
    if (!d) problems.push(`order ${o.id} is gone`);
    else if (d.status !== o.status || (d.pricing?.total ?? null) !== o.total)
      problems.push(`order ${o.id} changed: ${d.status} ${d.pricing?.total}`);
  }
  const customer = await signInAs("customer@dishpatch.test", DEMO_PASSWORD); // Auth data survived too
  const notifications = (await adminDb.collection(`users/${customer.uid}/notifications`).count().get()).data().count;
  if (notifications !== manifest.notifications)
    problems.push(`notifications: ${notifications}, expected ${manifest.notifications}`);
  const restaurants = (await adminDb.collection("restaurants").count().get()).data().count;
  if (restaurants !== manifest.restaurants)
    problems.push(`restaurants: ${restaurants}, expected ${manifest.restaurants}`);
  await closeClients();
  for (const p of problems) console.error(`persistence: ${p}`);
  console.log(
    `persistence: ${manifest.orders.length} orders, ${notifications} notifications, ${restaurants} restaurants and the demo accounts after a restart; ${problems.length} problems`,
  );
  return problems.length ? 1 : 0;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
