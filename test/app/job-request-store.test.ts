// The App's SQLite store: migrations on start, one request per source, status derived from jobs as
// job-server does, and everything still there after a restart.
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppDatabaseError, openAppDatabase } from "../../src/app/job-requests/database.ts";
import { isActive, newJobRequestId, timelineOf } from "../../src/app/job-requests/job-request.ts";
import { MIGRATIONS } from "../../src/app/job-requests/migrations.ts";
import { SUBMIT_GRACE_MS } from "../../src/app/job-requests/store.ts";
import { SqliteStore } from "../../src/app/store/sqlite-store.ts";
import type { RapJob } from "../../src/rap/index.ts";
import { newRequest, type TempStore, tempStore } from "./helpers/job-requests.ts";

let t: TempStore;
let clock = Date.parse("2026-11-25T10:00:00Z");
beforeEach(() => {
  clock = Date.parse("2026-11-25T10:00:00Z");
  t = tempStore(() => clock);
});
afterEach(() => t.close());

function job(rapId: string, action: string, fields: Partial<RapJob> = {}): RapJob {
  return {
    identifier: `${action.slice(0, 4).padEnd(4, "x")}${rapId.slice(0, 12)}`,
    rap_id: rapId,
    backend: "test",
    action,
    run_command: `python:v2 analysis/${action}.py`,
    status: "pending",
    status_code: "created",
    status_message: "Created",
    created_at: "2026-11-25T10:00:01Z",
    updated_at: "2026-11-25T10:00:01Z",
    started_at: null,
    completed_at: null,
    trace_context: null,
    metrics: {},
    requires_db: false,
    ...fields,
  };
}

describe("job request ids", () => {
  it("are 16 characters of lower-case base32, like job-server's", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newJobRequestId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[a-z2-7]{16}$/);
  });
});

describe("JobRequestStore", () => {
  it("stores a request waiting to be submitted, once per source", () => {
    const first = t.store.insert(newRequest({ sourceKey: "comment:o/r:1" }));
    expect(first.created).toBe(true);
    expect(first.request).toMatchObject({
      status: "pending",
      submission: "waiting",
      version: 1,
      publishedVersion: 0,
    });
    const again = t.store.insert(newRequest({ sourceKey: "comment:o/r:1" }));
    expect(again).toEqual({ created: false, request: first.request });
    // Whoever stored it submits it; the poller takes over only after a grace period.
    expect(t.store.dueForSubmission()).toEqual([]);
    clock += SUBMIT_GRACE_MS;
    expect(t.store.dueForSubmission().map((r) => r.id)).toEqual([first.request.id]);
  });

  it("claims a command once until it is released", () => {
    expect(t.store.claimCommand("comment:o/r:5")).toBe(true);
    expect(t.store.claimCommand("comment:o/r:5")).toBe(false);
    t.store.releaseCommand("comment:o/r:5");
    expect(t.store.claimCommand("comment:o/r:5")).toBe(true);
  });

  it("keeps retrying a waiting request at the time it is due", () => {
    const { request } = t.store.insert(newRequest());
    const later = t.store.retrySubmission(
      request.id,
      "the backend test could not be reached",
      clock + 30_000,
    );
    expect(later).toMatchObject({ submitAttempts: 1, nextSubmitAt: clock + 30_000, submission: "waiting" });
    expect(t.store.dueForSubmission()).toEqual([]);
    clock += 30_000;
    expect(t.store.dueForSubmission().map((r) => r.id)).toEqual([request.id]);
    expect(isActive(later)).toBe(true);
  });

  it("derives the status from the jobs as job-server does, and says when anything changed", () => {
    const { request } = t.store.insert(newRequest());
    t.store.settleSubmission(request.id, "accepted", "pending", null);
    const id = request.id;
    const a = (f: Partial<RapJob>) => job(id, "make_safe", f);
    const b = (f: Partial<RapJob>) => job(id, "render_report", f);

    let result = t.store.applyStatus(id, [a({}), b({})]);
    expect(result).toMatchObject({ changed: true, request: { status: "pending" } });
    expect(t.store.applyStatus(id, [a({}), b({})]).changed).toBe(false);

    const started = {
      status: "running" as const,
      status_code: "executing",
      started_at: "2026-11-25T10:00:05Z",
    };
    result = t.store.applyStatus(id, [a(started), b({ status_code: "waiting_on_dependencies" })]);
    expect(result).toMatchObject({ changed: true, request: { status: "running" } });

    const done = {
      status: "succeeded" as const,
      status_code: "succeeded",
      completed_at: "2026-11-25T10:00:08Z",
    };
    result = t.store.applyStatus(id, [
      a({ ...started, ...done }),
      b({ ...done, started_at: "2026-11-25T10:00:09Z", completed_at: "2026-11-25T10:01:12Z" }),
    ]);
    expect(result.request.status).toBe("succeeded");
    expect(isActive(result.request)).toBe(false);
    expect(t.store.jobs(id).map((j) => [j.action, j.status, j.statusCode])).toEqual([
      ["make_safe", "succeeded", "succeeded"],
      ["render_report", "succeeded", "succeeded"],
    ]);
    expect(timelineOf(result.request, t.store.jobs(id))).toEqual({
      createdAt: request.createdAt,
      startedAt: "2026-11-25T10:00:05Z",
      finishedAt: "2026-11-25T10:01:12Z",
      runtimeSeconds: 3 + 63,
    });
    // A terminal status never changes again, as in job-server.
    expect(t.store.applyStatus(id, [a({ status: "failed" })]).request.status).toBe("succeeded");
  });

  it("says a request failed due to job failure, and ignores jobs of other requests", () => {
    const { request } = t.store.insert(newRequest());
    t.store.settleSubmission(request.id, "accepted", "pending", null);
    const other = job("zzzzzzzzzzzzzzzz", "stray", { status: "succeeded" });
    const failed = job(request.id, "make_safe", { status: "failed", status_code: "nonzero_exit" });
    const result = t.store.applyStatus(request.id, [failed, other]);
    expect(result.request).toMatchObject({ status: "failed", statusMessage: "Failed due to job failure" });
    expect(t.store.jobs(request.id)).toHaveLength(1);
  });

  it("tracks which version GitHub shows", () => {
    const { request } = t.store.insert(newRequest());
    expect(t.store.unpublished().map((r) => r.id)).toEqual([request.id]);
    t.store.markPublished(request.id, 1);
    expect(t.store.unpublished()).toEqual([]);
    const settled = t.store.settleSubmission(request.id, "accepted", "pending", null);
    expect(settled.version).toBe(2);
    expect(t.store.unpublished().map((r) => r.id)).toEqual([request.id]);
    // Publishing an older version does not hide a newer change.
    t.store.markPublished(request.id, 1);
    expect(t.store.get(request.id)!.publishedVersion).toBe(1);
  });

  it("lists a pull request's requests newest first, and only that pull request's", () => {
    const older = t.store.insert(newRequest()).request;
    clock += 1000;
    const newer = t.store.insert(newRequest()).request;
    t.store.insert(newRequest({ pullNumber: 8 }));
    t.store.insert(newRequest({ repo: { owner: "opensafely", repo: "other" } }));
    expect(t.store.forPull({ owner: "OpenSAFELY", repo: "Demo-Study" }, 7).map((r) => r.id)).toEqual([
      newer.id,
      older.id,
    ]);
  });

  it("keeps everything across a restart", () => {
    const { request } = t.store.insert(
      newRequest({ requestedActions: ["a", "b c"], forceRunDependencies: true }),
    );
    t.store.settleSubmission(request.id, "accepted", "pending", null);
    t.store.applyStatus(request.id, [job(request.id, "a", { status: "running", status_code: "executing" })]);
    t.store.setCheckRun(request.id, 5001);
    t.store.addCancelled(request.id, ["a"]);
    const before = t.store.get(request.id);
    const reopened = t.reopen();
    expect(reopened.get(request.id)).toEqual(before);
    expect(reopened.get(request.id)).toMatchObject({
      requestedActions: ["a", "b c"],
      forceRunDependencies: true,
      checkRunId: 5001,
      cancelledActions: ["a"],
      status: "running",
    });
    expect(reopened.polled().map((r) => r.id)).toEqual([request.id]);
  });
});

describe("openAppDatabase", () => {
  it("migrates a new file to the latest schema, once", () => {
    const db = new Database(t.path, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
    t.reopen();
    expect(t.store.db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
  });

  it("refuses a database from a newer version, and a file that is not a database", () => {
    t.store.db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    t.store.db.close();
    expect(() => openAppDatabase(t.path)).toThrow(AppDatabaseError);
    expect(() => openAppDatabase(t.path)).toThrow(/schema version 2, newer than this Trestle knows \(1\)/);
    expect(() => openAppDatabase(t.dir)).toThrow(/cannot (open|prepare) the database/);
  });
});

describe("SqliteStore", () => {
  it("remembers deliveries, comments, heads and check runs across a restart", async () => {
    const repo = { owner: "OpenSAFELY", repo: "demo-study" };
    let store = new SqliteStore(t.store.db, () => clock);
    expect(await store.claimDelivery("d-1")).toBe(true);
    expect(await store.claimDelivery("d-1")).toBe(false);
    await store.releaseDelivery("d-1");
    expect(await store.claimDelivery("d-1")).toBe(true);
    await store.setStickyComment({ repo, number: 7 }, { id: 1001, bodyHash: "abc" });
    await store.setPullHead({ repo, number: 7 }, { sha: "a".repeat(40), updatedAt: "2026-11-25T10:00:00Z" });
    await store.setCheckRun({ repo, sha: "a".repeat(40), name: "Trestle" }, { id: 5001, fingerprint: "f" });

    store = new SqliteStore(t.reopen().db, () => clock);
    expect(await store.claimDelivery("d-1")).toBe(false);
    const lower = { owner: "opensafely", repo: "demo-study" };
    expect(await store.getStickyComment({ repo: lower, number: 7 })).toEqual({ id: 1001, bodyHash: "abc" });
    expect(await store.getPullHead({ repo, number: 7 })).toEqual({
      sha: "a".repeat(40),
      updatedAt: "2026-11-25T10:00:00Z",
    });
    expect(await store.getCheckRun({ repo, sha: "a".repeat(40), name: "Trestle" })).toEqual({
      id: 5001,
      fingerprint: "f",
    });
    expect(await store.getStickyComment({ repo, number: 8 })).toBeNull();
  });

  it("forgets delivery ids after a month", async () => {
    const store = new SqliteStore(t.store.db, () => clock);
    await store.claimDelivery("old");
    clock += 31 * 24 * 60 * 60 * 1000;
    // The sweep runs on the first claim of each thousand.
    const fresh = new SqliteStore(t.store.db, () => clock);
    expect(await fresh.claimDelivery("new")).toBe(true);
    expect(await fresh.claimDelivery("old")).toBe(true);
  });
});
