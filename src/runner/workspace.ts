// A job's private workspace: a copy of the project's code plus the recorded outputs of its needs.
// Before the job starts, every code file and folder gets a marker access time; afterwards the files
// and folders whose access time moved are the ones the job read (or listed).
import { constants } from "node:fs";
import { copyFile, lstat, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CodeTree } from "./code-tree.ts";
import { listings } from "./code-tree.ts";
import { listingHash } from "./fingerprint.ts";
import { hashFile } from "./hash.ts";

/** The marker access time (2001-09-09): far older than any real read. */
const MARK_S = 1_000_000_000;
const MARK_MS = MARK_S * 1000;

export interface PreparedWorkspace {
  readonly workDir: string;
  /** Code files copied in: relative path → modification time set on the copy (ms). */
  readonly code: ReadonlyMap<string, number>;
  /** Input files copied in: relative path → sha256 and the copy's modification time (ms). */
  readonly inputs: ReadonlyMap<string, { readonly sha256: string; readonly mtimeMs: number }>;
  /** Folder listings at the start: folder → sorted names. */
  readonly listings: ReadonlyMap<string, readonly string[]>;
  readonly tracking: "atime" | "all";
}

export class MissingInputError extends Error {
  constructor(
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(`The file ${path} doesn't exist in the project folder as recorded for this job's needs`, options);
  }
}

/** Copies with a clone where the file system offers one, else a plain copy. */
async function copy(src: string, dst: string): Promise<void> {
  await copyFile(src, dst, constants.COPYFILE_FICLONE);
}

/** Makes every folder the paths need, parents first, each once. */
async function makeFolders(root: string, paths: Iterable<string>): Promise<void> {
  const dirs = new Set<string>();
  for (const path of paths) {
    for (let at = path.indexOf("/"); at >= 0; at = path.indexOf("/", at + 1)) dirs.add(path.slice(0, at));
  }
  for (const dir of [...dirs].sort())
    await mkdir(join(root, dir)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
}

async function inBatches<T>(
  items: readonly T[],
  size: number,
  each: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}

/** Whether this file system moves access times on reads of files and folders (not `noatime`). */
export async function probeReadTracking(dir: string): Promise<"atime" | "all"> {
  const probeDir = join(dir, `.probe-${process.pid}-${Date.now()}`);
  try {
    await mkdir(probeDir, { recursive: true });
    const file = join(probeDir, "probe");
    await writeFile(file, "probe");
    await utimes(file, MARK_S, MARK_S + 1);
    await utimes(probeDir, MARK_S, MARK_S + 1);
    await readFile(file);
    await readdir(probeDir);
    const [f, d] = await Promise.all([lstat(file), lstat(probeDir)]);
    return f.atimeMs !== MARK_MS && d.atimeMs !== MARK_MS ? "atime" : "all";
  } catch {
    return "all";
  } finally {
    await rm(probeDir, { recursive: true, force: true });
  }
}

export async function prepareWorkspace(options: {
  readonly projectDir: string;
  readonly workDir: string;
  readonly tree: CodeTree;
  readonly inputs: readonly string[];
  readonly tracking: "atime" | "all";
  /** Called before each input is copied, for the job's log. */
  readonly onInput?: (path: string) => void;
}): Promise<PreparedWorkspace> {
  const { workDir, tree } = options;
  // A new folder: job ids are new for each run and the run clears the work folder when it starts.
  await mkdir(workDir, { recursive: true });
  const code = new Map<string, number>();
  const inputSet = new Set(options.inputs);
  const codePaths = [...tree.files.keys()].filter((p) => !inputSet.has(p));
  await makeFolders(workDir, [...codePaths, ...options.inputs]);
  await inBatches(codePaths, 32, async (path) => {
    const src = tree.files.get(path)!;
    const dst = join(workDir, path);
    await copy(src, dst);
    const mtimeMs = tree.mtimes.get(path) ?? (await stat(src)).mtimeMs;
    // The copy keeps the source's modification time; its access time becomes the marker.
    await utimes(dst, MARK_S, mtimeMs / 1000);
    code.set(path, mtimeMs);
  });
  const inputs = new Map<string, { sha256: string; mtimeMs: number }>();
  for (const path of options.inputs) {
    options.onInput?.(path);
    const dst = join(workDir, path);
    try {
      await copy(join(options.projectDir, path), dst);
    } catch (error) {
      throw new MissingInputError(path, { cause: error });
    }
    inputs.set(path, { sha256: await hashFile(dst), mtimeMs: (await lstat(dst)).mtimeMs });
  }
  const dirListings = listings([...code.keys(), ...inputs.keys()]);
  // Deepest folders first, so that marking a folder is not undone by work in its children.
  const dirs = [...dirListings.keys()].sort((a, b) => b.split("/").length - a.split("/").length);
  for (const dir of dirs) await utimes(join(workDir, dir), MARK_S, MARK_S);
  return { workDir, code, inputs, listings: dirListings, tracking: options.tracking };
}

/**
 * What the job read: code file → sha256 of the content it saw, and folder → listing hash. A code file
 * the job changed or deleted gets a hash no file can have, so the result never counts as up to date.
 * Must run before anything else reads the workspace.
 */
export async function observeReads(ws: PreparedWorkspace): Promise<{
  reads: Record<string, string>;
  listings: Record<string, string>;
}> {
  const readFiles: string[] = [];
  const changed: string[] = [];
  const listed: string[] = [];
  await inBatches([...ws.code], 64, async ([path, mtimeMs]) => {
    const info = await lstat(join(ws.workDir, path)).catch(() => null);
    // Times go through seconds as a float on the way in: allow for rounding, not for a real change.
    if (!info || Math.abs(info.mtimeMs - mtimeMs) > 1 || !info.isFile()) changed.push(path);
    else if (ws.tracking === "all" || info.atimeMs !== MARK_MS) readFiles.push(path);
  });
  // Any job that runs code reads at least that code. Seeing no read at all means access times were
  // not kept where the job ran (a remote or virtual file system): then every file counts as read.
  const all = ws.tracking === "all" || (readFiles.length === 0 && changed.length === 0 && ws.code.size > 0);
  if (all) readFiles.splice(0, readFiles.length, ...[...ws.code.keys()].filter((p) => !changed.includes(p)));
  for (const dir of ws.listings.keys()) {
    const info = await lstat(join(ws.workDir, dir)).catch(() => null);
    if (all || !info || info.atimeMs !== MARK_MS) listed.push(dir);
  }
  const reads: Record<string, string> = {};
  await inBatches(readFiles.sort(), 32, async (path) => {
    reads[path] = await hashFile(join(ws.workDir, path));
  });
  for (const path of changed) reads[path] = "changed-by-the-job";
  const listingHashes: Record<string, string> = {};
  for (const dir of listed.sort()) listingHashes[dir] = listingHash(ws.listings.get(dir) ?? []);
  return { reads: sortKeys(reads), listings: listingHashes };
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
