// Saving and restoring the runner's state with the Actions cache. Caching only ever saves time: when
// the service is missing or fails, the Action says so in a warning and runs without it.
import { join } from "node:path";
import type { Pipeline } from "../pipeline/index.ts";
import { LOCK_FILE, statePaths, WORK_DIR } from "../runner/index.ts";
import { type CacheKeys, computeCacheKeys } from "./cache-key.ts";
import type { ActionHost } from "./host.ts";

/** Bump when the runner's state format changes, so no run reads another format's cache. */
export const CACHE_VERSION = "v1";

export interface CachePlan {
  readonly keys: CacheKeys;
  readonly paths: string[];
  /** The key restored from, if any. */
  restored: string | undefined;
}

/** The paths and keys for a project; absolute paths, with the lock and job workspaces left out. */
export async function planCache(
  projectDir: string,
  directory: string,
  pipeline: Pipeline,
  executor: string,
  runId: string,
): Promise<CachePlan> {
  const patterns = statePaths(pipeline);
  const keys = await computeCacheKeys({
    projectDir,
    directory,
    outputPatterns: patterns.filter((p) => p !== "metadata"),
    executor,
    version: CACHE_VERSION,
    runId,
  });
  const paths = [
    ...patterns.map((p) => join(projectDir, p)),
    `!${join(projectDir, WORK_DIR)}`,
    `!${join(projectDir, LOCK_FILE)}`,
  ];
  return { keys, paths, restored: undefined };
}

export async function restoreState(host: ActionHost, plan: CachePlan): Promise<string> {
  if (!(await host.cache.available())) {
    host.warning(
      "Caching is not available here (no Actions cache service), so every action runs. Set `cache: false` to run without it and without this warning.",
    );
    return "Cache: not available here; every action ran.";
  }
  try {
    plan.restored = await host.cache.restore(plan.paths, plan.keys.key, [...plan.keys.restoreKeys]);
  } catch (error) {
    host.warning(`Could not restore the cache (${describe(error)}); every action runs.`);
    return "Cache: could not be restored; every action ran.";
  }
  if (plan.restored === undefined) {
    host.info(`No cache for this project yet (key ${plan.keys.key}).`);
    return "Cache: none yet for this project; it is saved after this run.";
  }
  const same = plan.restored.startsWith(plan.keys.restoreKeys[0]);
  host.info(
    `Restored the state of ${same ? "a run of this same commit content" : "an earlier run"} (${plan.restored}).`,
  );
  return `Cache: restored ${same ? "the state of a run with the same files" : "the state of an earlier run"}.`;
}

/** Saves unless nothing changed: no job ran and the restored state was for these very files. */
export async function saveState(host: ActionHost, plan: CachePlan, jobsRan: number): Promise<void> {
  if (!(await host.cache.available())) return;
  if (jobsRan === 0 && plan.restored?.startsWith(plan.keys.restoreKeys[0])) {
    host.info("Nothing changed since the cached state; not saving it again.");
    return;
  }
  try {
    await host.cache.save(plan.paths, plan.keys.key);
    host.info(`Saved the state for the next run (key ${plan.keys.key}).`);
  } catch (error) {
    host.warning(`Could not save the cache (${describe(error)}); the next run starts from scratch.`);
  }
}

export function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
