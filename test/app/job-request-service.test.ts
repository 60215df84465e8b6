// The App's side of job requests against the real reference backend (in-process, real SQLite, a real
// git repository): submitting, polling to the end, a backend that is down and comes back, a restart
// of the App, cancelling, and the backend's refusals.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BackendClients } from "../../src/app/job-requests/backend-clients.ts";
import type { JobRecord, JobRequest } from "../../src/app/job-requests/job-request.ts";
import { JobRequestService, type Publisher } from "../../src/app/job-requests/service.ts";
import { SUBMIT_GRACE_MS } from "../../src/app/job-requests/store.ts";
import type { RunningBackend } from "../../src/backend/backend.ts";
import { eventually, startTestBackend, TOKEN_TEST, tempDir } from "../backend/helpers/backend.ts";
import { newRequest, type TempStore, tempStore } from "./helpers/job-requests.ts";
import { demoStudyFiles, makeStudyRepo } from "./helpers/study-repo.ts";

interface World {
  readonly dir: { path: string; remove: () => void };
  readonly gate: string;
  readonly commit: string;
  readonly repoUrl: string;
  backend: RunningBackend | null;
  readonly t: TempStore;
  readonly published: { id: string; status: string; jobs: number }[];
  service: JobRequestService;
}

let w: World;

function makeService(t: TempStore, apiUrl: string, published: World["published"]): JobRequestService {
  const service = new JobRequestService({
    store: t.store,
    clients: new BackendClients([{ slug: "test", apiUrl, token: TOKEN_TEST }], {
      retries: 0,
      timeoutMs: 5_000,
    }),
    pollIntervalMs: 1_000,
  });
  const publisher: Publisher = {
    async publish(request: JobRequest, jobs: readonly JobRecord[]) {
      published.push({ id: request.id, status: request.status, jobs: jobs.length });
    },
    async refreshComment() {},
  };
  service.setPublisher(publisher);
  return service;
}

beforeEach(async () => {
  const dir = tempDir("app-service");
  const gate = join(dir.path, "gate-open");
  const study = makeStudyRepo(join(dir.path, "repos"), "opensafely", "demo-study");
  const commit = study.repo.commit(demoStudyFiles(gate));
  const backend = await startTestBackend(join(dir.path, "backend"));
  const t = tempStore();
  const published: World["published"] = [];
  w = {
    dir,
    gate,
    commit,
    repoUrl: study.repo.url,
    backend,
    t,
    published,
    service: makeService(t, backend.apiUrl, published),
  };
});

afterEach(async () => {
  writeFileSync(w.gate, "open\n");
  await w.service.stop();
  await w.backend?.close();
  w.t.close();
  w.dir.remove();
});

function request(overrides: Parameters<typeof newRequest>[0] = {}): JobRequest {
  return w.t.store.insert(
    newRequest({
      repoUrl: w.repoUrl,
      branch: "main",
      commit: w.commit,
      workspace: "demo",
      createdAt: Date.now(),
      ...overrides,
    }),
  ).request;
}

/** Rounds of the service until the request has ended. */
function settled(id: string): Promise<JobRequest> {
  return eventually(
    async () => {
      await w.service.runOnce();
      const current = w.t.store.get(id)!;
      return current.submission !== "waiting" && !["pending", "running"].includes(current.status)
        ? current
        : undefined;
    },
    `job request ${id} to end`,
    60_000,
  );
}

describe("JobRequestService", () => {
  it("submits a request, follows its jobs to the end and publishes each change", async () => {
    const asked = request({ requestedActions: ["render_report"] });
    const outcome = await w.service.submit(asked);
    expect(outcome).toMatchObject({
      kind: "accepted",
      jobs: 3,
      request: { submission: "accepted", status: "pending" },
    });
    // The same actions again while they are scheduled: the backend has nothing to add.
    const again = request({ requestedActions: ["render_report"] });
    expect(await w.service.submit(again)).toMatchObject({
      kind: "nothing-to-do",
      request: {
        status: "nothing_to_do",
        statusMessage: "All requested actions were already scheduled to run",
      },
    });
    const done = await settled(asked.id);
    expect(done).toMatchObject({ status: "succeeded", statusMessage: null });
    const jobs = w.t.store.jobs(asked.id);
    expect(jobs.map((j) => [j.action, j.status, j.statusCode])).toEqual([
      ["extract_consultations", "succeeded", "succeeded"],
      ["make_safe", "succeeded", "succeeded"],
      ["render_report", "succeeded", "succeeded"],
    ]);
    for (const job of jobs) {
      expect(job.identifier).toMatch(/^[a-z2-7]{16}$/);
      expect(job.startedAt).not.toBeNull();
      expect(job.completedAt).not.toBeNull();
    }
    expect(w.published.at(-1)).toEqual({ id: asked.id, status: "succeeded", jobs: 3 });
    expect(w.t.store.unpublished()).toEqual([]);
  });

  it("keeps a request while the backend is down and submits it when the backend is back, across a restart", async () => {
    const port = Number(new URL(w.backend!.url).port);
    await w.backend!.close();
    w.backend = null;
    const asked = request();
    const outcome = await w.service.submit(asked);
    expect(outcome.kind).toBe("retrying");
    expect(outcome.request).toMatchObject({ submission: "waiting", submitAttempts: 1 });
    expect(outcome.request.lastSubmitError).toMatch(/^the backend test could not be reached/);
    expect(outcome.request.lastSubmitError).not.toContain(TOKEN_TEST);

    // The App restarts: a new store over the same file, a new service.
    const store = w.t.reopen();
    expect(store.get(asked.id)).toMatchObject({ submission: "waiting" });
    w.backend = await startTestBackend(join(w.dir.path, "backend"), { port });
    w.service = makeService(w.t, w.backend.apiUrl, w.published);
    // Not due yet: the retry waits, so a down backend is not hammered.
    await w.service.runOnce();
    expect(store.get(asked.id)).toMatchObject({ submission: "waiting" });
    store.db.prepare("UPDATE job_requests SET next_submit_at = 0").run();
    const done = await settled(asked.id);
    expect(done.status).toBe("succeeded");
  });

  it("cancels running jobs, and withdraws a request the backend never accepted", async () => {
    const asked = request({ requestedActions: ["wait_for_gate"] });
    await w.service.submit(asked);
    await eventually(async () => {
      await w.service.runOnce();
      return w.t.store.jobs(asked.id)[0]?.status === "running" ? true : undefined;
    }, "the gated job to start");
    const outcome = await w.service.cancel(w.t.store.get(asked.id)!, null);
    expect(outcome).toMatchObject({ kind: "cancelled", actions: ["wait_for_gate"] });
    const done = await settled(asked.id);
    expect(done).toMatchObject({ status: "failed", cancelledActions: ["wait_for_gate"] });
    expect(w.t.store.jobs(asked.id)[0]).toMatchObject({ status: "failed", statusCode: "cancelled_by_user" });
    expect(existsSync(w.gate)).toBe(false);
    expect(await w.service.cancel(done, null)).toMatchObject({ kind: "not-active" });

    const waiting = request();
    expect(await w.service.cancel(waiting, null)).toMatchObject({
      kind: "withdrawn",
      request: {
        submission: "withdrawn",
        status: "failed",
        statusMessage: "Cancelled before the backend accepted it.",
      },
    });
  });

  it("names actions it cannot cancel", async () => {
    const asked = request({ requestedActions: ["wait_for_gate"] });
    await w.service.submit(asked);
    await eventually(async () => {
      await w.service.runOnce();
      return w.t.store.jobs(asked.id).length > 0 ? true : undefined;
    }, "the jobs to be reported");
    expect(await w.service.cancel(w.t.store.get(asked.id)!, ["make_safe"])).toMatchObject({
      kind: "nothing-to-cancel",
      notFound: ["make_safe"],
    });
  });

  it("records the backend's refusal with its reason", async () => {
    const asked = request({ requestedActions: ["no_such_action"] });
    expect(await w.service.submit(asked)).toMatchObject({
      kind: "rejected",
      request: {
        submission: "rejected",
        status: "failed",
        statusMessage: "Error creating jobs: Action 'no_such_action' not found in project.yaml",
      },
    });
    const wrongCommit = request({ commit: "f".repeat(40) });
    const refused = await w.service.submit(wrongCommit);
    expect(refused.kind).toBe("rejected");
    expect(refused.request.statusMessage).toMatch(/^Error creating jobs: /);
  });

  it("fails a request the backend does not recognise", async () => {
    const asked = request();
    w.t.store.settleSubmission(asked.id, "accepted", "pending", null);
    await w.service.runOnce();
    expect(w.t.store.get(asked.id)).toMatchObject({
      status: "failed",
      statusMessage: "The backend test no longer knows this job request.",
    });
  });

  it("runs rounds on its own once started, and stops cleanly", async () => {
    // Stored by an App that stopped before submitting it: the poller takes it over after the grace period.
    const asked = request({ requestedActions: ["make_safe"], createdAt: Date.now() - SUBMIT_GRACE_MS });
    w.service.start();
    const done = await eventually(
      () => {
        const current = w.t.store.get(asked.id)!;
        return current.status === "succeeded" && current.publishedVersion === current.version
          ? current
          : undefined;
      },
      "the started service to run the request",
      60_000,
    );
    expect(done.status).toBe("succeeded");
    await w.service.stop();
  });
});
