// One run per project folder at a time. The lock file holds the owner's pid; a lock whose process is
// gone was left by a crash and is taken over.
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { LOCK_FILE, STATE_DIR } from "./paths.ts";
import { processAlive } from "./process-alive.ts";

export type LockResult =
  | { readonly ok: true; release: () => Promise<void> }
  | { readonly ok: false; readonly pid: number };

// Runs in this process: the pid alone cannot tell two of them apart.
const heldHere = new Set<string>();

export async function acquireLock(projectDir: string): Promise<LockResult> {
  const path = join(projectDir, LOCK_FILE);
  if (heldHere.has(path)) return { ok: false, pid: process.pid };
  await mkdir(join(projectDir, STATE_DIR), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      heldHere.add(path);
      return {
        ok: true,
        release: async () => {
          heldHere.delete(path);
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const pid = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid))
      return { ok: false, pid };
    // Left by a run that is gone (or unreadable): take it over.
    await rm(path, { force: true });
  }
  return { ok: false, pid: 0 };
}
