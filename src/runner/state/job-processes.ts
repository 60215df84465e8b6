// Job processes run in process groups of their own, so a run that is killed (a backend stopped with
// SIGKILL, a machine out of memory) does not take them with it: they would go on computing, and
// writing, beside the run that starts the same jobs again. Each job's group is noted here while it
// runs, and the next run stops whatever of a dead run's groups is still there.
//
// A pid alone may by then belong to another process, so each note holds what identifies the process
// (see processIdentity), and a group is stopped only when its leader is still that process. Where
// there is no /proc, nothing is noted and nothing is stopped.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { procStatFields } from "../proc-stat.ts";
import { STATE_DIR } from "./paths.ts";

const PROCESSES_DIR = `${STATE_DIR}/processes`;

/**
 * What tells a process apart from any other, ever, on this machine: the boot's id and the process's
 * start time in clock ticks since boot (field 22 of /proc/PID/stat); null without /proc. The boot id
 * matters because `metadata/` travels: a CI cache restores it on another machine.
 */
function processIdentity(pid: number): string | null {
  const started = procStatFields(pid)?.[19];
  const boot = bootId();
  return started === undefined || boot === null ? null : `${boot} ${started}`;
}

// Read once: it cannot change while this process runs, and jobs start often.
let boot: string | null | undefined;
function bootId(): string | null {
  if (boot === undefined) {
    try {
      boot = readFileSync("/proc/sys/kernel/random/boot_id", "latin1").trim();
    } catch {
      boot = null;
    }
  }
  return boot;
}

/** Notes a job's process group (its leader's pid) as running for this project. */
export function noteJobProcess(projectDir: string, pid: number): void {
  const identity = processIdentity(pid);
  if (identity === null) return;
  const dir = join(projectDir, PROCESSES_DIR);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, String(pid)), `${identity}\n`);
}

/** Forgets a job's process group once it has ended. */
export function forgetJobProcess(projectDir: string, pid: number): void {
  rmSync(join(projectDir, PROCESSES_DIR, String(pid)), { force: true });
}

/**
 * Stops (SIGKILL) the process groups that a run, now gone, left running; called with the project's
 * lock held, so every note is a dead run's.
 */
export async function stopLeftoverJobs(projectDir: string): Promise<void> {
  const dir = join(projectDir, PROCESSES_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(name);
    const noted = (await readFile(join(dir, name), "utf8").catch(() => "")).trim();
    if (Number.isInteger(pid) && pid > 1 && noted !== "" && processIdentity(pid) === noted) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // Gone in the meantime, or no longer ours to stop.
      }
    }
    await rm(join(dir, name), { force: true });
  }
}
