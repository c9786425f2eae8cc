// The headline: rounds of one kind only. A floor round writes nothing but floor pings (a minimal
// trigger's round trip); an orders round places nothing but orders. Each runs from 1 and from N
// clients at once, three times, so that drift shows; between rounds the system quiets down: an
// orders round's orders end through the system (its accept timeout, taken over by the reconciler
// here) before the next round starts, so no round measures another's side effects.

import { collection, doc, serverTimestamp, setDoc } from "firebase/firestore";
import { FINAL_STATUSES, LIMITS, paths, QUERIES, type OrderStatus } from "../../functions/src/domain";
import { adminQuery } from "../../functions/src/query";
import { adminDb, createPerson, type Person } from "../lib/clients";
import { runReconcilerNow } from "../lib/scheduler";
import { placeOrder, TORSTRASSE } from "../lib/people";
import { TIMER_TAKEOVER_MS } from "../../functions/src/tasks";
import { cartFor, closePeople, customers, type Ctx } from "./fixtures";
import { functionsQuiet } from "./meterLog";
import { latency, median, type Latency } from "./stats";
import { timeSplit, type Timed, type TimeSplit } from "./timeSplit";
import { cpuBetween, cpuSnapshot, type CpuMs } from "./cpu";
import { sleep, whenSeen } from "./watch";

/** A floor event not seen within this long was lost by the emulator (counted, not measured). */
export const FLOOR_WAIT_MS = 20_000;

export interface Sample {
  /** ms since the round started */
  at: number;
  ms: number;
}

export interface RoundResult {
  kind: "floor" | "orders";
  clients: number;
  /** 1, 2, 3: the round of this kind at this number of clients. */
  round: number;
  seconds: number;
  latency: Latency;
  /** Completed per second by clients that each wait for their last one: the rate of waiting
   * clients, not the system's capacity. */
  perSecond: number;
  /** Floor events the emulator never delivered; orders rejected. */
  lost: number;
  rejected: number;
  /** Accounts a client had to create inside the timed window (its pool ran out). */
  accountsInWindow: number;
  /** Where the time went (timeSplit.ts): null where the meter matched nothing. */
  split: TimeSplit | null;
  /** The machine's CPU time during the round, by who spent it (cpu.ts). */
  cpu: CpuMs;
}

export interface OrdersRound extends RoundResult {
  /** Before the round, outside its window: how many orders the emulator holds, and how long it
   * takes to answer processOrder's count of a customer's open orders (median of 5, from Node). */
  emulator: { orders: number; countMs: number };
  /** Each order, with the epoch time its write was sent. */
  orders: { id: string; sentAt: number }[];
  startedAt: number;
  endedAt: number;
}

export interface Ping {
  path: string;
  sentAt: number;
  /** When the server acknowledged the write, ms after it was sent. */
  ackMs: number;
  /** null: the emulator lost the event. */
  ms: number | null;
}

/** One floor ping from `person`: its write until a listener sees the trigger's answer. */
export async function floorPing(person: Person): Promise<Ping> {
  const f = doc(collection(person.db, "benchFloor"));
  const t0 = performance.now();
  const sentAt = Date.now();
  await setDoc(f, { at: serverTimestamp() });
  const ackMs = performance.now() - t0;
  try {
    return { path: f.path, sentAt, ackMs, ms: (await whenSeen(f, (d) => !!d.done, FLOOR_WAIT_MS)) - t0 };
  } catch {
    return { path: f.path, sentAt, ackMs, ms: null };
  }
}

/** The split of a round's writes, once the meter has the last invocation's line. */
async function splitOf(fn: string, timed: Timed[]): Promise<TimeSplit | null> {
  await sleep(1000);
  return timeSplit(fn, timed);
}

/** Floor pings only, from one client per person, for `seconds`. */
export async function floorRound(people: Person[], round: number, seconds: number): Promise<RoundResult> {
  const samples: Sample[] = [];
  const timed: Timed[] = [];
  let lost = 0;
  const cpu0 = cpuSnapshot();
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    people.map(async (person) => {
      while (performance.now() < end) {
        const at = performance.now() - started;
        const { path, sentAt, ackMs, ms } = await floorPing(person);
        if (ms === null) lost++;
        else {
          samples.push({ at, ms });
          timed.push({ path, sentAt, ackMs, ms });
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuBetween(cpu0, cpuSnapshot());
  return {
    kind: "floor",
    clients: people.length,
    round,
    seconds,
    latency: latency(samples.map((s) => s.ms)),
    perSecond: samples.length / elapsed,
    lost,
    rejected: 0,
    accountsInWindow: 0,
    split: await splitOf("benchFloor", timed),
    cpu,
  };
}

/** A client's customers: each places up to the open-orders limit (nobody accepts the bench's
 * orders), then the next one takes over. */
export class Pool {
  private used = 0;
  made = 0;
  constructor(private readonly people: Person[]) {}
  async next(): Promise<Person> {
    const i = Math.floor(this.used++ / LIMITS.maxOpenOrdersPerCustomer);
    if (i < this.people.length) return this.people[i];
    // Out of customers: one more, inside the window, and counted as such.
    this.made++;
    this.people.push(await createPerson({}, "Bench Customer (in the window)"));
    return this.people[this.people.length - 1];
  }
  all(): Person[] {
    return this.people;
  }
}

/** How many customers each client needs for a round, from the orders it may place: the previous
 * orders round at this number of clients, else one order per floor round trip (an order takes
 * longer than the floor), with room to spare. */
export function customersPerClient(ordersPerClient: number): number {
  return Math.ceil((ordersPerClient * 1.5 + 2) / LIMITS.maxOpenOrdersPerCustomer);
}

/** Places the `n`th bench order as `customer` and times it until it leaves `submitted` (placed
 * or rejected), seen by the customer's own listener. */
export async function timedOrder(ctx: Ctx, kitchen: string, customer: Person, n: number) {
  const startedAt = performance.now();
  const sentAt = Date.now();
  const id = await placeOrder(customer, { restaurantId: kitchen, items: cartFor(ctx, n), deliveryAddress: TORSTRASSE });
  const ackMs = performance.now() - startedAt;
  let status = "";
  const seen = await whenSeen(doc(customer.db, paths.order(id)), (d) => {
    status = String(d.status);
    return d.status !== "submitted";
  });
  return { id, sentAt, startedAt, ackMs, ms: seen - startedAt, rejected: status === "rejected" };
}

/** The emulator's answer to processOrder's count of open orders, which it computes by going
 * through the collection (Firestore answers it from an index). */
async function emulatorQueryTime(uid: string): Promise<{ orders: number; countMs: number }> {
  const orders = (await adminDb.collection(paths.orders()).count().get()).data().count;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await adminQuery(adminDb, QUERIES.openOrdersOf(uid)).count().get();
    times.push(performance.now() - t0);
  }
  return { orders, countMs: median(times) };
}

/** Orders only, from `clients` clients, for `seconds`, to `kitchen`. */
export async function ordersRound(
  ctx: Ctx,
  kitchen: string,
  clients: number,
  round: number,
  seconds: number,
  expectedPerClient: number,
): Promise<OrdersRound> {
  const perClient = customersPerClient(expectedPerClient);
  const pools = await Promise.all(
    Array.from({ length: clients }, async (_, c) => new Pool(await customers(perClient, `Bench Customer ${c}`))),
  );
  const emulator = await emulatorQueryTime(pools[0].all()[0].uid);
  const samples: Sample[] = [];
  const orders: { id: string; sentAt: number }[] = [];
  const timed: Timed[] = [];
  let rejected = 0;
  let n = 0;
  const startedAt = Date.now();
  const cpu0 = cpuSnapshot();
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    pools.map(async (pool) => {
      while (performance.now() < end) {
        const o = await timedOrder(ctx, kitchen, await pool.next(), n++);
        orders.push({ id: o.id, sentAt: o.sentAt });
        if (o.rejected) rejected++;
        else {
          samples.push({ at: o.startedAt - started, ms: o.ms });
          timed.push({ path: paths.order(o.id), sentAt: o.sentAt, ackMs: o.ackMs, ms: o.ms });
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuBetween(cpu0, cpuSnapshot());
  const endedAt = Date.now();
  await closePeople(pools.flatMap((p) => p.all()));
  return {
    kind: "orders",
    clients,
    round,
    seconds,
    latency: latency(samples.map((s) => s.ms)),
    perSecond: samples.length / elapsed,
    lost: 0,
    rejected,
    accountsInWindow: pools.reduce((a, p) => a + p.made, 0),
    split: await splitOf("processOrder", timed),
    cpu,
    emulator,
    orders,
    startedAt,
    endedAt,
  };
}

/** Orders not final this long after their deadline are counted as not ended by the system. */
const FINAL_WITHIN_MS = 180_000;

/** Waits until every order has ended through the system: the reconciler takes over each accept
 * timeout a while after it was due (the bench's tasks leave it to the reconciler, see
 * scripts/bench.ts), and the bench asks for one run then rather than wait for the next minute.
 * Then waits for the functions to go quiet. Returns how many orders did not end. */
export async function settle(ids: string[], dueBy: number): Promise<number> {
  const wait = dueBy + TIMER_TAKEOVER_MS + 1000 - Date.now();
  if (wait > 0) await sleep(wait);
  const deadline = Date.now() + FINAL_WITHIN_MS;
  let open = ids;
  let asked = 0;
  while (open.length > 0 && Date.now() < deadline) {
    if (asked++ % 10 === 0) await runReconcilerNow();
    const docs = await adminDb.getAll(...open.map((id) => adminDb.doc(paths.order(id))));
    open = open.filter((_, i) => !FINAL_STATUSES.includes(docs[i].get("status") as OrderStatus));
    if (open.length) await sleep(2000);
  }
  await functionsQuiet();
  return open.length;
}

export async function floorPeople(n: number): Promise<Person[]> {
  return customers(n, "Bench Floor Client");
}
