// The API's secrets. A client secret is 256 random bits, shown once and kept only as its SHA-256: a
// slow password hash guards guessable passwords, and nobody can guess 256 random bits. A webhook
// signing secret must be used again to sign, so it is kept encrypted (AES-256-GCM) under a key that
// is a secret parameter, never beside the data it protects.

import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";

export interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

/** A new secret: a short prefix that says what it is, and 32 random bytes. */
export const newSecret = (prefix: "dps" | "whsec") => `${prefix}_${randomBytes(32).toString("base64url")}`;

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Whether `secret` hashes to `hash`, in constant time. */
export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(sha256(secret), "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

function keyOf(base64Key: string): Buffer {
  const key = Buffer.from(base64Key, "base64");
  if (key.length !== 32) throw new Error("WEBHOOK_SECRET_KEY must be 32 bytes, base64-encoded");
  return key;
}

export function seal(plain: string, base64Key: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(base64Key), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return { iv: iv.toString("base64"), tag: cipher.getAuthTag().toString("base64"), data: data.toString("base64") };
}

export function unseal(sealed: Sealed, base64Key: string): string {
  const decipher = createDecipheriv("aes-256-gcm", keyOf(base64Key), Buffer.from(sealed.iv, "base64"));
  decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, "base64")), decipher.final()]).toString("utf8");
}
