// How Dishpatch signs a webhook delivery (the scheme partners verify, as Stripe's):
//   Dishpatch-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
// The time inside the signed text lets a receiver refuse an old delivery replayed at it.

import { createHmac } from "node:crypto";

export const SIGNATURE_HEADER = "Dishpatch-Signature";

export function signatureOf(secret: string, t: number, body: string): string {
  return createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, body: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${signatureOf(secret, t, body)}`;
}
