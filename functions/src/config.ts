// Runtime settings, read from the environment (functions/.env in production, the test
// runner's environment on the emulators).

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** How long a restaurant has to accept a placed order before the backend cancels it. */
export function acceptTimeoutSeconds(): number {
  return intFromEnv("ACCEPT_TIMEOUT_SECONDS", 600);
}

export const REGION = "europe-west1";
