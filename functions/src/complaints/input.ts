// A complaint as a customer sends it, checked for shape before anything is read: a type from the
// list, the lines named (position and quantity, at most COMPLAINT_LIMITS.maxLines), and a short
// optional description. Whether it fits the order is the policy's (complaintProblem).

import { HttpsError } from "firebase-functions/v2/https";
import { COMPLAINT_LIMITS, COMPLAINT_TYPES, type ComplaintInput, type ComplaintType, isDocId } from "../domain";

function bad(message: string, reason: string): never {
  throw new HttpsError("invalid-argument", message, { reason });
}

export function complaintInput(input: unknown): ComplaintInput & { orderId: string } {
  const { orderId, type, lines, description } = (input ?? {}) as Record<string, unknown>;
  if (!isDocId(orderId)) bad("Which order?", "bad_input");
  if (!COMPLAINT_TYPES.includes(type as ComplaintType)) bad("Choose what went wrong.", "unknown_type");
  if (description !== undefined && typeof description !== "string") bad("A description is text.", "bad_input");
  if (typeof description === "string" && description.length > COMPLAINT_LIMITS.maxDescriptionLength)
    bad(`A description has at most ${COMPLAINT_LIMITS.maxDescriptionLength} characters.`, "description_too_long");
  if (lines !== undefined) {
    if (!Array.isArray(lines) || lines.length > COMPLAINT_LIMITS.maxLines) bad("Too many lines.", "too_many");
    for (const l of lines as unknown[]) {
      const { line, quantity } = (l ?? {}) as Record<string, unknown>;
      if (!Number.isInteger(line) || !Number.isInteger(quantity) || Object.keys(l as object).length !== 2)
        bad("Each line names its position and how many.", "bad_line");
    }
  }
  return {
    orderId: orderId as string,
    type: type as ComplaintType,
    ...(lines
      ? { lines: (lines as { line: number; quantity: number }[]).map(({ line, quantity }) => ({ line, quantity })) }
      : {}),
    description: typeof description === "string" ? description.trim() : "",
  };
}
