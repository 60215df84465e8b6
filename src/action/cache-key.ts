// The cache key: it changes whenever a file in the project changes, except outputs and the runner's
// state (those are what the cache holds). Restoring by prefix brings back the latest state for the
// project, and the runner's fingerprints then skip every action whose inputs are unchanged.
import { createHash } from "node:crypto";
import { open, readdir, readlink } from "node:fs/promises";
import { join } from "node:path";
import picomatch from "picomatch";

export interface CacheKeyOptions {
  /** Absolute path of the project folder. */
  readonly projectDir: string;
  /** The `directory` input as given (keeps two projects in one repository apart). */
  readonly directory: string;
  /** Output patterns, relative to the project (excluded from the content hash). */
  readonly outputPatterns: readonly string[];
  readonly executor: string;
  /** Changes when the state format changes, so old caches are never read. */
  readonly version: string;
  readonly platform?: string;
  readonly arch?: string;
  /** `GITHUB_RUN_ID-GITHUB_RUN_ATTEMPT`: makes each save's key unique. */
  readonly runId: string;
}

export interface CacheKeys {
  /** The key this run saves under: `<content prefix><run id>`. Never exists before this run. */
  readonly key: string;
  /** Latest state for exactly this content first, then the latest state for this project. */
  readonly restoreKeys: readonly [string, string];
  readonly contentHash: string;
  readonly files: number;
}

/** Folders never hashed: version control and the runner's state. */
const SKIPPED_DIRS = new Set([".git"]);
const STATE_DIR = "metadata";

export async function computeCacheKeys(options: CacheKeyOptions): Promise<CacheKeys> {
  const { hash, files } = await hashProject(options.projectDir, options.outputPatterns);
  const where = createHash("sha256").update(options.directory).digest("hex").slice(0, 12);
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 40);
  const projectPrefix = [
    "trestle",
    safe(options.version),
    safe(options.platform ?? process.platform),
    safe(options.arch ?? process.arch),
    safe(options.executor),
    where,
  ].join("-");
  const contentPrefix = `${projectPrefix}-${hash}-`;
  return {
    key: `${contentPrefix}${safe(options.runId)}`,
    restoreKeys: [contentPrefix, `${projectPrefix}-`],
    contentHash: hash,
    files,
  };
}

/**
 * SHA-256 over every file's relative path and content, in sorted order, leaving out `.git`,
 * `metadata/` and files that match an output pattern. Symbolic links count by their target text.
 */
export async function hashProject(
  projectDir: string,
  outputPatterns: readonly string[],
): Promise<{ hash: string; files: number }> {
  const isOutput = outputPatterns.length === 0 ? () => false : picomatch([...outputPatterns], { dot: true });
  const entries: string[] = [];
  await walk(projectDir, "", entries, isOutput);
  entries.sort();
  const total = createHash("sha256");
  for (const entry of entries) total.update(entry);
  return { hash: total.digest("hex").slice(0, 32), files: entries.length };
}

async function walk(
  root: string,
  rel: string,
  out: string[],
  isOutput: (path: string) => boolean,
): Promise<void> {
  const dirents = await readdir(join(root, rel), { withFileTypes: true });
  for (const d of dirents) {
    const path = rel === "" ? d.name : `${rel}/${d.name}`;
    if (d.isDirectory()) {
      if (SKIPPED_DIRS.has(d.name) || path === STATE_DIR) continue;
      await walk(root, path, out, isOutput);
    } else if (isOutput(path)) {
      // Outputs are what the cache restores; hashing them would change the key on every run.
    } else if (d.isSymbolicLink()) {
      out.push(`${JSON.stringify(path)} link ${digest(await readlink(join(root, path)))}\n`);
    } else if (d.isFile()) {
      out.push(`${JSON.stringify(path)} file ${await fileDigest(join(root, path))}\n`);
    }
  }
}

/** Files above this are hashed as a stream rather than read whole (studies keep large dummy data). */
const STREAM_ABOVE_BYTES = 8 * 1024 * 1024;

async function fileDigest(path: string): Promise<string> {
  const file = await open(path, "r");
  try {
    if ((await file.stat()).size <= STREAM_ABOVE_BYTES) return digest(await file.readFile());
    const hash = createHash("sha256");
    for await (const chunk of file.createReadStream({ autoClose: false })) hash.update(chunk as Buffer);
    return hash.digest("hex");
  } finally {
    await file.close();
  }
}

function digest(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}
