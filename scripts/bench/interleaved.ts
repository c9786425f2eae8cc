// The shared queue: every client alternates an order and a floor ping in the same round, so the
// floor is measured while the emulators carry the orders' triggers and side effects. The ratio
// says how long an order and a ping wait in the same queue, not what an order costs (the separate
// rounds, rounds.ts, say that).

import { closePeople, customers, type Ctx } from "./fixtures";
import { customersPerClient, floorPing, Pool, timedOrder } from "./rounds";
import { latency, type Latency } from "./stats";

export interface InterleavedRound {
  clients: number;
  seconds: number;
  placed: Latency;
  floor: Latency;
  ratio: number;
  placedPerSecond: number;
  rejected: number;
  floorLost: number;
  accountsInWindow: number;
  orders: { id: string; sentAt: number }[];
}

export async function interleavedRound(
  ctx: Ctx,
  kitchen: string,
  clients: number,
  seconds: number,
  expectedPerClient: number,
): Promise<InterleavedRound> {
  const perClient = customersPerClient(expectedPerClient);
  const pools = await Promise.all(
    Array.from({ length: clients }, async (_, c) => new Pool(await customers(perClient, `Shared Queue ${c}`))),
  );
  const placed: number[] = [];
  const floor: number[] = [];
  const orders: { id: string; sentAt: number }[] = [];
  let rejected = 0;
  let floorLost = 0;
  let n = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    pools.map(async (pool) => {
      while (performance.now() < end) {
        const customer = await pool.next();
        // Which of the two goes first alternates, so neither always follows the other's side effects.
        const floorFirst = n % 2 === 0;
        const ping = async () => {
          const { ms } = await floorPing(customer);
          if (ms === null) floorLost++;
          else floor.push(ms);
        };
        if (floorFirst) await ping();
        const o = await timedOrder(ctx, kitchen, customer, n++);
        orders.push({ id: o.id, sentAt: o.sentAt });
        if (o.rejected) rejected++;
        else placed.push(o.ms);
        if (!floorFirst) await ping();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await closePeople(pools.flatMap((p) => p.all()));
  const o = latency(placed);
  const f = latency(floor);
  return {
    clients,
    seconds,
    placed: o,
    floor: f,
    ratio: o.p50 / f.p50,
    placedPerSecond: placed.length / elapsed,
    rejected,
    floorLost,
    accountsInWindow: pools.reduce((a, p) => a + p.made, 0),
    orders,
  };
}
