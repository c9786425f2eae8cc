// The bench's options, after `--`: `npm run bench -- --customers 20 --seconds 30 --rounds 3
// --sizes 10,1000,10000 --paint-runs 5 --tries 10 --lighthouse-runs 5`. `--parts rounds,browser` runs only those
// parts while developing (a partial run is printed but not written to the README).

import { parseArgs } from "node:util";

export const PARTS = ["rounds", "interleaved", "cost", "browser", "lighthouse", "cold", "web"] as const;
export type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "20" },
    seconds: { type: "string", default: "30" },
    rounds: { type: "string", default: "3" },
    "paint-runs": { type: "string", default: "5" },
    sizes: { type: "string", default: "10,1000,10000" },
    tries: { type: "string", default: "10" },
    "lighthouse-runs": { type: "string", default: "5" },
    parts: { type: "string", default: PARTS.join(",") },
  },
});

const parts = values.parts.split(",").filter(Boolean);
for (const p of parts) {
  if (!(PARTS as readonly string[]).includes(p)) throw new Error(`--parts: ${p} is none of ${PARTS.join(", ")}`);
}

export const OPTIONS = {
  /** Concurrent clients in the larger rounds (the smaller has one). */
  customers: Number(values.customers),
  /** Length of each timed round. */
  seconds: Number(values.seconds),
  /** Rounds of each kind at each number of clients, so that drift shows. */
  rounds: Number(values.rounds),
  paintRuns: Number(values["paint-runs"]),
  sizes: values.sizes.split(",").map(Number),
  /** Tries of each browser measurement. */
  tries: Number(values.tries),
  /** Lighthouse runs of each page. */
  lighthouseRuns: Number(values["lighthouse-runs"]),
  parts: parts as Part[],
};

export const runs = (part: Part) => OPTIONS.parts.includes(part);
