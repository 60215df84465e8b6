// The scheduler's passes over a real SQLite store: restart recovery and dependency failure.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RepoCache } from "../../src/backend/repos.ts";
import { MESSAGES, Scheduler } from "../../src/backend/scheduler.ts";
import { openDatabase } from "../../src/backend/store/database.ts";
import { Store } from "../../src/backend/store/store.ts";
import { WorkspaceRunner } from "../../src/backend/workspace-runner.ts";
import { tempDir } from "./helpers/backend.ts";

let tmp: ReturnType<typeof tempDir>;
let store: Store;
let scheduler: Scheduler;
const logs: string[] = [];

beforeEach(() => {
  tmp = tempDir("scheduler");
  store = new Store(openDatabase(join(tmp.path, "trestle.db")));
  const repos = new RepoCache(join(tmp.path, "repos"), 10_000);
  scheduler = new Scheduler({
    store,
    executor: new WorkspaceRunner({ dataDir: tmp.path, repos, executor: "local" }),
    backends: ["test"],
    maxWorkers: () => 2,
    maxAttempts: 3,
    now: () => 5_000,
    log: (_level, message) => logs.push(message),
  });
});
afterEach(async () => {
  await scheduler.stop();
  tmp.remove();
});

function insert(jobs: { id: string; action: string; waitFor?: string[] }[]): void {
  store.insertJobRequest(
    {
      rapId: "rrrrrrrrrrrrrrrr",
      backend: "test",
      workspace: "ws",
      repoUrl: "file:///nowhere",
      branch: "main",
      commit: "a".repeat(40),
      requestedActions: ["run_all"],
      forceRunDependencies: false,
      codelistsOk: true,
      createdBy: "u",
      project: "p",
      original: {},
    },
    jobs.map((j) => ({
      id: j.id,
      action: j.action,
      runCommand: "python:v2 x.py",
      requiresDb: false,
      waitFor: j.waitFor ?? [],
      traceContext: {},
    })),
    1_000,
  );
}

describe("Scheduler.recover", () => {
  it("puts a job that was running back in the queue, and fails one that was interrupted too often", () => {
    insert([
      { id: "once", action: "a" },
      { id: "often", action: "b" },
      { id: "waiting", action: "c" },
    ]);
    for (const [id, attempts] of [
      ["once", 1],
      ["often", 3],
    ] as const) {
      for (let i = 0; i < attempts; i++) store.countAttempt(id);
      store.setCode(id, "executing", "running", 2_000);
    }
    scheduler.recover();
    expect(store.job("once")).toMatchObject({
      state: "pending",
      status_code: "waiting_on_reboot",
      status_message: MESSAGES.restarted,
      started_at: null,
    });
    expect(store.job("often")).toMatchObject({
      state: "failed",
      status_code: "internal_error",
      completed_at: 5_000,
    });
    expect(store.job("often")?.status_message).toMatch(
      /^Internal error: the backend restarted during each of the 3/,
    );
    expect(store.job("waiting")).toMatchObject({ state: "pending", status_code: "created" });
  });
});

describe("Scheduler passes", () => {
  it("fails a whole chain of dependents in one pass, and cancels cancelled pending jobs", () => {
    insert([
      { id: "root", action: "a" },
      { id: "mid", action: "b", waitFor: ["root"] },
      { id: "leaf", action: "c", waitFor: ["mid"] },
      { id: "other", action: "d", waitFor: ["root"] },
    ]);
    store.setCode("root", "nonzero_exit", "Job exited with an error", 2_000);
    store.cancel("rrrrrrrrrrrrrrrr", ["d"], ["test"]);
    scheduler.start();
    scheduler.tick();
    expect(store.job("mid")).toMatchObject({
      status_code: "dependency_failed",
      status_message: MESSAGES.dependencyFailed,
    });
    expect(store.job("leaf")).toMatchObject({ status_code: "dependency_failed", state: "failed" });
    expect(store.job("other")).toMatchObject({
      status_code: "cancelled_by_user",
      status_message: "Cancelled by user",
    });
    expect(scheduler.runningCount).toBe(0);
  });

  it("keeps the backends' last_seen fresh", () => {
    scheduler.start();
    scheduler.tick();
    expect(store.backend("test")?.last_seen).toBe(5_000);
  });
});
