/** gRPC ALREADY_EXISTS, as the admin SDK reports a create() on an existing document. */
export function isAlreadyExists(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 6 || code === "already-exists" || code === "functions/task-already-exists";
}
