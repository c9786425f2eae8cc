// What each test command runs (scripts/test.ts starts the emulators, scripts/lib/suites.ts runs
// the mocha processes of a suite side by side).

export const SUITES = {
  core: {
    // The rules and unit tests touch only the rules test project, so they run beside the system's;
    // the after-the-order tests wait on no timer, and fill the rest of this process's time.
    rules: ["tests/rules/**/*.test.ts", "tests/unit/**/*.test.ts", "tests/afterOrder/**/*.test.ts"],
    // One process for the system's tests: on two cores a second one made the run no shorter (1535 s
    // against 1363 s), while its tests waited on each other's load.
    system: ["tests/pipeline/**/*.test.ts", "tests/api/**/*.test.ts", "tests/reliability/**/*.test.ts"],
  },
  // Chromium takes half the machine while these run: a suite of their own keeps `npm test` short.
  browser: { browser: ["tests/browser/**/*.test.ts"] },
  load: { load: ["tests/load/**/*.test.ts"] },
} satisfies Record<string, Record<string, string[]>>;

export type SuiteName = keyof typeof SUITES;
export const isSuite = (name: string): name is SuiteName => Object.hasOwn(SUITES, name);
