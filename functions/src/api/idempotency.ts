// Idempotency-Key (as Stripe's): a write sent again with the same key gets the first answer again,
// byte for byte, and does nothing twice. The key is kept per client, as its hash, with the
// request's fingerprint (method, path, body): the same key on a different request is refused. A
// request still running holds the key; one that crashed lets go of it after IN_FLIGHT_MS.
// Answers of 5xx are not kept, so that a retry tries again.

import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { API_LIMITS, paths } from "../domain";
import { isAlreadyExists } from "../errors";
import { ApiProblem } from "./problem";
import { sha256 } from "./secrets";

const IN_FLIGHT_MS = 60_000;

export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

interface Kept {
  fingerprint: string;
  state: "running" | "done";
  startedAt: Timestamp;
  answer?: Answer;
}

/** Runs `work` once per key: a repeat gets the kept answer (and `replayed`). */
export async function once(
  db: Firestore,
  clientId: string,
  key: string,
  request: { method: string; path: string; body: string },
  work: () => Promise<Answer>,
  now: Date,
): Promise<Answer & { replayed?: boolean }> {
  if (key.length === 0 || key.length > API_LIMITS.maxIdempotencyKeyLength || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ApiProblem(
      "bad_request",
      `An Idempotency-Key is 1 to ${API_LIMITS.maxIdempotencyKeyLength} visible ASCII characters.`,
    );
  }
  const ref = db.doc(paths.idempotencyKey(clientId, sha256(key)));
  const fingerprint = sha256(`${request.method} ${request.path}\n${request.body}`);
  const expireAt = Timestamp.fromMillis(now.getTime() + API_LIMITS.idempotencyHours * 3600_000);
  try {
    await ref.create({ fingerprint, state: "running", startedAt: Timestamp.fromDate(now), expireAt });
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    const taken = await db.runTransaction(async (tx) => {
      const kept = (await tx.get(ref)).data() as Kept | undefined;
      if (!kept) {
        tx.create(ref, { fingerprint, state: "running", startedAt: Timestamp.fromDate(now), expireAt });
        return null;
      }
      if (kept.fingerprint !== fingerprint) throw new ApiProblem("idempotency_key_reused");
      if (kept.state === "done") return kept.answer!;
      if (now.getTime() - kept.startedAt.toMillis() < IN_FLIGHT_MS) throw new ApiProblem("idempotency_key_in_use");
      tx.update(ref, { startedAt: Timestamp.fromDate(now) });
      return null;
    });
    if (taken) return { ...taken, replayed: true };
  }
  let answer: Answer;
  try {
    answer = await work();
  } catch (err) {
    await ref.delete();
    throw err;
  }
  if (answer.status >= 500) await ref.delete();
  else await ref.update({ state: "done", answer, doneAt: FieldValue.serverTimestamp() });
  return answer;
}
