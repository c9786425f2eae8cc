// The functions' secret parameters on the emulators (functions/src/config.ts: the API's token
// signing key, the key that encrypts webhook signing secrets, and Stripe's keys). In production
// they live in Secret Manager; the Functions emulator reads them from functions/.secret.local,
// which npm start and npm test write once with fresh random keys and keep (git ignores it, deploys
// skip it). Stripe's keys are `none` there (cards off, fully offline) until a developer puts their
// own test keys in; npm test puts its stand-in's keys in for its run (withTestStripeKeys).

import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./config";

export const SECRET_LOCAL = join(ROOT, "functions", ".secret.local");

export interface LocalSecrets {
  API_JWT_KEY: string;
  WEBHOOK_SECRET_KEY: string;
  STRIPE_SECRET_KEY: string;
  STRIPE_WEBHOOK_SECRET: string;
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
    STRIPE_SECRET_KEY: have.STRIPE_SECRET_KEY || "none",
    STRIPE_WEBHOOK_SECRET: have.STRIPE_WEBHOOK_SECRET || "none",
  };
  if ((Object.keys(secrets) as (keyof LocalSecrets)[]).some((k) => have[k] !== secrets[k])) {
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
  return {
    API_JWT_KEY: have.API_JWT_KEY,
    WEBHOOK_SECRET_KEY: have.WEBHOOK_SECRET_KEY,
    STRIPE_SECRET_KEY: have.STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: have.STRIPE_WEBHOOK_SECRET,
  };
}

/** The Stripe stand-in's keys (tests/support/stripeStandIn.ts): npm test's, never a real account's. */
export const STAND_IN_KEYS = {
  STRIPE_SECRET_KEY: "sk_test_standin_dishpatch",
  STRIPE_WEBHOOK_SECRET: "whsec_standin_dishpatch",
};

/** Puts the stand-in's Stripe keys in functions/.secret.local for a test run; the returned function
 * puts the developer's own back. */
export function withTestStripeKeys(): () => void {
  ensureLocalSecrets();
  const before = readFileSync(SECRET_LOCAL, "utf8");
  writeFileSync(
    SECRET_LOCAL,
    before
      .split("\n")
      .filter((l) => !/^\s*STRIPE_(SECRET_KEY|WEBHOOK_SECRET)\s*=/.test(l))
      .join("\n")
      .replace(/\n*$/, "\n") +
      Object.entries(STAND_IN_KEYS)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(""),
  );
  return () => writeFileSync(SECRET_LOCAL, before);
}
