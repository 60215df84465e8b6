// After a job: find the files its patterns match, refuse anything unsafe, copy matched files back into
// the project (even from failed jobs, as the reference does), and remove outputs of the previous run
// that this run did not produce. Undeclared files are never copied back.
import { copyFile, lstat, realpath, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { PrivacyLevel } from "../pipeline/index.ts";
import { isInside, safeTarget, walk } from "./fs-util.ts";
import { hashFile } from "./hash.ts";
import { matchesPattern, type OutputSpec, unsafePattern } from "./patterns.ts";
import type { PreparedWorkspace } from "./workspace.ts";

export interface Refusal {
  readonly path: string;
  readonly reason: string;
}

export interface OutputScan {
  readonly matched: ReadonlyMap<string, PrivacyLevel>;
  readonly unmatchedPatterns: readonly string[];
  /** New files that no pattern matched (the "Did you mean" hint), sorted. */
  readonly unmatchedFiles: readonly string[];
  readonly refused: readonly Refusal[];
}

export async function scanOutputs(ws: PreparedWorkspace, spec: readonly OutputSpec[]): Promise<OutputScan> {
  const entries = await walk(ws.workDir);
  const candidates: { path: string; kind: string }[] = [];
  for (const entry of entries) {
    if (entry.kind === "dir") continue;
    if (ws.code.has(entry.path)) continue;
    const input = ws.inputs.get(entry.path);
    if (input) {
      // An input the job left alone is not its output, even when a pattern matches it.
      const info = await lstat(join(ws.workDir, entry.path)).catch(() => null);
      if (info && info.mtimeMs === input.mtimeMs) continue;
    }
    candidates.push(entry);
  }
  const matched = new Map<string, PrivacyLevel>();
  const refused: Refusal[] = [];
  const unmatchedPatterns: string[] = [];
  const matchedAny = new Set<string>();
  for (const { pattern, privacy } of spec) {
    const unsafe = unsafePattern(pattern);
    if (unsafe) {
      refused.push({ path: pattern, reason: `pattern refused: ${unsafe}` });
      continue;
    }
    let found = false;
    for (const candidate of candidates) {
      if (!matchesPattern(pattern, candidate.path)) continue;
      matchedAny.add(candidate.path);
      if (candidate.kind === "file") {
        matched.set(candidate.path, privacy);
        found = true;
      } else if (candidate.kind === "symlink") {
        refused.push({ path: candidate.path, reason: await describeLink(ws.workDir, candidate.path) });
      } else {
        refused.push({ path: candidate.path, reason: "not a regular file" });
      }
    }
    if (!found) unmatchedPatterns.push(pattern);
  }
  const unmatchedFiles = candidates
    .filter((c) => !matchedAny.has(c.path))
    .map((c) => c.path)
    .sort();
  return { matched, unmatchedPatterns, unmatchedFiles, refused: dedupe(refused) };
}

async function describeLink(workDir: string, path: string): Promise<string> {
  const target = await realpath(join(workDir, path)).catch(() => null);
  const root = await realpath(workDir);
  if (target === null || !isInside(root, target)) return "a symbolic link to a place outside the workspace";
  return "a symbolic link (outputs must be regular files)";
}

function dedupe(refusals: Refusal[]): Refusal[] {
  const seen = new Set<string>();
  return refusals.filter((r) => {
    if (seen.has(r.path)) return false;
    seen.add(r.path);
    return true;
  });
}

export interface PersistedOutput {
  readonly path: string;
  readonly privacy: PrivacyLevel;
  readonly size: number;
  readonly sha256: string;
  /** Seconds since the epoch, with a fraction, of the project copy. */
  readonly mtime: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** Copies matched files into the project folder; each lands whole (temp file, then rename). */
export async function persistOutputs(
  ws: PreparedWorkspace,
  projectDir: string,
  matched: ReadonlyMap<string, PrivacyLevel>,
  onFile?: (path: string) => void,
): Promise<{ persisted: PersistedOutput[]; refused: Refusal[] }> {
  const persisted: PersistedOutput[] = [];
  const refused: Refusal[] = [];
  for (const [path, privacy] of [...matched].sort(([a], [b]) => (a < b ? -1 : 1))) {
    onFile?.(path);
    const target = await safeTarget(projectDir, path);
    if (target === null) {
      refused.push({ path, reason: "its place in the project folder leads outside it" });
      continue;
    }
    const source = join(ws.workDir, path);
    const temp = `${target}.trestle-${process.pid}.tmp`;
    await copyFile(source, temp);
    await rename(temp, target);
    const info = await lstat(target);
    persisted.push({
      path,
      privacy,
      size: info.size,
      sha256: await hashFile(target),
      mtime: info.mtimeMs / 1000,
      mtimeMs: info.mtimeMs,
      ino: info.ino,
    });
  }
  return { persisted, refused };
}

/**
 * Deletes files recorded for the previous run of the action that this run did not produce (compared
 * without regard to case, as the reference does). Only regular files inside the project are removed.
 */
export async function removeObsolete(
  projectDir: string,
  previous: readonly string[],
  current: readonly string[],
): Promise<string[]> {
  const keep = new Set(current.map((p) => p.toLowerCase()));
  const removed: string[] = [];
  const root = await realpath(projectDir);
  for (const path of previous) {
    if (keep.has(path.toLowerCase()) || unsafePattern(path)) continue;
    const abs = join(root, path);
    const info = await lstat(abs).catch(() => null);
    if (!info || !(info.isFile() || info.isSymbolicLink())) continue;
    const parent = await realpath(join(abs, "..")).catch(() => null);
    if (parent === null || !isInside(root, parent)) continue;
    await rm(abs, { force: true });
    removed.push(path);
  }
  return removed;
}
