// gRPC status codes as the admin SDK reports them.

function codeOf(err: unknown): unknown {
  return (err as { code?: unknown } | null)?.code;
}

/** ALREADY_EXISTS: a create() on an existing document, or a task id already used. */
export function isAlreadyExists(err: unknown): boolean {
  const code = codeOf(err);
  return code === 6 || code === "already-exists" || code === "functions/task-already-exists";
}

/** FAILED_PRECONDITION: a write whose lastUpdateTime precondition no longer holds. */
export function isFailedPrecondition(err: unknown): boolean {
  const code = codeOf(err);
  return code === 9 || code === "failed-precondition";
}
