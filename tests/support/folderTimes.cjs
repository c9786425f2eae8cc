// Mocha's spec reporter, plus the wall time each test folder took (its top-level suites, hooks
// included), printed as `folder <name> <ms>` lines for scripts/test.ts to collect, and each file's (slowest first).
const Mocha = require("mocha");
const { relative, sep } = require("node:path");

const { EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_RUN_END } = Mocha.Runner.constants;

class FolderTimes extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const started = new Map();
    const totals = new Map();
    const files = new Map();
    const folderOf = (suite) => relative(process.cwd(), suite.file).split(sep).slice(0, 2).join("/");
    runner.on(EVENT_SUITE_BEGIN, (suite) => {
      if (suite.file && suite.parent && suite.parent.root) started.set(suite, Date.now());
    });
    runner.on(EVENT_SUITE_END, (suite) => {
      const t0 = started.get(suite);
      if (t0 === undefined) return;
      const folder = folderOf(suite);
      totals.set(folder, (totals.get(folder) ?? 0) + Date.now() - t0);
      files.set(suite.file, (files.get(suite.file) ?? 0) + Date.now() - t0);
    });
    runner.once(EVENT_RUN_END, () => {
      for (const [folder, ms] of [...totals].sort()) console.log(`folder ${folder} ${ms} ms`);
      for (const [file, ms] of [...files].sort((a, b) => b[1] - a[1]))
        console.log(`file ${relative(process.cwd(), file)} ${(ms / 1000).toFixed(0)} s`);
    });
  }
}

module.exports = FolderTimes;
