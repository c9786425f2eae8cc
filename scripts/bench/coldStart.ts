// Cold start: what an instance of processOrder loads before its first event, against the floor
// (firebase-functions' Firestore provider and the admin SDK, nothing of Dishpatch), each in a fresh
// process on the functions' own Node.

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ID, ROOT } from "../lib/config";
import { functionsNode } from "../lib/emulatorEnv";
import { median } from "./stats";

export interface ColdStart {
  floorMs: number;
  processOrderMs: number;
  ratio: number;
  allFunctionsMs: number;
  /** The heaviest modules processOrder's instance loads that the floor does not: each module's
   * loading with its own requires (so they nest), one profiled run. */
  beyondFloor?: [string, number][];
}

/** Which modules a fresh process loads running `code`, and how long each took (requireProfile.cjs). */
function loadProfile(node: string, cwd: string, code: string, env: Record<string, string>): [string, number][] {
  const res = spawnSync(node, ["--require", join(ROOT, "scripts", "bench", "requireProfile.cjs"), "-e", code], {
    cwd,
    env: { ...process.env, NODE_OPTIONS: "", GCLOUD_PROJECT: PROJECT_ID, ...env },
    encoding: "utf8",
  });
  const line = /REQUIRE_PROFILE (.*)/.exec(res.stdout)?.[1];
  return line ? (JSON.parse(line) as [string, number, number][]).map(([m, ms]) => [m, ms]) : [];
}

export function coldStart(runs = 7): ColdStart {
  const node = functionsNode().bin;
  const functionsDir = join(ROOT, "functions");
  const time = (code: string, env: Record<string, string> = {}) => {
    const res = spawnSync(node, ["-e", `const t=performance.now();${code};console.log(performance.now()-t)`], {
      cwd: functionsDir,
      env: { ...process.env, NODE_OPTIONS: "", GCLOUD_PROJECT: PROJECT_ID, ...env },
      encoding: "utf8",
    });
    return Number(res.stdout.trim());
  };
  const floorCode =
    "require('firebase-functions/v2/firestore');require('firebase-admin/app').initializeApp();require('firebase-admin/firestore').getFirestore()";
  // What an instance of processOrder loads before its first event is handled.
  const processOrderCode = "require('./lib/index.js');require('./lib/orders/created.js')";
  const floor: number[] = [];
  const ours: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(time(floorCode));
    ours.push(time(processOrderCode, { FUNCTION_TARGET: "processOrder" }));
    all.push(time("require('./lib/index.js')"));
  }
  const floorModules = new Set(loadProfile(node, functionsDir, floorCode, {}).map(([m]) => m));
  const beyondFloor = loadProfile(node, functionsDir, processOrderCode, { FUNCTION_TARGET: "processOrder" })
    // The index and the entry modules hold the floor's own provider: their time is mostly its.
    .filter(([m]) => !floorModules.has(m) && m !== "functions/lib/index.js" && !m.startsWith("functions/lib/entry/"))
    .slice(0, 8);
  return {
    beyondFloor,
    floorMs: median(floor),
    processOrderMs: median(ours),
    ratio: median(ours) / median(floor),
    allFunctionsMs: median(all),
  };
}
