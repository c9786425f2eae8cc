// Names and texts others read, through the real emulators: a name the rules would refuse (set
// past them with the admin SDK) is never pushed, signed or printed, and free text (the cart note,
// the decline and cancel notes) never reaches a notification. Each hostile case beside a control.

import { strict as assert } from "node:assert";
import { doc, serverTimestamp, setDoc } from "firebase/firestore";
import { inboxMessage, localDay, paths, type Language, type Order } from "../../functions/src/domain";
import { PROBLEMS } from "../../functions/src/domain/texts/problems";
import { notifyTransition } from "../../functions/src/notify/notify";
import {
  adminDb,
  claimOrder,
  closeClients,
  createRestaurant,
  createUser,
  deliverOrder,
  deliverThrough,
  moveOrder,
  placeOrder,
  recordingPush,
  statusIs,
  waitForDoc,
  withEventsLost,
  type TestRestaurant,
  type TestUser,
  inboxTold,
} from "../support/app";

const orderRef = (id: string) => adminDb.doc(paths.order(id));
/** The person's inbox entry about the order, once it tells them about `status`. */
const told = inboxTold;
/** What an entry says to a reader (it stores a key and parameters, said in the reader's language). */
const says = (entry: { get(field: string): unknown }, lang: Language = "en") => {
  const m = inboxMessage(entry.get("text") as never, lang);
  return `${m.title} ${m.body}`;
};

describe("pipeline: names and texts others read", function () {
  this.timeout(300_000);
  after(closeClients);

  const order = async (customer: TestUser, r: TestRestaurant, override: Record<string, unknown> = {}) =>
    placeOrder(customer, r.id, [{ itemId: r.items.dish, quantity: 1, options: {} }], override);
  /** Accepted to delivered, by the restaurant's owner and a courier. */
  async function deliver(id: string, owner: TestUser) {
    const courier = await createUser({ courier: true }, "Cora Courier");
    await deliverThrough(owner, courier, id);
  }

  describe("a customer's name", () => {
    let r: TestRestaurant, owner: TestUser;
    before(async () => {
      r = await createRestaurant({ dish: { price: 1200 } }, { minOrder: 0 });
      owner = await createUser({ owner: [r.id] }, "Otto Owner");
    });

    it("a name that poses as Dishpatch (a Cyrillic а, set past the rules) reaches neither the board nor the review", async () => {
      const customer = await createUser({}, "Dishp\u0430tch Support");
      const id = await order(customer, r);
      const placed = await waitForDoc(orderRef(id), statusIs("placed"));
      assert.equal(placed.get("customerName"), null, "the board says 'A customer'");
      await deliver(id, owner);
      await setDoc(doc(customer.db, paths.review(r.id, id)), { rating: 4, text: "Good", createdAt: serverTimestamp() });
      const review = await waitForDoc(adminDb.doc(paths.review(r.id, id)), (s) => s.get("counted") === true, 60_000);
      assert.equal(review.get("authorName"), null, "signed by nobody: the page says 'A customer'");
      assert.equal(review.get("rating"), 4, "the review itself stays and counts");
    });

    it("a name with a line break and a link is left out the same way", async () => {
      const customer = await createUser({}, "Anna\nwww.evil.example");
      const id = await order(customer, r);
      assert.equal((await waitForDoc(orderRef(id), statusIs("placed"))).get("customerName"), null);
    });

    it("control: a plain name in full-width letters is copied in NFKC, and the review is signed with it", async () => {
      const customer = await createUser({}, "Ｊｕｌｉａ Ｋｌｅｉｎ");
      const id = await order(customer, r);
      assert.equal((await waitForDoc(orderRef(id), statusIs("placed"))).get("customerName"), "Julia Klein");
      await deliver(id, owner);
      await setDoc(doc(customer.db, paths.review(r.id, id)), {
        rating: 5,
        text: "Great",
        createdAt: serverTimestamp(),
      });
      const review = await waitForDoc(adminDb.doc(paths.review(r.id, id)), (s) => s.get("counted") === true, 60_000);
      assert.equal(review.get("authorName"), "Julia K.");
    });
  });

  describe("a restaurant's names", () => {
    async function kitchen(patch: Record<string, unknown>) {
      const r = await createRestaurant({ dish: { price: 1200 } }, { minOrder: 0, ...patch });
      const owner = await createUser({ owner: [r.id] }, "Otto Owner");
      await adminDb.doc(paths.user(owner.uid)).update({ language: "de" });
      return { r, owner };
    }
    // Once a day per restaurant (orders/placement.ts).
    const problemNotice = (uid: string) =>
      waitForDoc(
        adminDb.doc(paths.notification(uid, `restaurant-problem-${localDay(new Date(), "UTC")}`)),
        (s) => s.exists,
      );

    for (const [what, patch, problem] of [
      [
        "a name that looks like Dishpatch (full-width capitals)",
        { name: "ＤＩＳＨＰＡＴＣＨ Express" },
        PROBLEMS.de.publicText.brand(PROBLEMS.de.fields.restaurantName),
      ],
      [
        "a legal name with a line break and a domain",
        { legalName: "Rosa GmbH\nevil.example" },
        PROBLEMS.de.publicText.hidden(PROBLEMS.de.fields.legalName),
      ],
    ] as const) {
      it(`${what} (set past the rules): orders are refused as unavailable, its owner is told which name in German, the customer is told without it`, async () => {
        const { r, owner } = await kitchen(patch);
        const customer = await createUser({}, "Nora Notified");
        const id = await order(customer, r);
        const rejected = await waitForDoc(orderRef(id), statusIs("rejected"));
        assert.equal(rejected.get("rejection.code"), "restaurant_unavailable");
        assert.doesNotMatch(
          String(rejected.get("restaurantName")),
          /DISHPATCH|ＤＩＳＨ|evil/i,
          "not copied onto the order",
        );
        assert.equal(rejected.get("restaurantLegalName"), undefined);
        const rejection = await told(customer.uid, id, "rejected");
        assert.doesNotMatch(`${JSON.stringify(rejection.data())} ${says(rejection)}`, /DISHPATCH|ＤＩＳＨ|evil/i);
        const notice = await problemNotice(owner.uid);
        assert.ok(says(notice, "de").includes(problem), says(notice, "de"));
        const card = await waitForDoc(adminDb.doc(paths.listing(r.id)), (s) => s.exists);
        assert.equal(card.get("available"), false);
        assert.doesNotMatch(String(card.get("name")), /DISHPATCH|ＤＩＳＨ/i, "the public card does not show it");
      });
    }

    it("control: plain names in full-width letters are copied in NFKC, and the customer's notification names it", async () => {
      const { r, owner } = await kitchen({ name: "Ｐｉｚｚａ Ｐｌａｃｅ", legalName: "Ｐｉｚｚａ Ｐｌａｃｅ GmbH" });
      const customer = await createUser({}, "Nora Notified");
      const id = await order(customer, r);
      const placed = await waitForDoc(orderRef(id), statusIs("placed"));
      assert.equal(placed.get("restaurantName"), "Pizza Place");
      assert.equal(placed.get("restaurantLegalName"), "Pizza Place GmbH");
      await moveOrder(owner, id, "accepted");
      const accepted = await told(customer.uid, id, "accepted");
      assert.ok(says(accepted).includes("Pizza Place"), says(accepted));
    });
  });

  describe("free text is never pushed nor put in an inbox", () => {
    const LINKY = "Ring twice! Or see https://evil.example and evil.example";
    let r: TestRestaurant, owner: TestUser;
    before(async () => {
      r = await createRestaurant({ dish: { price: 1200 } }, { minOrder: 0 });
      owner = await createUser({ owner: [r.id] }, "Otto Owner");
    });
    /** Everything an entry holds, and what it says in each language. */
    const entryTexts = (n: { data(): unknown; get(field: string): unknown }) => [
      JSON.stringify(n.data()),
      says(n, "en"),
      says(n, "de"),
    ];
    const noNote = (texts: string[], where: string) => {
      for (const text of texts) assert.doesNotMatch(text, /evil|Ring twice/, `${where}: ${text}`);
    };
    /** What a transition pushes: the emulator has no FCM, so the event is lost on purpose and the
     * transition's own notifier is handed a push service that records (as lifecycle.test.ts does). */
    async function pushesOf(id: string, change: () => Promise<unknown>) {
      await withEventsLost(change);
      const push = recordingPush();
      await notifyTransition(adminDb, push, id, (await orderRef(id).get()).data() as Order);
      assert.ok(push.sent.length > 0, "something was pushed");
      return push.sent.flatMap((s) => [s.message.title, s.message.body]);
    }

    it("the cart note: through a whole delivery, every inbox entry and the ready push leave it out", async () => {
      const customer = await createUser({}, "Nora Notified");
      const id = await order(customer, r, { note: LINKY });
      await waitForDoc(orderRef(id), statusIs("placed"));
      const courier = await createUser({ courier: true }, "Cora Courier");
      for (const s of ["accepted", "preparing"] as const) await moveOrder(owner, id, s);
      // Their events are handled before the next one is lost on purpose.
      await told(customer.uid, id, "preparing");
      noNote(await pushesOf(id, () => moveOrder(owner, id, "ready")), "ready push");
      await claimOrder(courier, id);
      await moveOrder(courier, id, "picked_up");
      await deliverOrder(courier, id);
      for (const s of ["accepted", "preparing", "ready", "picked_up", "delivered"] as const) {
        noNote(entryTexts(await told(customer.uid, id, s)), `${s} inbox`);
      }
      assert.equal((await orderRef(id).get()).get("note"), LINKY, "the note stays on the order, as it was written");
    });

    it("the decline note: the customer's inbox entry and push give the reason from the list only", async () => {
      const customer = await createUser({}, "Nora Notified");
      const id = await order(customer, r);
      await waitForDoc(orderRef(id), statusIs("placed"));
      const pushed = await pushesOf(id, () =>
        moveOrder(owner, id, "declined", { declineReason: "other", declineNote: LINKY }),
      );
      noNote(pushed, "declined push");
      noNote(entryTexts(await told(customer.uid, id, "declined")), "declined inbox");
    });

    it("the cancel note: the staff's and the customer's inbox entries and pushes leave it out", async () => {
      const customer = await createUser({}, "Nora Notified");
      const id = await order(customer, r);
      await waitForDoc(orderRef(id), statusIs("placed"));
      const pushed = await pushesOf(id, () =>
        moveOrder(customer, id, "cancelled", { cancelReason: "other", cancelNote: LINKY }),
      );
      assert.ok(pushed.length >= 4, "to the customer and to the staff's topics");
      noNote(pushed, "cancelled push");
      for (const uid of [customer.uid, owner.uid]) {
        noNote(entryTexts(await told(uid, id, "cancelled")), "cancelled inbox");
      }
    });
  });
});
