// One short code per order (issue 21.7): taken when the order is placed, in the same write, from
// an alphabet people can read out (no 0/O, 1/I/L), held per restaurant for 90 days; a code that is
// taken sends the order on to its next candidate; a rejected order takes none.

import { strict as assert } from "node:assert";
import { doc, serverTimestamp, setDoc } from "firebase/firestore";
import { Timestamp } from "firebase-admin/firestore";
import { cartDoc, CODE_KEEP_DAYS, isOrderCode, orderCodeCandidate, paths } from "../../functions/src/domain";
import {
  adminDb,
  BERLIN_CENTRE,
  closeClients,
  createRestaurant,
  createUser,
  placeOrder,
  statusIs,
  waitForDoc,
  type TestRestaurant,
} from "../support/app";

const DAY = 24 * 3600_000;

describe("pipeline: order codes", function () {
  this.timeout(300_000);
  let r: TestRestaurant;
  before(async () => {
    r = await createRestaurant({ soup: { price: 1200 } }, { minOrder: 0 });
  });
  after(closeClients);

  it("a placed order takes a code people can read out, held for the restaurant for 90 days", async () => {
    const customer = await createUser({}, "Cody Code");
    const id = await placeOrder(customer, r.id, [{ itemId: r.items.soup, quantity: 1, options: {} }]);
    const placed = await waitForDoc(adminDb.doc(paths.order(id)), statusIs("placed"));
    const code = placed.get("code") as string;
    assert.ok(isOrderCode(code), code);
    assert.match(code, /^[2-9A-HJKMNP-Z]{4}$/, "no 0/O, 1/I/L");
    const holder = await adminDb.doc(paths.orderCode(r.id, code)).get();
    assert.equal(holder.get("orderId"), id);
    const keep = holder.get("expiresAt").toMillis() - placed.get("timeline.placed").toMillis();
    assert.ok(Math.abs(keep - CODE_KEEP_DAYS * DAY) < 60_000, `held for ${keep / DAY} days`);
  });

  it("a code another order holds is not given twice: the order takes its next candidate", async () => {
    const customer = await createUser({}, "Clash Customer");
    // The order's id is the client's (as the web app makes it); its first candidate is taken.
    const ref = doc(customer.db, paths.orders(), `Clash${Date.now()}abcdefghijklmno`.slice(0, 20));
    const first = orderCodeCandidate(ref.id, 0);
    await adminDb
      .doc(paths.orderCode(r.id, first))
      .set({ orderId: "someone-else", expiresAt: Timestamp.fromMillis(Date.now() + DAY) });
    await setDoc(
      ref,
      cartDoc(
        {
          customerId: customer.uid,
          restaurantId: r.id,
          items: [{ itemId: r.items.soup, quantity: 1, options: {} }],
          deliveryAddress: BERLIN_CENTRE,
        },
        serverTimestamp(),
      ),
    );
    const placed = await waitForDoc(adminDb.doc(paths.order(ref.id)), statusIs("placed"));
    assert.equal(placed.get("code"), orderCodeCandidate(ref.id, 1));
    assert.notEqual(placed.get("code"), first);
    assert.equal((await adminDb.doc(paths.orderCode(r.id, first)).get()).get("orderId"), "someone-else");
    assert.equal((await adminDb.doc(paths.orderCode(r.id, placed.get("code"))).get()).get("orderId"), ref.id);
  });

  it("a rejected order takes no code", async () => {
    const customer = await createUser({}, "Rejected Rex");
    const id = await placeOrder(customer, r.id, [{ itemId: "no-such-dish", quantity: 1, options: {} }]);
    const rejected = await waitForDoc(adminDb.doc(paths.order(id)), statusIs("rejected"));
    assert.equal(rejected.get("code"), undefined);
    assert.equal(rejected.get("rejection.code"), "unknown_item");
  });
});
