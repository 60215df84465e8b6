// One backend process per data folder: two would run the same jobs twice. The lock file holds the
// owner's pid; a lock whose process is gone (killed, crashed) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { processAlive } from "../runner/index.ts";

export type LockResult =
  | { readonly ok: true; readonly release: () => void }
  | { readonly ok: false; readonly message: string };

/** Locks this process holds. A lock file with our own pid that is not here is stale (pid 1 in containers). */
const held = new Set<string>();

export function lockDataDir(dataDir: string): LockResult {
  const path = join(dataDir, "backend.lock");
  if (held.has(path)) return { ok: false, message: `another backend in this process is using ${dataDir}` };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      return {
        ok: true,
        release: () => {
          held.delete(path);
          try {
            if (readFileSync(path, "utf8").trim() === String(process.pid)) rmSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
        return { ok: false, message: `cannot lock ${dataDir}: ${(error as Error).message}` };
      }
      let owner = Number.NaN;
      try {
        owner = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
      } catch {
        // Removed between our open and read: try again.
      }
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) {
        return { ok: false, message: `another backend (pid ${owner}) is using ${dataDir}` };
      }
      rmSync(path, { force: true });
    }
  }
  return { ok: false, message: `cannot lock ${dataDir}` };
}
