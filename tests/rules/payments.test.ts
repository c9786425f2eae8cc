// Card payments in the rules: a customer names a card's PaymentMethod (never a card number) when
// ordering; the payment record is its customer's and the admins'; saved cards are their owner's;
// Stripe's events and customer ids are the backend's alone; an order whose card was never
// authorised is not the restaurant's to see.

import { collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, updateDoc } from "firebase/firestore";
import { matrix } from "../support/matrix";
import { ADDRESS, dbAs, expectAccess, rulesEnv, seedFixtures } from "../support/rulesEnv";

const ID = "CardOrder00000000000";
const cardOrder = (patch: Record<string, unknown> = {}) => ({
  customerId: "alice",
  restaurantId: "r1",
  status: "submitted",
  items: ["m1|1|"],
  deliveryAddress: ADDRESS,
  note: "",
  createdAt: serverTimestamp(),
  payWith: "card",
  paymentMethodId: "pm_card_visa",
  ...patch,
});
const create = (patch: Record<string, unknown>) => {
  const data: Record<string, unknown> = cardOrder(patch);
  for (const k of Object.keys(data)) if (data[k] === undefined) delete data[k];
  return setDoc(doc(dbAs("customer"), `orders/${ID}`), data);
};

describe("rules: card payments", () => {
  before(rulesEnv);
  beforeEach(seedFixtures);

  describe("an order paid by card", () => {
    it("names a PaymentMethod", () => expectAccess(true, create({})));
    it("may keep the card, with consent", () => expectAccess(true, create({ saveCard: true })));
    for (const [what, patch] of [
      ["a card without a PaymentMethod", { paymentMethodId: undefined }],
      ["a PaymentMethod for cash", { payWith: "cash" }],
      ["a card number", { paymentMethodId: "4242424242424242" }],
      ["a PaymentMethod id that is not one", { paymentMethodId: "pm_<script>" }],
      ["a very long id", { paymentMethodId: `pm_${"a".repeat(101)}` }],
      ["keeping a card that is not there", { payWith: "cash", paymentMethodId: undefined, saveCard: true }],
      ["consent that is not a yes or no", { saveCard: "yes" }],
      ["another way to pay", { payWith: "crypto", paymentMethodId: undefined }],
    ] as const) {
      it(`is refused with ${what}`, () => expectAccess(false, create(patch)));
    }
  });

  describe("an order never placed (its card not authorised)", () => {
    for (const id of ["awaiting_payment", "payment_failed", "paymentFailedNow"]) {
      matrix(`get orders/${id}`, ["customer", "admin"], (db) => getDoc(doc(db, `orders/${id}`)));
    }
    it("no one moves it from the app, not even its customer", async () => {
      await expectAccess(
        false,
        updateDoc(doc(dbAs("customer"), "orders/awaiting_payment"), {
          status: "cancelled",
          "timeline.cancelled": serverTimestamp(),
          "by.cancelled": "alice",
          updatedAt: serverTimestamp(),
          cancelReason: "changed_mind",
        }),
      );
      await expectAccess(
        false,
        updateDoc(doc(dbAs("staff"), "orders/awaiting_payment"), {
          status: "accepted",
          "timeline.accepted": serverTimestamp(),
          "by.accepted": "sam",
          updatedAt: serverTimestamp(),
        }),
      );
    });
  });

  describe("payments/{orderId}", () => {
    matrix("get", ["customer", "admin"], (db) => getDoc(doc(db, "payments/awaiting_payment")));
    matrix("change", [], (db) => updateDoc(doc(db, "payments/awaiting_payment"), { state: "authorised" }));
    matrix("create", [], (db) => setDoc(doc(db, "payments/placed"), { customerId: "alice", state: "captured" }));
  });

  describe("users/{uid}/cards", () => {
    matrix("list alice's", ["customer"], (db) => getDocs(collection(db, "users/alice/cards")));
    matrix("add one", [], (db) => setDoc(doc(db, "users/alice/cards/pm_2"), { brand: "visa", last4: "0000" }));
    matrix("delete one (the removeCard callable does)", [], (db) => deleteDoc(doc(db, "users/alice/cards/pm_1")));
  });

  describe("the backend's Stripe records", () => {
    matrix("get an event", [], (db) => getDoc(doc(db, "stripeEvents/evt_1")));
    matrix("get a Stripe customer id", [], (db) => getDoc(doc(db, "stripeCustomers/alice")));
    matrix("write an event", [], (db) => setDoc(doc(db, "stripeEvents/evt_2"), { intentId: "pi_2" }));
  });
});
