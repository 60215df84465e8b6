// Job workspaces left by a run that crashed are of no use to anyone, but a job process of that run
// may outlive it and still be writing in one (a killed backend does not take its jobs' process
// groups with it). Removing the folder in place could then fail halfway ("directory not empty") and
// stop the new run. So the folder is first renamed aside, which is atomic and leaves the new run an
// empty place; what is moved aside is removed as well as it can be, now and on later runs.
import { readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

const STALE_SUFFIX = ".stale-";

export async function discardStaleWork(workDir: string): Promise<void> {
  const parent = dirname(workDir);
  const stale = `${basename(workDir)}${STALE_SUFFIX}`;
  try {
    await rename(workDir, join(parent, `${stale}${process.pid}-${Date.now()}`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const entries = await readdir(parent).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => name.startsWith(stale))
      .map((name) =>
        // A process still writing there can make this fail; the next run tries again.
        rm(join(parent, name), { recursive: true, force: true, maxRetries: 2, retryDelay: 50 }).catch(
          () => undefined,
        ),
      ),
  );
}
