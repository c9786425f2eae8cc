// What each test command runs (scripts/test.ts starts the emulators, scripts/lib/suites.ts runs
// the mocha processes of a suite side by side).

/** Pipeline tests that lose no events themselves: they run in the rules process, which has the
 * time (the other, losing events and waiting on timers, is the longer). */
const SHARED_PIPELINE = "callables";

export const SUITES = {
  core: {
    // The rules and unit tests touch only the rules test project, so they run beside the system's.
    // The after-the-order, partner API, card payment and some pipeline tests follow them here, in
    // the time this process would otherwise wait for the other: none of them loses events itself,
    // and each wait allows the reconciler's time (RECOVERY_MS) for the events the other process's
    // tests lose.
    rules: [
      "tests/rules/**/*.test.ts",
      "tests/unit/**/*.test.ts",
      "tests/afterOrder/**/*.test.ts",
      "tests/api/**/*.test.ts",
      "tests/payments/**/*.test.ts",
      `tests/pipeline/@(${SHARED_PIPELINE}).test.ts`,
    ],
    // The system's tests that lose events or wait on timers, one at a time: on two cores a second
    // process made the run no shorter (1535 s against 1363 s), while its tests waited on each
    // other's load.
    system: [`tests/pipeline/!(${SHARED_PIPELINE}).test.ts`, "tests/reliability/**/*.test.ts"],
  },
  // Chromium takes half the machine while these run: a suite of their own keeps `npm test` short.
  browser: { browser: ["tests/browser/**/*.test.ts"] },
  load: { load: ["tests/load/**/*.test.ts"] },
} satisfies Record<string, Record<string, string[]>>;

export type SuiteName = keyof typeof SUITES;
export const isSuite = (name: string): name is SuiteName => Object.hasOwn(SUITES, name);
