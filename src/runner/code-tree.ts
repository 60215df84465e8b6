// The project's code as a job sees it: every file except `.git`, `metadata` and anything matching
// any action's output pattern (spec/local-run.md §2.5). Scanned once per run.
import { realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Pipeline } from "../pipeline/index.ts";
import { isInside, walk } from "./fs-util.ts";
import { allOutputPatterns, patternMatcher } from "./patterns.ts";

export interface CodeTree {
  /** The project folder, resolved. */
  readonly root: string;
  /** Relative path → absolute file to copy (a symbolic link inside the project is followed). */
  readonly files: ReadonlyMap<string, string>;
  /** Relative path → modification time (ms) when scanned, which the job's copy keeps. */
  readonly mtimes: ReadonlyMap<string, number>;
  /** Files left out because they are links to places outside the project. */
  readonly skipped: readonly string[];
}

const EXCLUDED_TOP = new Set([".git", "metadata"]);

export async function scanCodeTree(projectDir: string, pipeline: Pipeline): Promise<CodeTree> {
  const root = await realpath(projectDir);
  const isOutput = patternMatcher(allOutputPatterns(pipeline.actions.values()));
  const entries = await walk(root, (path) => EXCLUDED_TOP.has(path) || isOutput(path));
  const files = new Map<string, string>();
  const mtimes = new Map<string, number>();
  const skipped: string[] = [];
  await Promise.all(
    entries.map(async (entry) => {
      if (entry.kind !== "file" && entry.kind !== "symlink") return;
      const abs = join(root, entry.path);
      const target = entry.kind === "file" ? abs : await realpath(abs).catch(() => null);
      const info = target ? await stat(target).catch(() => null) : null;
      if (target && info?.isFile() && isInside(root, target)) {
        files.set(entry.path, target);
        mtimes.set(entry.path, info.mtimeMs);
      } else if (entry.kind === "symlink") skipped.push(entry.path);
    }),
  );
  // Sorted, so that everything derived from the tree is in a stable order.
  const sorted = new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { root, files: sorted, mtimes, skipped: skipped.sort() };
}

/**
 * The listing of every folder a workspace holding exactly `paths` would have: folder ("" for the
 * root) → sorted names of its files and sub-folders.
 */
export function listings(paths: Iterable<string>): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  const add = (dir: string, name: string) => {
    const names = sets.get(dir);
    if (names) names.add(name);
    else sets.set(dir, new Set([name]));
  };
  for (const path of paths) {
    const parts = path.split("/");
    for (let i = 0; i < parts.length; i++) add(parts.slice(0, i).join("/"), parts[i]!);
  }
  const result = new Map<string, string[]>();
  for (const [dir, names] of sets) result.set(dir, [...names].sort());
  if (!result.has("")) result.set("", []);
  return result;
}
