import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate, openDatabase, StoreError } from "../../src/backend/store/database.ts";
import { MIGRATIONS } from "../../src/backend/store/migrations.ts";
import type { NewJobRequest } from "../../src/backend/store/rows.ts";
import { Store } from "../../src/backend/store/store.ts";
import { tempDir } from "./helpers/backend.ts";

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir("store");
});
afterEach(() => tmp.remove());

const request = (rapId: string, workspace = "ws"): NewJobRequest => ({
  rapId,
  backend: "test",
  workspace,
  repoUrl: "file:///repo",
  branch: "main",
  commit: "a".repeat(40),
  requestedActions: ["run_all"],
  forceRunDependencies: false,
  codelistsOk: true,
  createdBy: "u",
  project: "p",
  original: { rap_id: rapId },
});
const job = (id: string, action: string, waitFor: string[] = []) => ({
  id,
  action,
  runCommand: `python:v2 ${action}.py`,
  requiresDb: false,
  waitFor,
  traceContext: { traceparent: "00-x-y-01" },
});

describe("openDatabase", () => {
  it("creates the schema in WAL mode and is a no-op when reopened", () => {
    const path = join(tmp.path, "data", "trestle.db");
    const db = openDatabase(path);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(migrate(db)).toBe(0);
    db.close();
    const again = openDatabase(path);
    expect(again.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    again.close();
  });

  it("refuses a database from a newer schema and files that are not databases", () => {
    const path = join(tmp.path, "newer.db");
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(StoreError);
    expect(() => openDatabase(path)).toThrow(/newer than this Trestle knows/);

    const garbage = join(tmp.path, "garbage.db");
    writeFileSync(garbage, "this is not a database, just text ".repeat(100));
    expect(() => openDatabase(garbage)).toThrow(StoreError);
  });
});

describe("Store", () => {
  it("keeps what it wrote across a reopen", () => {
    const path = join(tmp.path, "trestle.db");
    const store = new Store(openDatabase(path));
    store.insertJobRequest(request("r1"), [job("j1", "a")], 1000);
    const reopened = new Store(openDatabase(path));
    expect(reopened.jobRequest("r1")?.workspace).toBe("ws");
    expect(reopened.jobsOf("r1").map((j) => [j.id, j.state, j.status_code, j.status_message])).toEqual([
      ["j1", "pending", "created", "Created"],
    ]);
  });

  it("moves jobs between codes as job-runner's set_code does", () => {
    const store = new Store(openDatabase(join(tmp.path, "t.db")));
    store.insertJobRequest(request("r1"), [job("j1", "a")], 1000);
    expect(store.setCode("j1", "waiting_on_dependencies", "Waiting on dependencies", 2000)).toBe(true);
    expect(store.job("j1")).toMatchObject({ state: "pending", started_at: null, updated_at: 2000 });
    // The same code again only refreshes updated_at, at most once a minute.
    expect(store.setCode("j1", "waiting_on_dependencies", "Waiting on dependencies", 3000)).toBe(false);
    expect(store.job("j1")?.updated_at).toBe(2000);
    store.setCode("j1", "waiting_on_dependencies", "Waiting on dependencies", 70_000);
    expect(store.job("j1")?.updated_at).toBe(70_000);

    store.setCode("j1", "initiated", "starting", 80_000);
    store.setCode("j1", "executing", "running", 90_000);
    expect(store.job("j1")).toMatchObject({ state: "running", started_at: 80_000, completed_at: null });
    store.setCode("j1", "waiting_on_reboot", "restarted", 95_000);
    expect(store.job("j1")).toMatchObject({ state: "pending", started_at: null });
    store.setCode("j1", "preparing", "again", 100_000);
    store.setCode("j1", "nonzero_exit", "Job exited with an error", 110_000);
    expect(store.job("j1")).toMatchObject({ state: "failed", started_at: 100_000, completed_at: 110_000 });
    // A job that has ended never moves again.
    expect(store.setCode("j1", "succeeded", "Completed successfully", 120_000)).toBe(false);
    expect(store.job("j1")?.status_code).toBe("nonzero_exit");
  });

  it("reports the latest non-cancelled job of each action as the workspace state", () => {
    const store = new Store(openDatabase(join(tmp.path, "t.db")));
    store.insertJobRequest(request("r1"), [job("j1", "a"), job("j2", "b")], 1000);
    store.setCode("j1", "succeeded", "ok", 2000);
    store.insertJobRequest(request("r2"), [job("j3", "a")], 3000);
    store.insertJobRequest(request("r3", "other-ws"), [job("j4", "a")], 3000);
    expect([...store.workspaceState("test", "ws").values()].map((j) => [j.action, j.id])).toEqual([
      ["a", "j3"],
      ["b", "j2"],
    ]);
    store.cancel("r2", ["a"], ["test"]);
    expect(store.workspaceState("test", "ws").get("a")?.id).toBe("j1");
  });

  it("cancels only jobs on the caller's backends and names actions it has no job for", () => {
    const store = new Store(openDatabase(join(tmp.path, "t.db")));
    store.insertJobRequest(request("r1"), [job("j1", "a"), job("j2", "b")], 1000);
    expect(store.cancel("r1", ["a"], ["other"])).toEqual({ kind: "no_jobs" });
    expect(store.cancel("zz", ["a"], ["test"])).toEqual({ kind: "no_jobs" });
    expect(store.cancel("r1", ["c", "a", "x"], ["test"])).toEqual({
      kind: "not_found",
      notFound: ["c", "x"],
    });
    expect(store.jobsOf("r1").every((j) => j.cancelled === 0)).toBe(true);
    expect(store.cancel("r1", ["a", "b"], ["test"])).toEqual({
      kind: "cancelled",
      count: 2,
      jobIds: ["j1", "j2"],
    });
    expect(store.jobsOf("r1").every((j) => j.cancelled === 1)).toBe(true);
  });

  it("returns jobs only for the backends asked about", () => {
    const store = new Store(openDatabase(join(tmp.path, "t.db")));
    store.insertJobRequest(request("r1"), [job("j1", "a")], 1000);
    expect(store.jobsFor(["r1"], ["test"]).map((j) => j.id)).toEqual(["j1"]);
    expect(store.jobsFor(["r1"], ["other"])).toEqual([]);
    expect(store.jobsFor(["r1", "r1", "nope"], ["other", "test"]).map((j) => j.id)).toEqual(["j1"]);
  });
});
