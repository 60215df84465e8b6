import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRepoUrl, RepoCache, type RepoPolicy } from "../../src/backend/repos.ts";
import { tempDir } from "./helpers/backend.ts";
import { makeRepo, type TestRepo } from "./helpers/git-repo.ts";

let tmp: ReturnType<typeof tempDir>;
let repo: TestRepo;
let first: string;
let second: string;
let prHead: string;

beforeAll(() => {
  tmp = tempDir("repos");
  repo = makeRepo(join(tmp.path, "study"));
  first = repo.commit({ "project.yaml": "version: '4.0'\n", "analysis/old.py": "print(1)\n" });
  second = repo.commit({ "analysis/old.py": null, "analysis/new.py": "print(2)\n" });
  // A pull-request head: a commit only reachable from refs/pull/1/head, as GitHub keeps them.
  repo.git("checkout", "--quiet", "-b", "feature");
  prHead = repo.commit({ "analysis/feature.py": "print(3)\n" });
  repo.git("update-ref", "refs/pull/1/head", prHead);
  repo.git("checkout", "--quiet", "main");
  repo.git("branch", "--quiet", "-D", "feature");
});
afterAll(() => tmp.remove());

const policy: RepoPolicy = { allowedPrefixes: [], allowAnyCommit: false, timeoutMs: 30_000 };

describe("checkRepoUrl", () => {
  it("accepts http(s) and file URLs, and refuses other schemes, credentials and control characters", () => {
    expect(checkRepoUrl("https://github.com/opensafely/study", policy)).toBeNull();
    expect(checkRepoUrl("file:///srv/git/study", policy)).toBeNull();
    expect(checkRepoUrl("ssh://git@github.com/x/y", policy)).toMatch(/must start with/);
    expect(checkRepoUrl("ext::sh -c touch% /tmp/pwned", policy)).toMatch(/must start with|not a valid URL/);
    expect(checkRepoUrl("-uhelp", policy)).toMatch(/not a valid URL/);
    expect(checkRepoUrl("https://user:ghp_secret@github.com/x/y", policy)).toBe(
      "Repository URLs must not contain credentials",
    );
    expect(checkRepoUrl("https://github.com/x/y\n", policy)).toMatch(/control characters/);
  });

  it("keeps to the allowed prefixes when some are given", () => {
    const only = { ...policy, allowedPrefixes: ["https://github.com/opensafely/"] };
    expect(checkRepoUrl("https://github.com/opensafely/study", only)).toBeNull();
    expect(checkRepoUrl("https://github.com/someone-else/study", only)).toMatch(
      /not allowed on this backend/,
    );
    expect(checkRepoUrl("file:///etc", only)).toMatch(/not allowed/);
  });
});

describe("RepoCache", () => {
  it("fetches a commit that is on the branch, and reads files at it", async () => {
    const cache = new RepoCache(join(tmp.path, "cache1"), 30_000);
    expect(await cache.fetchCommit(repo.url, first, "main")).toEqual({ ok: true, value: null });
    const file = await cache.readFile(repo.url, first, "project.yaml", 1024);
    expect(file.ok && file.value?.toString()).toBe("version: '4.0'\n");
    expect(await cache.readFile(repo.url, first, "missing.yaml", 1024)).toEqual({ ok: true, value: null });
    expect(await cache.readFile(repo.url, first, "analysis", 1024)).toEqual({ ok: true, value: null });
    const tooBig = await cache.readFile(repo.url, first, "project.yaml", 4);
    expect(tooBig.ok).toBe(false);
  });

  it("refuses commits that are not on the branch, unknown branches and bad branch names", async () => {
    const cache = new RepoCache(join(tmp.path, "cache2"), 30_000);
    expect(await cache.fetchCommit(repo.url, prHead, "main")).toEqual({
      ok: false,
      message: `Could not find commit on branch 'main': ${prHead}`,
    });
    expect(await cache.fetchCommit(repo.url, first, "nope")).toEqual({
      ok: false,
      message: "Could not find branch 'nope'",
    });
    for (const bad of ["../main", "-x", "a..b", "with space", "x:y"]) {
      expect(await cache.fetchCommit(repo.url, first, bad)).toEqual({
        ok: false,
        message: `Could not find branch '${bad}'`,
      });
    }
    const missing = "0".repeat(40);
    expect((await cache.fetchCommit(repo.url, missing, "main")).ok).toBe(false);
  });

  it("finds a pull-request head when any commit is allowed", async () => {
    const cache = new RepoCache(join(tmp.path, "cache3"), 30_000);
    expect(await cache.fetchCommit(repo.url, prHead, null)).toEqual({ ok: true, value: null });
    const missing = "1".repeat(40);
    expect(await cache.fetchCommit(repo.url, missing, null)).toEqual({
      ok: false,
      message: `Could not find commit ${missing} in ${repo.url}`,
    });
  });

  it("says so when the repository cannot be fetched", async () => {
    const cache = new RepoCache(join(tmp.path, "cache4"), 30_000);
    const result = await cache.fetchCommit(`file://${join(tmp.path, "no-such-repo")}`, first, "main");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^Could not fetch file:\/\//);
  });

  it("checks commits out into a folder, removing files the new commit dropped and keeping outputs", async () => {
    const cache = new RepoCache(join(tmp.path, "cache5"), 30_000);
    await cache.fetchCommit(repo.url, second, "main");
    const work = join(tmp.path, "work");
    const index = join(tmp.path, "index", "ws.index");
    expect(await cache.checkout(repo.url, first, work, index)).toEqual({ ok: true, value: null });
    expect(existsSync(join(work, "analysis/old.py"))).toBe(true);
    writeFileSync(join(work, "output.csv"), "kept\n");
    expect(await cache.checkout(repo.url, second, work, index)).toEqual({ ok: true, value: null });
    expect(existsSync(join(work, "analysis/old.py"))).toBe(false);
    expect(readFileSync(join(work, "analysis/new.py"), "utf8")).toBe("print(2)\n");
    expect(readFileSync(join(work, "output.csv"), "utf8")).toBe("kept\n");
    expect(existsSync(join(work, ".git"))).toBe(false);
  });

  it("runs one git operation at a time per repository", async () => {
    const cache = new RepoCache(join(tmp.path, "cache6"), 30_000);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => cache.fetchCommit(repo.url, second, "main")),
    );
    expect(results.every((r) => r.ok)).toBe(true);
  });
});
