// Running commands and the Firebase CLI for the start, test and bench scripts.

import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { PROJECT_ID, ROOT } from "./config";
import type { EmulatorSetup } from "./emulatorEnv";
import { ensureLocalSecrets } from "./secrets";

const FIREBASE_JS = require.resolve("firebase-tools/lib/bin/firebase.js", { paths: [ROOT] });
export const EMULATORS = "auth,firestore,functions,hosting,tasks";

/** Runs a command, inheriting stdio; resolves with its exit code. */
export function run(cmd: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function mustRun(cmd: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  const code = await run(cmd, args, options);
  if (code !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${code}`);
}

/** Builds the functions, and the web app for the local emulators (a build for a real project is
 * `npm run build`, which needs web/.env.production). */
export async function buildAll(): Promise<void> {
  await mustRun("npm", ["run", "build", "--workspace", "functions", "--silent"]);
  await mustRun("npm", ["run", "build", "--workspace", "web", "--silent", "--", "--mode", "emulators"]);
}

/** The Firebase CLI on the functions' Node (see emulatorEnv), for the demo project; the emulated
 * functions find their secrets in functions/.secret.local (written here when missing). */
export function firebase(setup: EmulatorSetup, args: string[], options: SpawnOptions = {}): ChildProcess {
  ensureLocalSecrets();
  return spawn(setup.node, [FIREBASE_JS, ...args, "--project", PROJECT_ID], { cwd: ROOT, env: setup.env, ...options });
}

const quote = (args: string[]) => args.map((a) => JSON.stringify(a)).join(" ");

/** Runs a command inside `firebase emulators:exec`, echoing its output; resolves with the exit
 * code and the output. */
export function exec(
  setup: EmulatorSetup,
  only: string,
  script: string[],
  extraEnv: NodeJS.ProcessEnv = {},
  extraArgs: string[] = [],
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // QUIET keeps warnings and errors but not a line per hosting request and function call;
    // EMULATOR_LOG=INFO brings them back.
    const verbosity = ["--log-verbosity", process.env.EMULATOR_LOG ?? "QUIET"];
    const child = firebase(
      { ...setup, env: { ...setup.env, ...extraEnv } },
      ["emulators:exec", "--only", only, ...verbosity, ...extraArgs, quote(script)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}
