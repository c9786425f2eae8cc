// Where the emulators listen (firebase.json is the source) and the project ids tests use.

import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const config = JSON.parse(readFileSync(join(ROOT, "firebase.json"), "utf8")) as {
  emulators: Record<string, { port: number }>;
};

export const HOST = "127.0.0.1";
export const PORTS = {
  firestore: config.emulators.firestore.port,
  auth: config.emulators.auth.port,
  functions: config.emulators.functions.port,
  hosting: config.emulators.hosting.port,
};

/** The project the functions emulator serves: triggers fire only for its data. */
export const APP_PROJECT = "demo-dishpatch";
/** Rules tests use their own project so that no trigger touches their fixtures. */
export const RULES_PROJECT = "demo-dishpatch-rules";

export const RULES = readFileSync(join(ROOT, "firestore.rules"), "utf8");
export const ROOT_DIR = ROOT;
