// Faster pushes: with a cache service (GitHub's, played on loopback), a fresh checkout of unchanged
// files restores the state and runs nothing; one changed script re-runs only its action. Without a
// reachable service the Action warns and runs everything.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeCacheService, startFakeCacheService } from "./fake-cache-service.ts";
import { DEMO, ensureBundle, Runner } from "./harness.ts";

let service: FakeCacheService;
let runner: Runner;
const inputs = { executor: "local", upload: "false" };
const env = () => ({ ACTIONS_CACHE_URL: service.url, ACTIONS_RUNTIME_TOKEN: "test-runtime-token" });

/** A new runner machine: the same checkout path, nothing left from the last run. */
async function freshCheckout(): Promise<void> {
  await rm(runner.workspace, { recursive: true, force: true });
  await mkdir(runner.workspace);
  await runner.checkout(DEMO);
}

beforeAll(async () => {
  ensureBundle();
  service = await startFakeCacheService();
  runner = await Runner.create();
}, 120_000);
afterAll(async () => {
  await runner.cleanup();
  await service.close();
});

describe("with a cache service", () => {
  it("saves the state after the first run", async () => {
    await freshCheckout();
    const r = await runner.run(inputs, env());
    expect(r.code, r.stdout).toBe(0);
    expect(r.annotations).toEqual([]);
    expect(r.stdout).toContain("No cache for this project yet");
    expect(service.entries).toHaveLength(1);
    expect(service.entries[0]!).toMatchObject({ committed: true });
    expect(service.entries[0]!.key).toMatch(
      /^trestle-v1-linux-[a-z0-9]+-local-[0-9a-f]{12}-[0-9a-f]{32}-4242-1$/,
    );
    expect(r.results!.actions.every((a) => a.status === "succeeded")).toBe(true);
  }, 120_000);

  it("restores it on a fresh checkout of the same files and runs nothing", async () => {
    await freshCheckout();
    const r = await runner.run(inputs, { ...env(), GITHUB_RUN_ID: "4243" });
    expect(r.code, r.stdout).toBe(0);
    expect(r.results!.actions.map((a) => a.status)).toEqual(["skipped", "skipped", "skipped"]);
    expect(r.summary).toMatch(/^## ✅ Trestle: everything is up to date\n/);
    expect(r.summary).toContain("> Cache: restored the state of a run with the same files.");
    expect(r.stdout).toContain("Nothing changed since the cached state; not saving it again.");
    expect(service.entries).toHaveLength(1);
    expect(await readFile(join(runner.workspace, "output/report.html"), "utf8")).toContain("<html");
  }, 120_000);

  it("re-runs only what a changed file affects, and saves the new state", async () => {
    await freshCheckout();
    const script = join(runner.workspace, "analysis/render_report.py");
    await writeFile(script, `${await readFile(script, "utf8")}\n# changed\n`);
    const r = await runner.run(inputs, { ...env(), GITHUB_RUN_ID: "4244" });
    expect(r.code, r.stdout).toBe(0);
    expect(r.results!.actions.map((a) => a.status)).toEqual(["skipped", "skipped", "succeeded"]);
    expect(r.summary).toContain("> Cache: restored the state of an earlier run.");
    expect(service.entries).toHaveLength(2);
    expect(service.entries[1]!.key).toMatch(/-4244-1$/);
    expect(service.entries[1]!.key.split("-").slice(0, 6)).toEqual(
      service.entries[0]!.key.split("-").slice(0, 6),
    );
  }, 120_000);
});

describe("with a cache service that cannot be reached", () => {
  it("warns and runs everything", async () => {
    await freshCheckout();
    const r = await runner.run(inputs, {
      ACTIONS_CACHE_URL: "http://127.0.0.1:1/",
      ACTIONS_RUNTIME_TOKEN: "t",
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.results!.actions.every((a) => a.status === "succeeded")).toBe(true);
    expect(r.annotations.filter((a) => a.kind === "error")).toEqual([]);
    expect(r.annotations.map((a) => a.message).join("\n")).toMatch(
      /Failed to restore|Could not restore the cache/,
    );
  }, 180_000);
});
