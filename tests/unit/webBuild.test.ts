// The web build talks to the emulators only when asked to (`--mode emulators`, or `vite` in dev):
// a build for a project without the project's config stops with one clear line, and a build with
// it holds nothing of the emulators.

import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../scripts/lib/config";

const CONFIG = {
  VITE_FIREBASE_PROJECT_ID: "dishpatch-prod-check",
  VITE_FIREBASE_API_KEY: "AIzaSyTestKeyForTheBuildCheck0000000000",
  VITE_FIREBASE_AUTH_DOMAIN: "dishpatch-prod-check.firebaseapp.com",
  VITE_FIREBASE_APP_ID: "1:111111111111:web:1111111111111111111111",
  VITE_FIREBASE_MESSAGING_SENDER_ID: "111111111111",
};

/** `vite build` in a mode of its own (so that no developer's web/.env.production is read). */
function viteBuild(env: Record<string, string>, outDir: string) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITE_FIREBASE_")));
  return spawnSync(join(ROOT, "node_modules", ".bin", "vite"), ["build", "--mode", "buildcheck", "--outDir", outDir], {
    cwd: join(ROOT, "web"),
    env: { ...clean, ...env },
    encoding: "utf8",
  });
}

describe("the web build", function () {
  this.timeout(180_000);
  const out = mkdtempSync(join(tmpdir(), "dishpatch-web-"));
  after(() => rmSync(out, { recursive: true, force: true }));

  it("refuses to build for a project without its config, saying which values are missing", () => {
    const run = viteBuild({}, join(out, "none"));
    assert.notEqual(run.status, 0);
    assert.match(run.stderr + run.stdout, /VITE_FIREBASE_PROJECT_ID, .*missing: fill in web\/\.env\.production/);
  });

  it("builds for a project with its config, holding nothing of the emulators", () => {
    const dir = join(out, "project");
    const run = viteBuild(CONFIG, dir);
    assert.equal(run.status, 0, run.stderr);
    const html = readFileSync(join(dir, "index.html"), "utf8");
    assert.match(html, /<link rel="preconnect" href="https:\/\/firestore\.googleapis\.com"/);
    const js = readdirSync(join(dir, "assets"))
      .filter((f) => f.endsWith(".js"))
      .map((f) => readFileSync(join(dir, "assets", f), "utf8"))
      .join("\n");
    assert.ok(js.includes(CONFIG.VITE_FIREBASE_PROJECT_ID), "the project's id is in the app");
    assert.ok(!js.includes("demo-key"), "no demo key");
    assert.ok(!html.includes("location.hostname"), "no preconnect to an emulator on the page's host");
  });
});
