// Watching the resident memory of running jobs' process groups (Linux /proc). One timer and one pass
// over /proc serve every running job, so the cost does not grow with the number of jobs; the pass is
// synchronous because /proc reads are cheap and queueing them behind the runner's file work in the
// thread pool would only delay the check.
import { readdirSync } from "node:fs";
import { procStatFields } from "../proc-stat.ts";

const INTERVAL_MS = 500;
const PAGE_SIZE = 4096;

interface Watch {
  readonly limit: number;
  readonly onOver: (bytes: number) => void;
}

const watched = new Map<number, Watch>();
let timer: NodeJS.Timeout | null = null;

/** Resident bytes per process group, for the groups asked about; null when /proc cannot be read. */
export function residentByGroup(groups: ReadonlySet<number>): Map<number, number> | null {
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return null;
  }
  const totals = new Map<number, number>();
  for (const name of names) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue;
    const fields = procStatFields(name);
    if (fields === null) continue; // The process ended while we looked.
    const group = Number(fields[2]);
    if (groups.has(group)) totals.set(group, (totals.get(group) ?? 0) + Number(fields[21]) * PAGE_SIZE);
  }
  return totals;
}

function tick(): void {
  timer = null;
  if (watched.size === 0) return;
  const totals = residentByGroup(new Set(watched.keys()));
  if (totals === null) return; // No /proc: nothing can be watched.
  for (const [group, bytes] of totals) {
    const watch = watched.get(group);
    if (watch && bytes > watch.limit) {
      watched.delete(group);
      watch.onOver(bytes);
    }
  }
  schedule();
}

function schedule(): void {
  if (timer === null && watched.size > 0) {
    timer = setTimeout(tick, INTERVAL_MS);
    timer.unref();
  }
}

/** Calls `onOver` once if the group's resident memory goes over `limit`; returns a function that stops watching. */
export function watchMemory(group: number, limit: number, onOver: (bytes: number) => void): () => void {
  if (process.platform !== "linux") return () => undefined;
  watched.set(group, { limit, onOver });
  schedule();
  return () => {
    watched.delete(group);
  };
}
