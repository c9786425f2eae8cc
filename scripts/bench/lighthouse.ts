// Lighthouse's mobile performance score on the home page and a restaurant page, several runs each
// (scripts/lighthouse/audit.mjs, headless Debian Chromium, Lighthouse's simulated slow 4G phone),
// with the audits each run scored below 0.9.

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { APP_URL, ROOT } from "../lib/config";

export interface LighthouseRun {
  /** performance, accessibility, best practices, SEO: 0–100. */
  scores: number[];
  failing: string[];
  /** First and largest contentful paint, total blocking time, speed index, time to interactive: ms. */
  metrics?: { fcp: number; lcp: number; tbt: number; si: number; tti: number };
  /** The main thread's work by kind ("Script Evaluation 812 ms"), the largest first. */
  mainThread?: string[];
  /** What blocked the first render, and what it cost ("/assets/index.css 150 ms"). */
  blocking?: string[];
}

export type LighthouseResult = Record<string, LighthouseRun[]>;

export function lighthouse(restaurantId: string, runs: number): LighthouseResult | null {
  const res = spawnSync(
    process.execPath,
    [
      join(ROOT, "scripts", "lighthouse", "audit.mjs"),
      `--runs=${runs}`,
      "--forms=mobile",
      "--json",
      `home=${APP_URL}/`,
      `restaurant=${APP_URL}/r/${restaurantId}`,
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  process.stdout.write(res.stdout.split("\n").slice(0, -2).join("\n") + "\n");
  const last = res.stdout.trim().split("\n").pop() ?? "";
  try {
    return (JSON.parse(last) as { mobile: LighthouseResult }).mobile;
  } catch {
    console.warn(`bench: Lighthouse gave no result: ${res.stderr.slice(-500)}`);
    return null;
  }
}
