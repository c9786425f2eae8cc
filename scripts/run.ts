// Small helpers shared by the start, test and bench scripts.

import { spawn, type SpawnOptions } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./emulatorEnv";

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
