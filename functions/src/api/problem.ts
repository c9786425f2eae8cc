// Every error the API answers, in one shape: application/problem+json (RFC 9457). The `type` is a
// tag URI naming the problem (RFC 9457 allows identifiers that are not meant to be fetched), and
// `code` says the same for programs that switch on it. Never a stack trace.

import type { OrderStatus } from "../domain";

export const PROBLEMS = {
  bad_request: [400, "The request is not what this endpoint takes"],
  invalid_body: [400, "The request body is not valid"],
  invalid_client: [401, "The client could not be authenticated"],
  unauthorized: [401, "A valid access token is required"],
  insufficient_scope: [403, "The access token does not allow this"],
  not_found: [404, "Not found"],
  method_not_allowed: [405, "Method not allowed"],
  state_conflict: [409, "The order is not in a state that allows this"],
  idempotency_key_in_use: [409, "A request with this Idempotency-Key is still in progress"],
  payload_too_large: [413, "The request body is too large"],
  unsupported_media_type: [415, "Unsupported media type"],
  unsupported_grant_type: [400, "Only the client_credentials grant is supported"],
  invalid_scope: [400, "The requested scope is not granted to this client"],
  idempotency_key_reused: [422, "This Idempotency-Key was used for a different request"],
  invalid_menu: [422, "The menu has problems"],
  rate_limited: [429, "Too many requests"],
  internal: [500, "Something went wrong on our side"],
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  /** A 409 on an order: the status it has now. */
  current_status?: OrderStatus;
  /** Every problem found in the request, each with its JSON pointer. */
  problems?: { path: string; message: string }[];
  /** A 429: seconds until a request is taken again (also the Retry-After header). */
  retry_after?: number;
  /** RFC 6749 §5.2's error code, on the token endpoint's errors. */
  error?: string;
}

export const problemType = (code: ProblemCode) => `tag:dishpatch.api,2026:problem:${code}`;

/** Thrown anywhere in a request's handling; the router answers with it. */
export class ApiProblem extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    detail?: string,
    readonly extra: Omit<ProblemBody, "type" | "title" | "status" | "code" | "detail"> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? PROBLEMS[code][1]);
    this.status = PROBLEMS[code][0];
  }

  body(): ProblemBody {
    const [status, title] = PROBLEMS[this.code];
    return { type: problemType(this.code), title, status, code: this.code, detail: this.message, ...this.extra };
  }
}
