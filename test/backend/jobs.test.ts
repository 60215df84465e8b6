// Job requests planned, scheduled and run for real: the runner's local executor runs each job's
// Python script in the workspace folder, on dummy data.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningBackend } from "../../src/backend/backend.ts";
import { MESSAGES } from "../../src/backend/scheduler.ts";
import { workspaceDir } from "../../src/backend/workspace-runner.ts";
import { deriveJobRequestStatus, jobRequestRuntimeSeconds, type RapClient } from "../../src/rap/index.ts";
import {
  client,
  createBody,
  eventually,
  jobsOf,
  settled,
  startTestBackend,
  tempDir,
} from "./helpers/backend.ts";
import { makeRepo, type TestRepo } from "./helpers/git-repo.ts";
import { chainProject, extrasProject } from "./helpers/projects.ts";

let tmp: ReturnType<typeof tempDir>;
let chain: TestRepo;
let chainCommit: string;
let extras: TestRepo;
let backend: RunningBackend;
let api: RapClient;
let dataDir: string;
const gates: string[] = [];

beforeAll(async () => {
  tmp = tempDir("jobs");
  chain = makeRepo(join(tmp.path, "chain"));
  chainCommit = chain.commit(chainProject());
  extras = makeRepo(join(tmp.path, "extras"));
  dataDir = join(tmp.path, "data");
  backend = await startTestBackend(dataDir, { maxWorkers: 2 });
  api = client(backend);
});
afterAll(async () => {
  // Open every gate, so no job process outlives the test.
  for (const gate of gates) writeFileSync(gate, "open");
  await backend?.close();
  tmp?.remove();
});

let count = 0;
const workspace = () => `jobs-${++count}`;
/** A commit of the extras project with its own gate file, not yet opened. */
function extrasCommit(failing = false): { commit: string; gate: string } {
  const gate = join(tmp.path, `gate-${++count}`);
  gates.push(gate);
  return { commit: extras.commit(extrasProject(gate, failing)), gate };
}
const summary = (jobs: Map<string, { status: string; status_code: string }>) =>
  Object.fromEntries([...jobs].map(([action, j]) => [action, `${j.status}/${j.status_code}`]));

describe("running job requests", () => {
  it("runs every job of run_all to success and says nothing to do the second time", {
    timeout: 120_000,
  }, async () => {
    const ws = workspace();
    const body = createBody({ repo_url: chain.url, commit: chainCommit, workspace: ws });
    expect((await api.create(body)).status).toBe(201);
    const jobs = await settled(api, body.rap_id);
    expect(summary(jobs)).toEqual({
      prepare: "succeeded/succeeded",
      summarise: "succeeded/succeeded",
      report: "succeeded/succeeded",
    });
    for (const job of jobs.values()) {
      expect(job.status_message).toBe("Completed successfully");
      expect(Date.parse(job.completed_at!)).toBeGreaterThanOrEqual(Date.parse(job.started_at!));
    }
    // Dependencies ran first.
    expect(Date.parse(jobs.get("summarise")!.started_at!)).toBeGreaterThanOrEqual(
      Date.parse(jobs.get("prepare")!.completed_at!),
    );
    const statuses = [...jobs.values()].map((j) => j.status);
    expect(deriveJobRequestStatus({ status: "pending", message: null }, statuses).status).toBe("succeeded");
    expect(jobRequestRuntimeSeconds([...jobs.values()])).toBeGreaterThan(0);
    const folder = workspaceDir(dataDir, "test", ws);
    expect(readFileSync(join(folder, "output/report.txt"), "utf8")).toBe("Report\nregions,total\n2,19\n");

    const again = createBody({ repo_url: chain.url, commit: chainCommit, workspace: ws });
    expect(await api.create(again)).toMatchObject({
      status: 200,
      body: { result: "Nothing to do", details: "All actions have already completed successfully", count: 0 },
    });
  });

  it("re-runs only what is asked, and every dependency with force_run_dependencies", {
    timeout: 120_000,
  }, async () => {
    const ws = workspace();
    await api.create(createBody({ repo_url: chain.url, commit: chainCommit, workspace: ws }));
    const initial = await eventually(
      () => {
        const rows = backend.store.workspaceState("test", ws);
        return [...rows.values()].every((j) => j.state === "succeeded") && rows.size === 3 ? rows : undefined;
      },
      "the first run to finish",
      30_000,
    );
    expect(initial.size).toBe(3);

    const plain = createBody({
      repo_url: chain.url,
      commit: chainCommit,
      workspace: ws,
      requested_actions: ["report"],
    });
    expect((await api.create(plain)).body).toMatchObject({ result: "Success", count: 1 });
    expect(summary(await settled(api, plain.rap_id))).toEqual({ report: "succeeded/succeeded" });

    const forced = createBody({
      repo_url: chain.url,
      commit: chainCommit,
      workspace: ws,
      requested_actions: ["report"],
      force_run_dependencies: true,
    });
    expect((await api.create(forced)).body).toMatchObject({ result: "Success", count: 3 });
    expect(summary(await settled(api, forced.rap_id))).toEqual({
      prepare: "succeeded/succeeded",
      summarise: "succeeded/succeeded",
      report: "succeeded/succeeded",
    });
  });

  it("fails a job that exits non-zero, fails its dependents, and re-runs it on the next request", {
    timeout: 120_000,
  }, async () => {
    const ws = workspace();
    const failing = extrasCommit(true);
    const body = createBody({
      repo_url: extras.url,
      commit: failing.commit,
      workspace: ws,
      requested_actions: ["after_flaky"],
    });
    await api.create(body);
    const jobs = await settled(api, body.rap_id);
    expect(summary(jobs)).toEqual({ flaky: "failed/nonzero_exit", after_flaky: "failed/dependency_failed" });
    expect(jobs.get("flaky")?.status_message).toMatch(/^Job exited with an error/);
    expect(jobs.get("after_flaky")?.status_message).toBe(MESSAGES.dependencyFailed);
    expect(jobs.get("after_flaky")?.started_at).toBeNull();
    expect(
      deriveJobRequestStatus(
        { status: "pending", message: null },
        [...jobs.values()].map((j) => j.status),
      ),
    ).toEqual({
      status: "failed",
      message: "Failed due to job failure",
    });

    const fixed = extrasCommit(false);
    const retry = createBody({
      repo_url: extras.url,
      commit: fixed.commit,
      workspace: ws,
      requested_actions: ["after_flaky"],
    });
    expect((await api.create(retry)).body).toMatchObject({ result: "Success", count: 2 });
    expect(summary(await settled(api, retry.rap_id))).toEqual({
      flaky: "succeeded/succeeded",
      after_flaky: "succeeded/succeeded",
    });
  });

  it("cancels a running job and a waiting one; a dependent of the cancelled job fails", {
    timeout: 120_000,
  }, async () => {
    const { commit, gate } = extrasCommit();
    const ws = workspace();
    const body = createBody({
      repo_url: extras.url,
      commit,
      workspace: ws,
      requested_actions: ["after_gated"],
    });
    await api.create(body);
    await eventually(async () => {
      const job = (await jobsOf(api, body.rap_id)).get("gated");
      return job?.status_code === "executing" ? job : undefined;
    }, "gated to execute");
    expect((await jobsOf(api, body.rap_id)).get("after_gated")?.status_code).toBe("waiting_on_dependencies");

    expect((await api.cancel({ rap_id: body.rap_id, actions: ["gated"] })).body).toEqual({
      result: "Success",
      details: "1 actions cancelled",
      count: 1,
    });
    const jobs = await settled(api, body.rap_id);
    expect(summary(jobs)).toEqual({
      gated: "failed/cancelled_by_user",
      after_gated: "failed/dependency_failed",
    });
    expect(jobs.get("gated")?.status_message).toBe("Cancelled by user");
    expect(existsSync(join(workspaceDir(dataDir, "test", ws), "output/gated.csv"))).toBe(false);

    // Cancelled jobs are left out of the workspace state, so the next request runs the action again.
    const next = createBody({
      repo_url: extras.url,
      commit,
      workspace: ws,
      requested_actions: ["after_gated"],
    });
    expect((await api.create(next)).body).toMatchObject({ result: "Success", count: 2 });
    await eventually(async () => {
      const job = (await jobsOf(api, next.rap_id)).get("after_gated");
      return job?.status_code === "waiting_on_dependencies" ? job : undefined;
    }, "after_gated to wait");
    await api.cancel({ rap_id: next.rap_id, actions: ["after_gated"] });
    await eventually(async () => {
      const job = (await jobsOf(api, next.rap_id)).get("after_gated");
      return job?.status_code === "cancelled_by_user" ? job : undefined;
    }, "the waiting job to be cancelled");
    writeFileSync(gate, "open");
    expect(summary(await settled(api, next.rap_id))).toEqual({
      gated: "succeeded/succeeded",
      after_gated: "failed/cancelled_by_user",
    });
  });

  it("keeps a backend to its worker limit and a workspace to one job at a time", {
    timeout: 120_000,
  }, async () => {
    const { commit, gate } = extrasCommit();
    const [a, b, c] = [workspace(), workspace(), workspace()];
    const bodies = [a, b, c].map((ws) =>
      createBody({ repo_url: extras.url, commit, workspace: ws, requested_actions: ["gated"] }),
    );
    for (const body of bodies) await api.create(body);
    // Two workers: two gated jobs execute, the third waits for a worker.
    const codes = await eventually(async () => {
      const all = await Promise.all(
        bodies.map(async (body) => (await jobsOf(api, body.rap_id)).get("gated")?.status_code),
      );
      const executing = all.filter((c) => c === "executing").length;
      return executing === 2 && all.includes("waiting_on_workers") ? all : undefined;
    }, "two jobs executing and one waiting");
    expect(codes.filter((c) => c === "waiting_on_workers")).toHaveLength(1);

    // A second request in a busy workspace waits for the workspace, not for a worker.
    const sameWs = createBody({ repo_url: extras.url, commit, workspace: a, requested_actions: ["flaky"] });
    await api.create(sameWs);
    writeFileSync(gate, "open");
    for (const body of [...bodies, sameWs]) {
      const jobs = await settled(api, body.rap_id);
      expect([...jobs.values()].every((j) => j.status === "succeeded")).toBe(true);
    }
  });

  it("hands a job back while another process holds its workspace, and runs it once free", {
    timeout: 120_000,
  }, async () => {
    const ws = workspace();
    const holder = spawn("sleep", ["600"], { stdio: "ignore" });
    const lockDir = join(workspaceDir(dataDir, "test", ws), "metadata", ".trestle");
    mkdirSync(lockDir, { recursive: true });
    writeFileSync(join(lockDir, "lock"), `${holder.pid}\n`);
    const { commit } = extrasCommit();
    const body = createBody({ repo_url: extras.url, commit, workspace: ws, requested_actions: ["flaky"] });
    try {
      await api.create(body);
      const waiting = await eventually(async () => {
        const job = (await jobsOf(api, body.rap_id)).get("flaky");
        return job?.status_code === "waiting_on_new_task" ? job : undefined;
      }, "the job to be handed back");
      expect(waiting).toMatchObject({ status: "pending", started_at: null });
    } finally {
      holder.kill("SIGKILL");
    }
    expect(summary(await settled(api, body.rap_id))).toEqual({ flaky: "succeeded/succeeded" });
  });
});
