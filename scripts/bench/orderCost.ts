// What one order costs, from submitted to placed and to delivered, on a quiet system (the
// reconciler paused, the functions quiet): the function invocations it causes and their summed
// execution time against the floor's one invocation, the documents the functions read and write,
// the client writes, the reads the rules make (rulesReads.ts) and what the live listeners of the
// customer, the restaurant and a courier receive.

import { doc, onSnapshot, serverTimestamp, setDoc, type DocumentReference, type Query } from "firebase/firestore";
import { areaBlock, areaCell, LIMITS, paths, QUERIES } from "../../functions/src/domain";
import { clientQuery, createPerson } from "../lib/clients";
import { claimOrder, deliverOrder, moveOrder, placeOrder, TORSTRASSE } from "../lib/people";
import { cartFor, type Ctx } from "./fixtures";
import { functionsQuiet, invocations, orderOf, type Invocation } from "./meterLog";
import { floorPing } from "./rounds";
import { checkTable, ruleCallCounts, ruleReadsOf } from "./rulesReads";
import { median, sum } from "./stats";
import { sleep, whenSeen } from "./watch";

export interface FunctionCost {
  runs: number;
  reads: number;
  writes: number;
  /** Summed execution time of its runs. */
  ms: number;
}

export interface Phase {
  invocations: number;
  ms: number;
  functions: Record<string, FunctionCost>;
}

export interface OrderCost {
  /** Floor pings' invocations on the same quiet system: the median execution time of one. */
  floorInvocationMs: number;
  toPlaced: Phase;
  toDelivered: Phase;
  functionTotals: { reads: number; writes: number };
  clientWrites: Record<string, number>;
  listenerReads: Record<string, number>;
  rulesReads: Record<string, number>;
  rulesCheck: { checked: boolean; unnamed: string[]; uncalled: string[] };
  totals: { reads: number; writes: number };
}

function phase(lines: Invocation[]): Phase {
  const functions: Record<string, FunctionCost> = {};
  for (const m of lines) {
    const f = (functions[m.fn] ??= { runs: 0, reads: 0, writes: 0, ms: 0 });
    f.runs++;
    f.reads += m.reads;
    f.writes += m.writes;
    f.ms += m.ms;
  }
  return { invocations: lines.length, ms: sum(lines.map((m) => m.ms)), functions };
}

/** Counts the documents a client listener receives from the server: what Firestore bills it. */
function countDelivered(listen: (onDocs: (n: number) => void) => () => void) {
  let n = 0;
  const stop = listen((k) => (n += k));
  return { stop, count: () => n };
}

const onDoc = (r: DocumentReference) => (add: (n: number) => void) =>
  onSnapshot(r, (s) => {
    if (!s.metadata.fromCache) add(1);
  });
const onQuery = (q: Query) => (add: (n: number) => void) =>
  onSnapshot(q, (snap) => {
    if (!snap.metadata.fromCache) add(Math.max(snap.docChanges().length, snap.empty ? 1 : 0));
  });

/** `pause` and `resume` stop and start the reconciler's schedule: its reads are its own (the
 * rounds give its share per order). */
export async function orderCost(ctx: Ctx, pause: () => void, resume: () => void): Promise<OrderCost> {
  const customer = await createPerson({}, "Cost Customer");
  const courier = await createPerson({ courier: true }, "Cost Courier");
  pause();
  await functionsQuiet();
  // The floor's one invocation, measured here on the same quiet system.
  const floorFrom = Date.now();
  for (let i = 0; i < 5; i++) await floorPing(customer);
  await functionsQuiet(3000);
  const floorMs = median(
    invocations(floorFrom)
      .filter((m) => m.fn === "benchFloor")
      .map((m) => m.ms),
  );

  const rulesBefore = await ruleCallCounts();
  const from = Date.now();
  const listeners: Record<string, ReturnType<typeof countDelivered>> = {
    "customer: inbox": countDelivered(onQuery(clientQuery(customer.db, QUERIES.inbox(customer.uid, 50)))),
    "restaurant: order board": countDelivered(onQuery(clientQuery(ctx.staff.db, QUERIES.boardOrders(ctx.trattoria)))),
    "courier: open orders": countDelivered(
      onQuery(clientQuery(courier.db, QUERIES.openPickups(areaBlock(areaCell(TORSTRASSE)), LIMITS.maxOpenPickups))),
    ),
  };
  await sleep(1500);
  const baseline = Object.fromEntries(Object.entries(listeners).map(([k, l]) => [k, l.count()]));
  const clientWrites: Record<string, number> = {};
  const step = async (name: string, run: () => Promise<unknown>, writes = 1) => {
    await run();
    clientWrites[name] = (clientWrites[name] ?? 0) + writes;
  };
  let id = "";
  await step("customer: place the order", async () => {
    id = await placeOrder(customer, {
      restaurantId: ctx.trattoria,
      items: cartFor(ctx, 1),
      deliveryAddress: TORSTRASSE,
    });
  });
  const placed = doc(customer.db, paths.order(id));
  listeners["customer: order page"] = countDelivered(onDoc(placed));
  baseline["customer: order page"] = 0;
  await whenSeen(placed, (d) => d.status === "placed");
  // What placing caused (the placed order's side effects and its accept timeout's early task)
  // ends before the restaurant answers.
  await functionsQuiet(3000);
  const placedBy = Date.now();
  for (const s of ["accepted", "preparing", "ready"] as const)
    await step(`restaurant: ${s}`, () => moveOrder(ctx.staff, id, s));
  await step("courier: claim (order + courier state)", () => claimOrder(courier, id), 2);
  await step("courier: picked up", () => moveOrder(courier, id, "picked_up"));
  for (let i = 0; i < 3; i++) {
    await step("courier: position updates (3)", () =>
      setDoc(doc(courier.db, paths.courierPosition(id)), {
        lat: 52.53 + i / 1000,
        lng: 13.405,
        updatedAt: serverTimestamp(),
      }),
    );
  }
  await step("courier: delivered (order + courier state)", () => deliverOrder(courier, id), 2);
  // Booked (receipt, earning, day's figures) by the delivery's side effects.
  await whenSeen(doc(customer.db, paths.receipt(id)), () => true).catch(() => undefined);
  await sleep(3000);
  await functionsQuiet(3000);
  for (const l of Object.values(listeners)) l.stop();
  const rulesAfter = await ruleCallCounts();
  resume();

  const listenerReads = Object.fromEntries(Object.entries(listeners).map(([k, l]) => [k, l.count() - baseline[k]]));
  const mine = invocations(from).filter((m) => orderOf(m) === id);
  const toDelivered = phase(mine);
  const fnReads = sum(mine.map((m) => m.reads));
  const fnWrites = sum(mine.map((m) => m.writes));
  const rulesReads: Record<string, number> = {};
  for (const name of [
    ...Object.keys(clientWrites),
    ...Object.keys(listeners).map((k) => `listener ${k} (its start)`),
  ]) {
    rulesReads[name] = ruleReadsOf(name);
  }
  return {
    floorInvocationMs: floorMs,
    toPlaced: phase(mine.filter((m) => m.started < placedBy)),
    toDelivered,
    functionTotals: { reads: fnReads, writes: fnWrites },
    clientWrites,
    listenerReads,
    rulesReads,
    rulesCheck: checkTable(rulesBefore, rulesAfter),
    totals: {
      reads: fnReads + sum(Object.values(listenerReads)) + sum(Object.values(rulesReads)),
      writes: fnWrites + sum(Object.values(clientWrites)),
    },
  };
}
