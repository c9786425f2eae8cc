// Small helpers shared by the start, test and bench scripts.

import { spawn, type SpawnOptions } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ID, ROOT } from "./emulatorEnv";

export const FIREBASE_BIN = join(ROOT, "node_modules", ".bin", "firebase");
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

export async function buildAll(): Promise<void> {
  await mustRun("npm", ["run", "build", "--workspaces", "--silent"]);
}

const quote = (args: string[]) => args.map((a) => JSON.stringify(a)).join(" ");

/** Runs a command inside `firebase emulators:exec`, echoing its output; resolves with the exit
 * code and the output. */
export function exec(only: string, script: string[], env: NodeJS.ProcessEnv, extra: string[] = []): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // QUIET keeps warnings and errors but not a line per hosting request and function call;
    // EMULATOR_LOG=INFO brings them back.
    const verbosity = ["--log-verbosity", process.env.EMULATOR_LOG ?? "QUIET"];
    const child = spawn(FIREBASE_BIN, ["emulators:exec", "--project", PROJECT_ID, "--only", only, ...verbosity, ...extra, quote(script)], {
      cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}
