// A cache of study repositories (bare clones under the data folder). Create requests fetch a commit
// into it and read project.yaml; the agent checks commits out of it into workspace folders.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { lastLine, runGit } from "./git-process.ts";

export type RepoResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

export interface RepoPolicy {
  /** URL prefixes a request may name; empty allows every http(s) and file URL. */
  readonly allowedPrefixes: readonly string[];
  /** When true the commit need not be on the branch (pull-request heads are on no branch). */
  readonly allowAnyCommit: boolean;
  readonly timeoutMs: number;
}

const SCHEMES = new Set(["https:", "http:", "file:"]);

/** Null when the URL may be fetched, else the message for "Error creating jobs". */
export function checkRepoUrl(url: string, policy: RepoPolicy): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `Repository URL ${url} is not a valid URL`;
  }
  if (!SCHEMES.has(parsed.protocol))
    return `Repository URL ${url} must start with https://, http:// or file://`;
  // Credentials in a URL would end up in logs and in the database; they have no place here.
  if (parsed.username !== "" || parsed.password !== "") return "Repository URLs must not contain credentials";
  if ([...url].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    return "Repository URL contains control characters";
  }
  if (policy.allowedPrefixes.length > 0 && !policy.allowedPrefixes.some((p) => url.startsWith(p))) {
    return `Repository ${url} is not allowed on this backend`;
  }
  return null;
}

export class RepoCache {
  readonly #root: string;
  readonly #timeoutMs: number;
  /** One git operation at a time per repository: fetches into the same clone would race on refs. */
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(root: string, timeoutMs: number) {
    this.#root = root;
    this.#timeoutMs = timeoutMs;
    mkdirSync(root, { recursive: true });
  }

  gitDir(url: string): string {
    const key = createHash("sha256").update(url, "utf8").digest("hex").slice(0, 32);
    return join(this.#root, `${key}.git`);
  }

  #git(url: string, args: readonly string[], maxOutputBytes?: number) {
    return runGit(["--git-dir", this.gitDir(url), ...args], {
      timeoutMs: this.#timeoutMs,
      ...(maxOutputBytes === undefined ? {} : { maxOutputBytes }),
    });
  }

  #serial<T>(url: string, work: () => Promise<T>): Promise<T> {
    const key = this.gitDir(url);
    const previous = this.#queues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.#queues.set(key, settled);
    void settled.then(() => {
      if (this.#queues.get(key) === settled) this.#queues.delete(key);
    });
    return next;
  }

  async #ensure(url: string): Promise<RepoResult<null>> {
    const dir = this.gitDir(url);
    if (existsSync(join(dir, "HEAD"))) return { ok: true, value: null };
    const init = await runGit(["init", "--quiet", "--bare", dir], { timeoutMs: this.#timeoutMs });
    if (init.code !== 0) return { ok: false, message: `Could not prepare a clone: ${lastLine(init.stderr)}` };
    return { ok: true, value: null };
  }

  async #hasCommit(url: string, commit: string): Promise<boolean> {
    return (await this.#git(url, ["cat-file", "-e", `${commit}^{commit}`])).code === 0;
  }

  async #fetch(url: string, refspecs: readonly string[]): Promise<{ ok: boolean; stderr: string }> {
    const run = await this.#git(url, ["fetch", "--quiet", "--no-tags", "--force", "--", url, ...refspecs]);
    const stderr = run.timedOut ? "git fetch timed out" : run.stderr;
    return { ok: run.code === 0, stderr };
  }

  /**
   * Makes `commit` available locally and, unless `branch` is null, checks that it is reachable from
   * `refs/heads/<branch>` on the remote (job-runner's `validate_branch_and_commit`).
   */
  fetchCommit(url: string, commit: string, branch: string | null): Promise<RepoResult<null>> {
    return this.#serial(url, async () => {
      const ready = await this.#ensure(url);
      if (!ready.ok) return ready;
      if (branch !== null) return this.#fetchOnBranch(url, commit, branch);
      if (await this.#hasCommit(url, commit)) return { ok: true, value: null };
      // Servers that allow fetching by sha (file://, GitHub) give it directly; otherwise look in the
      // branches and pull-request heads.
      const direct = await this.#fetch(url, [commit]);
      if (!direct.ok || !(await this.#hasCommit(url, commit))) {
        const all = await this.#fetch(url, [
          "+refs/heads/*:refs/heads/*",
          "+refs/pull/*/head:refs/pull/*/head",
        ]);
        if (!all.ok && !direct.ok)
          return { ok: false, message: `Could not fetch ${url}: ${lastLine(all.stderr)}` };
      }
      if (await this.#hasCommit(url, commit)) return { ok: true, value: null };
      return { ok: false, message: `Could not find commit ${commit} in ${url}` };
    });
  }

  async #fetchOnBranch(url: string, commit: string, branch: string): Promise<RepoResult<null>> {
    const format = await runGit(["check-ref-format", `refs/heads/${branch}`], { timeoutMs: this.#timeoutMs });
    if (format.code !== 0) return { ok: false, message: `Could not find branch '${branch}'` };
    const ref = `refs/heads/${branch}`;
    const fetched = await this.#fetch(url, [`+${ref}:${ref}`]);
    if (!fetched.ok) {
      if (/couldn't find remote ref/i.test(fetched.stderr)) {
        return { ok: false, message: `Could not find branch '${branch}'` };
      }
      return { ok: false, message: `Could not fetch ${url}: ${lastLine(fetched.stderr)}` };
    }
    const reachable = await this.#git(url, ["merge-base", "--is-ancestor", commit, ref]);
    if (reachable.code === 0) return { ok: true, value: null };
    return { ok: false, message: `Could not find commit on branch '${branch}': ${commit}` };
  }

  /** A file's bytes at a commit already in the cache, or null when there is no such file. */
  readFile(url: string, commit: string, path: string, maxBytes: number): Promise<RepoResult<Buffer | null>> {
    return this.#serial(url, async () => {
      const run = await this.#git(url, ["cat-file", "blob", `${commit}:${path}`], maxBytes);
      if (run.code === 0) return { ok: true, value: run.stdout };
      if (/larger than/.test(run.stderr))
        return { ok: false, message: `${path} is larger than ${maxBytes} bytes` };
      return { ok: true, value: null };
    });
  }

  /**
   * Makes `workTree` hold exactly the files of `commit`: files of the previous checkout that the commit
   * does not have are removed; files git never wrote (outputs, metadata) are left alone. `indexFile`
   * remembers what the previous checkout wrote.
   */
  checkout(url: string, commit: string, workTree: string, indexFile: string): Promise<RepoResult<null>> {
    return this.#serial(url, async () => {
      mkdirSync(workTree, { recursive: true });
      mkdirSync(dirname(indexFile), { recursive: true });
      const run = await runGit(
        ["--git-dir", this.gitDir(url), "--work-tree", workTree, "read-tree", "-u", "--reset", commit],
        { timeoutMs: this.#timeoutMs, env: { GIT_INDEX_FILE: indexFile } },
      );
      if (run.code === 0) return { ok: true, value: null };
      return { ok: false, message: `Could not check out ${commit}: ${lastLine(run.stderr)}` };
    });
  }
}
