// Checking a Dishpatch webhook on the receiving side: sample code for a restaurant's system, used
// by the POS simulator (npm run pos) and the tests. Verify the signature over the raw body exactly
// as it arrived (before any JSON parsing), compare in constant time, and refuse a delivery whose
// time is more than 300 s from yours: a copy replayed later carries an old time, and changing the
// time breaks the signature. A repeat of an event you already took (the same "id") is a retry:
// take it again without acting twice.

import { createHmac, timingSafeEqual } from "node:crypto";

export const TOLERANCE_SECONDS = 300;

export type Verdict = { ok: true } | { ok: false; reason: "malformed" | "signature" | "too old" };

export function verifyDishpatchSignature(
  secret: string,
  header: string | undefined,
  rawBody: string | Buffer,
  now = new Date(),
  toleranceSeconds = TOLERANCE_SECONDS,
): Verdict {
  const parts = Object.fromEntries(
    (header ?? "").split(",").map((p) => {
      const i = p.indexOf("=");
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    }),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? "")) return { ok: false, reason: "malformed" };
  const expected = createHmac("sha256", secret).update(`${t}.`).update(rawBody).digest();
  if (!timingSafeEqual(expected, Buffer.from(parts.v1, "hex"))) return { ok: false, reason: "signature" };
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return { ok: false, reason: "too old" };
  return { ok: true };
}
