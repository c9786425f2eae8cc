// The machine's CPU time over a round, by who spent it (read from /proc: Linux only, empty
// elsewhere): the Firestore emulator, the functions' workers, the emulator hub (the Functions,
// Auth, Cloud Tasks and Eventarc emulators in the firebase-tools process), the bench's own clients,
// and the rest. Divided by what the round completed, it says what one order or ping costs the
// machine, which is what bounds a round's rate when every process shares its cores.

import { readdirSync, readFileSync } from "node:fs";

export const CPU_GROUPS = ["firestore emulator", "function workers", "emulator hub", "bench clients", "other"] as const;
export type CpuGroup = (typeof CPU_GROUPS)[number];
export type CpuMs = Record<CpuGroup, number>;

/** Linux's clock ticks per second (USER_HZ), as /proc counts CPU time. */
const TICK_MS = 10;

type Snapshot = Map<number, { group: CpuGroup; ticks: number }>;

function groupOf(pid: number, cmdline: string): CpuGroup {
  if (pid === process.pid) return "bench clients";
  if (/java/.test(cmdline) && /firestore/i.test(cmdline)) return "firestore emulator";
  if (/functionsEmulatorRuntime/.test(cmdline)) return "function workers";
  if (/firebase-tools|firebase emulators/.test(cmdline)) return "emulator hub";
  return "other";
}

export function cpuSnapshot(): Snapshot {
  const out: Snapshot = new Map();
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return out;
  }
  for (const p of pids) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      // Fields after the command's name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      const cmdline = readFileSync(`/proc/${p}/cmdline`, "utf8").replace(/\0/g, " ");
      out.set(Number(p), { group: groupOf(Number(p), cmdline), ticks });
    } catch {
      // The process ended meanwhile.
    }
  }
  return out;
}

/** CPU ms each group spent between two snapshots (a process started in between counts whole; one
 * that ended in between is lost). */
export function cpuBetween(a: Snapshot, b: Snapshot): CpuMs {
  const ms = Object.fromEntries(CPU_GROUPS.map((g) => [g, 0])) as CpuMs;
  for (const [pid, { group, ticks }] of b) ms[group] += (ticks - (a.get(pid)?.ticks ?? 0)) * TICK_MS;
  return ms;
}
