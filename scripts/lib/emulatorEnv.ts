// Finds what the Firebase emulators need on this machine and returns how to run firebase-tools:
// - the Node.js major that Cloud Functions deploys (firebase.json functions[].runtime), so the
//   emulated functions run on the same runtime as production (see functionsNode below);
// - a JDK >= 21 first on PATH;
// - the Firestore emulator jar, either the Google Cloud SDK's (through a launcher jar, because the
//   SDK's jar has no Main-Class) or the one firebase-tools downloads itself when it has internet.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { FIREBASE_JSON, ROOT } from "./config";

const MIN_JAVA = 21;
const FIRESTORE_MAIN = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";

export class MissingPrerequisite extends Error {}

/** `java -version` prints to stderr on most JDKs; read both streams. */
function javaVersionOf(javaBin: string): number | null {
  const res = spawnSync(javaBin, ["-version"], { encoding: "utf8" });
  return res.error ? null : parseJavaVersion(`${res.stdout ?? ""}${res.stderr ?? ""}`);
}

export function parseJavaVersion(text: string): number | null {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (!m) return null;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
}

function jdkCandidates(): string[] {
  const homes: string[] = [];
  if (process.env.JAVA_HOME) homes.push(process.env.JAVA_HOME);
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, "java"))) homes.push(resolve(dir, ".."));
  }
  for (const base of [
    "/usr/lib/jvm",
    "/Library/Java/JavaVirtualMachines",
    join(homedir(), ".sdkman/candidates/java"),
  ]) {
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort().reverse()) {
      const home = join(base, name);
      homes.push(existsSync(join(home, "Contents/Home")) ? join(home, "Contents/Home") : home);
    }
  }
  return [...new Set(homes)];
}

/** The home of the first JDK (or JRE) whose java is version 21 or newer. */
export function findJava(): { home: string; version: number } {
  const seen: string[] = [];
  for (const home of jdkCandidates()) {
    const bin = join(home, "bin", "java");
    if (!existsSync(bin)) continue;
    const version = javaVersionOf(bin);
    if (version === null) continue;
    if (version >= MIN_JAVA) return { home, version };
    seen.push(`${version} at ${home}`);
  }
  throw new MissingPrerequisite(
    `No Java ${MIN_JAVA}+ found (firebase-tools needs it for the Firestore emulator)` +
      (seen.length ? `; found only Java ${seen.join(", ")}` : "") +
      `. Install a JDK >= ${MIN_JAVA} or set JAVA_HOME to one.`,
  );
}

function cloudSdkFirestoreJar(): string | null {
  const roots = [
    process.env.CLOUDSDK_ROOT_DIR,
    "/usr/lib/google-cloud-sdk",
    "/usr/share/google-cloud-sdk",
    "/opt/google-cloud-sdk",
    "/usr/local/google-cloud-sdk",
    join(homedir(), "google-cloud-sdk"),
  ];
  for (const root of roots) {
    if (!root) continue;
    const jar = join(root, "platform/cloud-firestore-emulator/cloud-firestore-emulator.jar");
    if (existsSync(jar)) return jar;
  }
  return null;
}

/** A jar holding only a manifest that points java at the Cloud SDK's emulator classes. */
function launcherFor(sdkJar: string, javaHome: string): string {
  const dir = join(ROOT, ".emulators");
  const launcher = join(dir, "firestore-launcher.jar");
  const manifestPath = join(dir, "firestore-launcher.mf");
  const manifest = `Main-Class: ${FIRESTORE_MAIN}\nClass-Path: file:${sdkJar}\n`;
  const current = existsSync(manifestPath) ? readFileSync(manifestPath, "utf8") : "";
  if (current !== manifest || !existsSync(launcher)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(manifestPath, manifest);
    const jarTool = join(javaHome, "bin", "jar");
    if (!existsSync(jarTool)) {
      throw new MissingPrerequisite(
        `The JDK at ${javaHome} has no 'jar' tool to build the Firestore emulator launcher; install a full JDK >= ${MIN_JAVA}.`,
      );
    }
    execFileSync(jarTool, ["cfm", launcher, manifestPath], { cwd: dir, stdio: "inherit" });
  }
  return launcher;
}

function downloadedFirestoreJar(): string | null {
  const cache = join(homedir(), ".cache/firebase/emulators");
  if (!existsSync(cache)) return null;
  const jar = readdirSync(cache).find((f) => /^cloud-firestore-emulator-v.*\.jar$/.test(f));
  return jar ? join(cache, jar) : null;
}

async function canDownload(): Promise<boolean> {
  try {
    const res = await fetch("https://storage.googleapis.com/", { method: "HEAD", signal: AbortSignal.timeout(5000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

/** The Node.js major Cloud Functions runs the functions on: firebase.json functions[].runtime. */
export function functionsRuntimeMajor(): number {
  const runtime = FIREBASE_JSON.functions[0]?.runtime ?? "";
  const major = Number(/^nodejs(\d+)$/.exec(runtime)?.[1]);
  if (!Number.isInteger(major))
    throw new Error(`firebase.json functions[0].runtime must be nodejsNN, not "${runtime}"`);
  return major;
}

const nodeMajor = (version: string) => Number(version.replace(/^v/, "").split(".")[0]);

/**
 * The Node.js binary to run firebase-tools with. The Functions emulator runs the functions on the
 * Node that runs firebase-tools when its major matches engines.node ("Using node@24 from host").
 * firebase-tools 15 also looks for functions/node_modules/node, but that look-up never matches
 * (findModuleVersion stops at the node_modules folder), so instead firebase-tools itself runs on
 * the right Node: this host's when it matches, otherwise the one tools/functions-node installs
 * from the npm registry (the root postinstall). Only firebase-tools runs on it; scripts, tests and
 * the web build keep the host's Node.
 */
export function functionsNode(): { bin: string; version: string; source: string } {
  const want = functionsRuntimeMajor();
  if (nodeMajor(process.version) === want) return { bin: process.execPath, version: process.version, source: "host" };
  const exe = process.platform === "win32" ? "node.exe" : "node";
  const pkg = join(
    ROOT,
    "tools",
    "functions-node",
    "node_modules",
    `node-${process.platform === "win32" ? "win" : process.platform}-${process.arch}`,
  );
  const bin = join(pkg, "bin", exe);
  if (existsSync(bin)) {
    const version = spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout?.trim() ?? "";
    if (nodeMajor(version) === want) return { bin, version, source: "tools/functions-node" };
  }
  throw new MissingPrerequisite(
    `The functions run on Node ${want} (firebase.json functions[].runtime); this host has ${process.version} and ` +
      `tools/functions-node has no Node ${want} for ${process.platform}-${process.arch}. Run \`npm ci\` (its postinstall ` +
      `installs it from the npm registry), or use Node ${want} on this machine.`,
  );
}

export interface EmulatorSetup {
  env: NodeJS.ProcessEnv;
  /** The Node.js binary firebase-tools runs on (so the emulated functions use it too). */
  node: string;
  describe: string;
}

export async function emulatorEnv(): Promise<EmulatorSetup> {
  const node = functionsNode();
  const java = findJava();
  // firebase-tools finds a running suite through a file named for the project in the temporary
  // folder: each checkout gets a folder of its own, so that two checkouts' suites (on their own
  // ports) never export or import each other's data.
  const tmp = join(ROOT, ".emulators", "tmp");
  mkdirSync(tmp, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TMPDIR: tmp,
    // Scripts and tests run against the emulators only: never probe for Google's metadata server.
    METADATA_SERVER_DETECTION: "none",
    // The Functions emulator reads the functions' definitions again whenever triggers are switched
    // back on (the tests' lost events); on a busy machine that took longer than its 10 s default,
    // and a suite without triggers runs nothing at all.
    FUNCTIONS_DISCOVERY_TIMEOUT: process.env.FUNCTIONS_DISCOVERY_TIMEOUT ?? "60",
    JAVA_HOME: java.home,
    PATH: `${join(java.home, "bin")}${delimiter}${process.env.PATH ?? ""}`,
  };
  let firestore: string;
  const preset = process.env.FIRESTORE_EMULATOR_BINARY_PATH;
  const sdkJar = cloudSdkFirestoreJar();
  if (preset && existsSync(preset)) {
    firestore = `FIRESTORE_EMULATOR_BINARY_PATH=${preset}`;
  } else if (sdkJar) {
    env.FIRESTORE_EMULATOR_BINARY_PATH = launcherFor(sdkJar, java.home);
    firestore = `Cloud SDK jar ${sdkJar}`;
  } else if (downloadedFirestoreJar()) {
    firestore = `firebase-tools' jar ${downloadedFirestoreJar()}`;
  } else if (await canDownload()) {
    firestore = "firebase-tools will download its jar";
  } else {
    throw new MissingPrerequisite(
      "No Firestore emulator: the Google Cloud SDK's jar is not installed (package google-cloud-cli-firestore-emulator) " +
        "and firebase-tools cannot download its own (no network).",
    );
  }
  return {
    env,
    node: node.bin,
    describe: `functions on Node ${node.version} (${node.source}); Java ${java.version} (${java.home}); Firestore emulator: ${firestore}`,
  };
}
