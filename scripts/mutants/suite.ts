// The rules tests as one mocha instance that runs again and again in this process: the whole
// suite, or only the tests named, stopping at the first failure. The first run can record, per
// test, which expressions of the rules its requests evaluated.

import Mocha from "mocha";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { closeRulesEnv, markDirty, useLoadedRules } from "../../tests/support/rulesEnv";
import { ROOT } from "../lib/config";
import { evaluatedRanges, loadRules } from "./emulator";

export interface RunOutcome {
  passed: number;
  failure?: { test: string; message: string; inHook: boolean };
}

let outcome: RunOutcome = { passed: 0 };

/** A mocha reporter that prints nothing and keeps the first failure. */
class Collector {
  constructor(runner: Mocha.Runner) {
    runner.on("pass", () => outcome.passed++);
    runner.on("fail", (test, err: Error) => {
      outcome.failure ??= {
        test: test.fullTitle(),
        message: String(err?.message ?? err)
          .split("\n")[0]
          .slice(0, 300),
        inHook: (test as { type?: string }).type === "hook",
      };
    });
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export class RulesSuite {
  /** Set while a run records coverage: the rules to reload before each test, and what each test evaluated. */
  private recording: { rules: string; ranges: Map<string, [number, number][]> } | null = null;

  private constructor(private readonly mocha: Mocha) {}

  static async load(): Promise<RulesSuite> {
    useLoadedRules();
    const mocha = new Mocha({ timeout: 30_000, bail: true, reporter: Collector as unknown as string });
    mocha.cleanReferencesAfterRun(false);
    const dir = join(ROOT, "tests", "rules");
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith(".test.ts"))
      .sort())
      mocha.addFile(join(dir, f));
    const suite = new RulesSuite(mocha);
    // Loading the rules again resets the emulator's coverage, so each test's is its own.
    mocha.rootHooks({
      beforeEach: async () => {
        if (suite.recording) await loadRules(suite.recording.rules);
      },
      afterEach: async function (this: Mocha.Context) {
        const rec = suite.recording;
        if (!rec) return;
        const title = this.currentTest!.fullTitle();
        const seen = new Map((rec.ranges.get(title) ?? []).map((r) => [r.join(":"), r]));
        for (const r of await evaluatedRanges()) seen.set(r.join(":"), r);
        rec.ranges.set(title, [...seen.values()]);
      },
    });
    await mocha.loadFilesAsync();
    return suite;
  }

  /** Runs the tests (those named in `only`, or all), stopping at the first failure. */
  async run(only?: string[]): Promise<RunOutcome> {
    outcome = { passed: 0 };
    markDirty(); // a write the last mutant let through may have changed the fixtures
    this.mocha.options.grep = only ? new RegExp(`^(?:${only.map(escape).join("|")})$`) : undefined;
    await new Promise<void>((resolve) => this.mocha.run(() => resolve()));
    await closeRulesEnv();
    return outcome;
  }

  /** Runs every test against `rules`, recording what each one evaluated. */
  async record(rules: string): Promise<{ outcome: RunOutcome; ranges: Map<string, [number, number][]> }> {
    this.recording = { rules, ranges: new Map() };
    try {
      return { outcome: await this.run(), ranges: this.recording.ranges };
    } finally {
      this.recording = null;
    }
  }
}
