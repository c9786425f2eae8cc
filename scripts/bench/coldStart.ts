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
  return {
    floorMs: median(floor),
    processOrderMs: median(ours),
    ratio: median(ours) / median(floor),
    allFunctionsMs: median(all),
  };
}
