import { strict as assert } from "node:assert";
import { FieldValue } from "firebase-admin/firestore";
import {
  DISCOVERY_PAGE,
  fillNearbyPage,
  nearbyPieces,
  paths,
  QUERIES,
  searchToken,
  type GeoPiece,
} from "../../functions/src/domain";
import type { QueryDocumentSnapshot } from "firebase-admin/firestore";
import { adminQuery } from "../../functions/src/query";
import { adminDb, createRestaurant, waitForDoc } from "../support/app";

describe("pipeline: discovery (listings and search)", function () {
  this.timeout(300_000);

  const listing = (rid: string) => adminDb.doc(paths.listing(rid));
  const entry = (rid: string) => adminDb.doc(paths.searchEntry(rid));
  const find = async (query: string) =>
    (await adminQuery(adminDb, QUERIES.search(searchToken(query)!, 50)).get()).docs.map((d) => d.id);

  it("writes a restaurant's public card and search words when it is created, and finds it by name, cuisine and dish", async () => {
    const r = await createRestaurant(
      { tacos: { name: "Tacos al Pastor", category: "Tacos" }, churros: { name: "Churros", category: "Desserts" } },
      { name: "Taquería Luna Nueva", cuisine: "Mexican" },
    );
    const card = await waitForDoc(listing(r.id), (s) => s.exists);
    assert.equal(card.get("name"), "Taquería Luna Nueva");
    assert.equal(card.get("available"), true);
    assert.match(card.get("geohash"), /^u33/); // Berlin
    await waitForDoc(entry(r.id), (s) => (s.get("tokens") ?? []).includes("churros"));
    for (const q of ["taqueria", "TAQUERÍA", "taq", "luna", "mexican", "tacos", "taco", "pastor", "churro"]) {
      assert.ok((await find(q)).includes(r.id), `"${q}" finds it`);
    }
    assert.ok(!(await find("sushi")).includes(r.id));
  });

  it("follows the menu: a renamed dish is found under its new name only", async () => {
    const r = await createRestaurant({ dish: { name: "Margherita" } }, { name: "Forno Test" });
    await waitForDoc(entry(r.id), (s) => (s.get("tokens") ?? []).includes("margherita"));
    await adminDb.doc(paths.menuItem(r.id, r.items.dish)).update({ name: "Quattro Formaggi" });
    await waitForDoc(entry(r.id), (s) => (s.get("tokens") ?? []).includes("formaggi"));
    assert.ok(!(await find("margherita")).includes(r.id));
    assert.ok((await find("formaggi")).includes(r.id));
  });

  it("follows the restaurant: its card changes with it, and a restaurant it cannot read is shown as unavailable", async () => {
    const r = await createRestaurant({}, { name: "Changing Kitchen" });
    await waitForDoc(listing(r.id), (s) => s.exists);
    await adminDb.doc(paths.restaurant(r.id)).update({ deliveryFee: 99, updatedAt: FieldValue.serverTimestamp() });
    await waitForDoc(listing(r.id), (s) => s.get("deliveryFee") === 99);
    await adminDb.doc(paths.restaurant(r.id)).update({ timeZone: "Mars/Olympus_Mons" });
    const card = await waitForDoc(listing(r.id), (s) => s.get("available") === false);
    assert.equal(card.get("name"), "Changing Kitchen");
    assert.deepEqual((await entry(r.id).get()).get("tokens"), [], "not found by search while unavailable");
    await adminDb.doc(paths.restaurant(r.id)).delete();
    await waitForDoc(listing(r.id), (s) => !s.exists);
    await waitForDoc(entry(r.id), (s) => !s.exists);
  });

  it(`the first screen reads at most ${DISCOVERY_PAGE} cards however many restaurants are near`, async () => {
    // 60 more restaurants on top of those other tests made, all around one point.
    const crowd = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        createRestaurant(
          {},
          {
            name: `Crowd ${i}`,
            address: { line1: `Crowd Street ${i}`, city: "Berlin", lat: 52.52 + (i % 8) / 1000, lng: 13.4 + i / 2000 },
          },
        ),
      ),
    );
    const center = { lat: 52.521, lng: 13.41 };
    // Wait until every card of the crowd is written (the triggers run in any order), then read as the web app does.
    await Promise.all(crowd.map((r) => waitForDoc(listing(r.id), (s) => s.exists)));
    let read = 0;
    const readSpan = async (piece: GeoPiece, limit: number, after: QueryDocumentSnapshot | undefined) => {
      const q = adminQuery(adminDb, QUERIES.nearby(piece, limit));
      const snap = await (after ? q.startAfter(after) : q).get();
      read += Math.max(1, snap.size); // an empty query is billed as one read
      return snap.docs;
    };
    const page = await fillNearbyPage(nearbyPieces(center), DISCOVERY_PAGE, readSpan);
    assert.ok(read <= DISCOVERY_PAGE + 4, `${read} documents read`);
    assert.equal(page.docs.length, DISCOVERY_PAGE, "a full page where restaurants are dense");
    // The nearest ring fills the page before any wider one is read.
    const first = nearbyPieces(center).filter((p) => p.ring === 0);
    const inFirstRing = (h: string) =>
      first.some((p) => (p.fromInclusive ? h >= p.from : h > p.from) && (p.toInclusive ? h <= p.to : h < p.to));
    assert.ok(
      page.docs.every((d) => inFirstRing(d.get("geohash"))),
      "every card from the nearest ring",
    );
    assert.ok(page.next, "and more to come");
    const second = await fillNearbyPage(nearbyPieces(center), DISCOVERY_PAGE, readSpan, page.next!);
    const ids = new Set(page.docs.map((d) => d.id));
    assert.ok(
      second.docs.length > 0 && second.docs.every((d) => !ids.has(d.id)),
      "the next page continues, with no restaurant twice",
    );
  });
});
