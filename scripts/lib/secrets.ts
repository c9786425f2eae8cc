// The functions' secret parameters on the emulators (functions/src/config.ts: the API's token
// signing key and the key that encrypts webhook signing secrets). In production they live in
// Secret Manager; the Functions emulator reads them from functions/.secret.local, which npm start
// and npm test write once with fresh random keys and keep (git ignores it, deploys skip it).

import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./config";

export const SECRET_LOCAL = join(ROOT, "functions", ".secret.local");

export interface LocalSecrets {
  API_JWT_KEY: string;
  WEBHOOK_SECRET_KEY: string;
}

function parse(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** The emulators' secrets, written where any is missing (a developer's own values are kept). */
export function ensureLocalSecrets(): LocalSecrets {
  const have = existsSync(SECRET_LOCAL) ? parse(readFileSync(SECRET_LOCAL, "utf8")) : {};
  const secrets: LocalSecrets = {
    API_JWT_KEY: have.API_JWT_KEY || randomBytes(32).toString("base64url"),
    WEBHOOK_SECRET_KEY: have.WEBHOOK_SECRET_KEY || randomBytes(32).toString("base64"),
  };
  if (have.API_JWT_KEY !== secrets.API_JWT_KEY || have.WEBHOOK_SECRET_KEY !== secrets.WEBHOOK_SECRET_KEY) {
    const extra = Object.entries(have).filter(([k]) => !(k in secrets));
    writeFileSync(
      SECRET_LOCAL,
      "# The functions' secrets on the emulators (written by npm start / npm test; never committed).\n" +
        [...Object.entries(secrets), ...extra].map(([k, v]) => `${k}=${v}\n`).join(""),
    );
  }
  return secrets;
}

/** The secrets the running emulators use (tests sign their own tokens with the same key). */
export function localSecrets(): LocalSecrets {
  const have = parse(readFileSync(SECRET_LOCAL, "utf8"));
  return { API_JWT_KEY: have.API_JWT_KEY, WEBHOOK_SECRET_KEY: have.WEBHOOK_SECRET_KEY };
}
