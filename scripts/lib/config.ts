// The one place scripts and tests learn where things are: the project id from .firebaserc and
// the emulator ports from firebase.json (the web build reads the same files in vite.config.ts).

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "..", "..");

const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, file), "utf8")) as T;

interface FirebaseJson {
  emulators: Record<string, { port?: number; enabled?: boolean }>;
  functions: { source: string; runtime?: string; codebase?: string }[];
  hosting: { public: string };
  firestore: { rules: string; indexes: string };
}

export const FIREBASE_JSON = readJson<FirebaseJson>("firebase.json");

/** The demo project the emulators serve (a `demo-` id needs no credentials and reaches no real service). */
export const PROJECT_ID = readJson<{ projects: { default: string } }>(".firebaserc").projects.default;

/** Rules tests use their own project so that no trigger touches their fixtures. */
export const RULES_PROJECT = `${PROJECT_ID}-rules`;

export const HOST = "127.0.0.1";

function port(name: string): number {
  const p = FIREBASE_JSON.emulators[name]?.port;
  if (typeof p !== "number") throw new Error(`firebase.json has no emulators.${name}.port`);
  return p;
}

export const PORTS = {
  auth: port("auth"),
  firestore: port("firestore"),
  functions: port("functions"),
  hosting: port("hosting"),
  tasks: port("tasks"),
  hub: port("hub"),
};

export const APP_URL = `http://${HOST}:${PORTS.hosting}`;

/** Points the admin SDK (and anything else reading these variables) at the emulators. */
export function useEmulators(env: NodeJS.ProcessEnv = process.env): void {
  env.GCLOUD_PROJECT ??= PROJECT_ID;
  env.FIRESTORE_EMULATOR_HOST ??= `${HOST}:${PORTS.firestore}`;
  env.FIREBASE_AUTH_EMULATOR_HOST ??= `${HOST}:${PORTS.auth}`;
  env.CLOUD_TASKS_EMULATOR_HOST ??= `${HOST}:${PORTS.tasks}`;
  // Everything here talks to the emulators: never probe for Google's metadata server.
  env.METADATA_SERVER_DETECTION ??= "none";
}
