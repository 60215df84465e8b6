// The cache key changes with what actions read and with nothing else.
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CacheKeyOptions, computeCacheKeys } from "../../src/action/cache-key.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "trestle-cache-key-"));
  await put("project.yaml", "version: '5.0'\n");
  await put("analysis/model.py", "print('hello')\n");
  await put("analysis/dummy.csv", "a,b\n1,2\n");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(path: string, content: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), content);
}

const options = (over: Partial<CacheKeyOptions> = {}): CacheKeyOptions => ({
  projectDir: dir,
  directory: ".",
  outputPatterns: ["output/*.csv", "output/report.html"],
  executor: "local",
  version: "v1",
  platform: "linux",
  arch: "x64",
  runId: "100-1",
  ...over,
});
const keys = (over: Partial<CacheKeyOptions> = {}) => computeCacheKeys(options(over));

describe("cache keys", () => {
  it("are a project prefix, a content hash and the run", async () => {
    const k = await keys();
    expect(k.key).toMatch(/^trestle-v1-linux-x64-local-[0-9a-f]{12}-[0-9a-f]{32}-100-1$/);
    expect(k.restoreKeys[0]).toBe(k.key.slice(0, -"100-1".length));
    expect(k.key.startsWith(k.restoreKeys[1])).toBe(true);
    expect(k.files).toBe(3);
  });

  it("do not depend on the run for the content part, nor on times", async () => {
    const a = await keys();
    await utimes(join(dir, "analysis/model.py"), new Date(2000, 1, 1), new Date(2000, 1, 1));
    const b = await keys({ runId: "101-2" });
    expect(b.restoreKeys).toEqual(a.restoreKeys);
    expect(b.key).not.toBe(a.key);
  });

  it("change when any input file changes, is added, removed or renamed", async () => {
    const base = (await keys()).contentHash;
    await put("analysis/model.py", "print('hello!')\n");
    const edited = (await keys()).contentHash;
    expect(edited).not.toBe(base);
    await put("analysis/new.py", "");
    const added = (await keys()).contentHash;
    expect(added).not.toBe(edited);
    await rm(join(dir, "analysis/new.py"));
    expect((await keys()).contentHash).toBe(edited);
    await rm(join(dir, "analysis/model.py"));
    await put("analysis/model2.py", "print('hello!')\n");
    expect((await keys()).contentHash).not.toBe(edited);
  });

  it("ignore outputs, the runner's state and .git", async () => {
    const base = (await keys()).contentHash;
    await put("output/table.csv", "x\n");
    await put("output/report.html", "<html>");
    await put("metadata/.trestle/jobs/a.json", "{}");
    await put("metadata/a.log", "log");
    await put(".git/HEAD", "ref: refs/heads/main\n");
    expect((await keys()).contentHash).toBe(base);
    await put("output/notes.txt", "not an output pattern");
    expect((await keys()).contentHash).not.toBe(base);
  });

  it("hash large files as a stream, by content", async () => {
    const big = Buffer.alloc(9 * 1024 * 1024, 7);
    await writeFile(join(dir, "analysis/big.bin"), big);
    const first = (await keys()).contentHash;
    big[big.length - 1] = 8;
    await writeFile(join(dir, "analysis/big.bin"), big);
    expect((await keys()).contentHash).not.toBe(first);
    big[big.length - 1] = 7;
    await writeFile(join(dir, "analysis/big.bin"), big);
    expect((await keys()).contentHash).toBe(first);
  });

  it("count a symbolic link by its target, without following it", async () => {
    const base = (await keys()).contentHash;
    await symlink("/etc/passwd", join(dir, "analysis/link"));
    const linked = (await keys()).contentHash;
    expect(linked).not.toBe(base);
    await rm(join(dir, "analysis/link"));
    await symlink("/etc/hostname", join(dir, "analysis/link"));
    expect((await keys()).contentHash).not.toBe(linked);
  });

  it("keep projects, executors and versions apart", async () => {
    const base = await keys();
    for (const other of [
      { directory: "studies/a" },
      { executor: "docker" },
      { version: "v2" },
      { platform: "darwin" },
    ]) {
      expect((await keys(other)).restoreKeys[1]).not.toBe(base.restoreKeys[1]);
    }
  });

  it("stay valid cache keys (no commas, at most 512 characters) for hostile names", async () => {
    const k = await keys({
      directory: `${"weird, dir/".repeat(100)}`,
      executor: "a,b".repeat(100),
      runId: "1,2".repeat(300),
    });
    for (const key of [k.key, ...k.restoreKeys]) {
      expect(key).not.toContain(",");
      expect(key.length).toBeLessThanOrEqual(512);
    }
  });
});
