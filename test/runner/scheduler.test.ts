// Scheduling with the stub executor, which runs no process and ends each job when the test says so:
// jobs start the moment their needs succeed, never more than `concurrency` at once, failures spread
// to dependents, and cancellation (one job, or the whole run) ends jobs as `cancelled_by_user`.
import { afterEach, describe, expect, it } from "vitest";
import { createStubExecutor, type RunEvent, startRun } from "../../src/runner/index.ts";
import { jobsOf, type TempProject, tempProject } from "./helpers.ts";

let project: TempProject | null = null;
afterEach(async () => {
  await project?.cleanup();
  project = null;
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** project.yaml with stub actions: [name, needs]. */
function stubProject(actions: readonly (readonly [string, readonly string[]])[]): string {
  const lines = ["version: '5.0'", "actions:"];
  actions.forEach(([name, needs], i) => {
    lines.push(`  ${name}:`, `    run: python:v2 job${i}.py`);
    if (needs.length > 0) lines.push(`    needs: [${needs.join(", ")}]`);
    lines.push("    outputs:", "      highly_sensitive:", `        o: output/${name}.csv`);
  });
  return `${lines.join("\n")}\n`;
}

const writes = (name: string) => ({ files: { [`output/${name}.csv`]: `${name}\n` } });

function waitForEvent(
  events: RunEvent[],
  match: (e: RunEvent) => boolean,
  deadlineMs = 30_000,
): Promise<void> {
  const end = Date.now() + deadlineMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (events.some(match)) resolve();
      else if (Date.now() > end) reject(new Error("event did not come"));
      else setTimeout(check, 5);
    };
    check();
  });
}

const statusOf = (events: RunEvent[], action: string) =>
  events
    .filter((e) => e.type === "job_status" && e.job.action === action)
    .map((e) => (e.type === "job_status" ? e.job.statusCode : ""));

describe("the scheduler", () => {
  it("never runs more than `concurrency` jobs, and queues the rest as waiting_on_workers", async () => {
    const names = ["a", "b", "c", "d", "e"];
    project = await tempProject({ "project.yaml": stubProject(names.map((n) => [n, []])) });
    const gates = names.map(() => deferred());
    const executor = createStubExecutor(
      Object.fromEntries(names.map((n, i) => [n, { ...writes(n), hold: gates[i]!.promise }])),
    );
    const events: RunEvent[] = [];
    const handle = startRun({
      projectDir: project.dir,
      actions: ["run_all"],
      executor,
      concurrency: 2,
      onEvent: (e) => events.push(e),
    });
    await waitForEvent(
      events,
      (e) => e.type === "job_status" && e.job.action === "b" && e.job.statusCode === "executing",
    );
    // Both start at once; which reaches its process first depends on the file system.
    expect([...executor.started].sort()).toEqual(["a", "b"]);
    expect(statusOf(events, "c")).toEqual(["created", "waiting_on_workers"]);
    gates[1]!.resolve();
    await waitForEvent(
      events,
      (e) => e.type === "job_status" && e.job.action === "c" && e.job.statusCode === "executing",
    );
    expect(executor.started.slice(2)).toEqual(["c"]);
    for (const gate of gates) gate.resolve();
    const outcome = await handle.done;
    expect(executor.maxConcurrent).toBe(2);
    expect([...jobsOf(outcome).values()].every((j) => j.statusCode === "succeeded")).toBe(true);
  });

  it("starts a job as soon as its last need succeeds, while unrelated jobs still run", async () => {
    project = await tempProject({
      "project.yaml": stubProject([
        ["slow", []],
        ["quick", []],
        ["after_quick", ["quick"]],
      ]),
    });
    const slow = deferred();
    const executor = createStubExecutor({
      slow: { ...writes("slow"), hold: slow.promise },
      quick: writes("quick"),
      after_quick: writes("after_quick"),
    });
    const events: RunEvent[] = [];
    const handle = startRun({
      projectDir: project.dir,
      actions: ["run_all"],
      executor,
      concurrency: 4,
      onEvent: (e) => events.push(e),
    });
    await waitForEvent(events, (e) => e.type === "job_finished" && e.result.action === "after_quick");
    expect(statusOf(events, "slow")).toContain("executing");
    expect(statusOf(events, "slow")).not.toContain("succeeded");
    slow.resolve();
    const outcome = await handle.done;
    expect(outcome.kind === "completed" && outcome.result.jobs.map((j) => j.action)).toEqual([
      "quick",
      "after_quick",
      "slow",
    ]);
  });

  it("cancels one running job: it ends cancelled_by_user, its dependents dependency_failed, others carry on", async () => {
    project = await tempProject({
      "project.yaml": stubProject([
        ["long", []],
        ["after", ["long"]],
        ["other", []],
      ]),
    });
    const never = new Promise<void>(() => undefined);
    const executor = createStubExecutor({
      long: { hold: never },
      after: writes("after"),
      other: writes("other"),
    });
    const events: RunEvent[] = [];
    const handle = startRun({
      projectDir: project.dir,
      actions: ["run_all"],
      executor,
      concurrency: 2,
      onEvent: (e) => events.push(e),
    });
    await waitForEvent(
      events,
      (e) => e.type === "job_status" && e.job.action === "long" && e.job.statusCode === "executing",
    );
    handle.cancel(["long"]);
    const jobs = jobsOf(await handle.done);
    expect(jobs.get("long")).toMatchObject({
      statusCode: "cancelled_by_user",
      statusMessage: "Cancelled by user",
    });
    expect(jobs.get("after")?.statusCode).toBe("dependency_failed");
    expect(jobs.get("other")?.statusCode).toBe("succeeded");
    // A cancelled job is left out of the record, so the next plan runs it again.
    expect(handle.jobs().find((j) => j.action === "long")?.state).toBe("failed");
  });

  it("cancels the whole run through its AbortSignal", async () => {
    project = await tempProject({
      "project.yaml": stubProject([
        ["a", []],
        ["b", ["a"]],
        ["c", []],
      ]),
    });
    const never = new Promise<void>(() => undefined);
    const executor = createStubExecutor({ a: { hold: never }, b: writes("b"), c: { hold: never } });
    const controller = new AbortController();
    const events: RunEvent[] = [];
    const handle = startRun({
      projectDir: project.dir,
      actions: ["run_all"],
      executor,
      concurrency: 1,
      signal: controller.signal,
      onEvent: (e) => events.push(e),
    });
    await waitForEvent(
      events,
      (e) => e.type === "job_status" && e.job.action === "a" && e.job.statusCode === "executing",
    );
    controller.abort();
    const outcome = await handle.done;
    if (outcome.kind !== "completed") throw new Error(outcome.kind);
    expect(outcome.result.cancelled).toBe(true);
    expect(outcome.result.ok).toBe(false);
    // Cancelling the run cancels every job of it, as cancelling a whole job request does.
    expect(Object.fromEntries(outcome.result.jobs.map((j) => [j.action, j.statusCode]))).toEqual({
      a: "cancelled_by_user",
      b: "cancelled_by_user",
      c: "cancelled_by_user",
    });
    expect(executor.started).toEqual(["a"]);
  });

  it("fails a job the executor cannot run with job_error, naming why", async () => {
    project = await tempProject({
      "project.yaml": stubProject([
        ["stata", []],
        ["next", ["stata"]],
      ]),
    });
    const executor = createStubExecutor({
      stata: { unsupported: "needs the docker executor" },
      next: writes("next"),
    });
    const jobs = jobsOf(await startRun({ projectDir: project.dir, actions: ["run_all"], executor }).done);
    expect(jobs.get("stata")).toMatchObject({
      statusCode: "job_error",
      statusMessage: "needs the docker executor",
    });
    expect(jobs.get("next")?.statusCode).toBe("dependency_failed");
    expect(executor.started).toEqual([]);
  });

  it("hands a worker on when a job's process ends, before its results are recorded", async () => {
    project = await tempProject({
      "project.yaml": stubProject([
        ["a", []],
        ["b", []],
      ]),
    });
    const executor = createStubExecutor({ a: writes("a"), b: writes("b") });
    const events: RunEvent[] = [];
    await startRun({
      projectDir: project.dir,
      actions: ["run_all"],
      executor,
      concurrency: 1,
      onEvent: (e) => events.push(e),
    }).done;
    const order = events.flatMap((e) =>
      e.type === "job_status" ? [`${e.job.action} ${e.job.statusCode}`] : [],
    );
    expect(order.indexOf("b preparing")).toBeGreaterThan(order.indexOf("a executed"));
    expect(order.indexOf("b preparing")).toBeLessThan(order.indexOf("a succeeded"));
    expect(executor.maxConcurrent).toBe(1);
  });
});
