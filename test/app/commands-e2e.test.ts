// End to end: the real App, the real reference backend and the fake GitHub. A researcher opens a pull
// request, asks for `/opensafely run render_report`, and the jobs run on dummy data; the commit's check
// run follows the job request to the end, the pull request's comment lists it, and its page shows
// every field of the platform's job request page (also in headless Chromium). Then: "Re-run" and
// "Run again" on the check, and the Cancel button.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRequest } from "../../src/app/job-requests/job-request.ts";
import { COMMENT_MARKER } from "../../src/app/report/comment-body.ts";
import { eventually } from "../backend/helpers/backend.ts";
import { pullRequestEvent } from "./helpers/events.ts";
import type { FakeCheckRun } from "./helpers/fake-github-state.ts";
import { APP_ID } from "./helpers/harness.ts";
import { FULL_NAME, type JobsWorld, NAME, OWNER, type Pull, startJobsWorld } from "./helpers/jobs-harness.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = resolve(import.meta.dirname, "../../test-artifacts");
const REPO = { owner: OWNER, repo: NAME };

let w: JobsWorld;
beforeAll(async () => {
  w = await startJobsWorld();
  w.people.setRole(FULL_NAME, "researcher", "write");
  w.people.setRole(FULL_NAME, "maintainer", "maintain");
  w.people.setRole(FULL_NAME, "reader", "read");
}, 60_000);
afterAll(async () => {
  await w?.close();
});

function requestsOf(number: number): JobRequest[] {
  return w.jobs.service.store.forPull(REPO, number);
}

function runOf(request: JobRequest): FakeCheckRun | undefined {
  return w.github.state
    .checkRunsOn(FULL_NAME, request.commit)
    .find((r) => r.externalId === `trestle:job-request:${request.id}`);
}

function completedRun(request: JobRequest): Promise<FakeCheckRun> {
  return eventually(
    () => {
      const run = runOf(request);
      return run?.status === "completed" ? run : undefined;
    },
    `the check run of ${request.id} to complete`,
    60_000,
  );
}

function stickyComment(number: number) {
  return w.github.state.commentsOn(FULL_NAME, number).find((c) => c.body.startsWith(COMMENT_MARKER));
}

function replies(number: number) {
  return w.github.state
    .commentsOn(FULL_NAME, number)
    .filter((c) => c.performedViaAppId === APP_ID && !c.body.startsWith(COMMENT_MARKER));
}

async function open(number: number, changes: Record<string, string | null> = {}): Promise<Pull> {
  const pull = w.openPull(number, changes);
  const event = pullRequestEvent("opened", w.repo, {
    number,
    headSha: pull.headSha,
    baseSha: pull.baseSha,
    headRef: pull.branch,
  });
  expect((await w.deliver("pull_request", event)).status).toBe(200);
  return pull;
}

describe("a run requested in a pull-request comment", () => {
  let pull: Pull;
  let request: JobRequest;

  it("runs the jobs on dummy data and completes the commit's check run with success", async () => {
    pull = await open(11);
    expect(stickyComment(11)?.body).toContain("is valid");

    const { commentId, response } = await w.comment(
      pull,
      "Looks right to me.\n\n/opensafely run render_report\n",
    );
    expect(response.status).toBe(200);
    expect(w.people.reactionsOn(commentId)).toEqual(["eyes", "rocket"]);
    expect(replies(11)).toEqual([]);

    const requests = requestsOf(11);
    expect(requests).toHaveLength(1);
    request = requests[0]!;
    expect(request.id).toMatch(/^[a-z2-7]{16}$/);
    expect(request).toMatchObject({
      commit: pull.headSha,
      branch: "feature-11",
      workspace: "demo-study-feature-11",
      backend: "test",
      requestedActions: ["render_report"],
      forceRunDependencies: false,
      requestedBy: "researcher",
      organisation: OWNER,
      project: NAME,
      pullNumber: 11,
      commentId,
    });
    // What the backend was sent: the commit, branch, workspace, repository, actions, force flag, requester.
    expect(w.backend.store.jobRequest(request.id)).toMatchObject({
      commit_sha: pull.headSha,
      branch: "feature-11",
      workspace: "demo-study-feature-11",
      repo_url: w.study.repo.url,
      requested_actions: JSON.stringify(["render_report"]),
      force_run_dependencies: 0,
      created_by: "researcher",
    });

    const run = await completedRun(request);
    expect(run).toMatchObject({
      name: `Job request ${request.id} (test)`,
      conclusion: "success",
      detailsUrl: `${w.server.url}/job-requests/${request.id}`,
      output: { title: "Succeeded: 3 jobs" },
    });
    for (const action of ["extract_consultations", "make_safe", "render_report"]) {
      expect(run.output.text).toContain(`| \`${action}\` | succeeded | \`succeeded\` |`);
    }
    // It was seen in progress on the way.
    const patches = w.github.requests.filter(
      (r) => r.method === "PATCH" && r.path === `/repos/${FULL_NAME}/check-runs/${run.id}`,
    );
    expect(patches.some((p) => (p.body as { status?: string }).status === "in_progress")).toBe(true);

    const comment = await eventually(() => {
      const body = stickyComment(11)?.body ?? "";
      return body.includes("✅ Succeeded") ? body : undefined;
    }, "the comment to show the request succeeded");
    expect(comment).toContain(`[\`${request.id}\`](${w.server.url}/job-requests/${request.id})`);
    expect(comment).toContain("| `render_report` | `test` |");
  }, 90_000);

  it("shows every field of the job request on its page", async () => {
    const response = await fetch(`${w.server.url}/job-requests/${request.id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const field = (id: string) => new RegExp(`<dd id="field-${id}">(.*?)</dd>`).exec(html)?.[1];
    expect(field("organisation")).toBe(OWNER);
    expect(field("workspace")).toBe("demo-study-feature-11");
    expect(field("id")).toBe(`<code>${request.id}</code>`);
    expect(field("requested-by")).toContain(">researcher</a>");
    expect(field("backend")).toBe("test");
    expect(field("branch")).toBe("feature-11");
    expect(field("force")).toBe("No");
    expect(field("commit")).toContain(`/tree/${pull.headSha}">${pull.headSha.slice(0, 7)}</a>`);
    expect(field("actions")).toBe("<ul><li><code>render_report</code></li></ul>");
    expect(html).toContain("<strong>Succeeded</strong>");
    const jobs = w.jobs.service.store.jobs(request.id);
    expect(jobs).toHaveLength(3);
    for (const job of jobs) {
      expect(html).toContain(
        `<td><code>${job.action}</code></td><td>Succeeded</td><td><code>succeeded</code></td><td>${job.statusMessage}</td><td><code>${job.identifier}</code></td>`,
      );
    }
    expect(html).toMatch(/<dd id="timeline-created">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC<\/dd>/);
    expect(html).toMatch(/<dd id="timeline-started">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC<\/dd>/);
    expect(html).toMatch(/<dd id="timeline-finished">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC<\/dd>/);
    expect(html).toMatch(/<dd id="timeline-runtime">(\d\d:\d\d:\d\d|-)<\/dd>/);
    expect(html).toContain("render_report:\n    run: python:v2 analysis/render_report.py");
    expect(html).not.toContain('http-equiv="refresh"');
  });

  it.skipIf(!existsSync(CHROMIUM))(
    "shows the page in headless Chromium, without JavaScript (skipped when /usr/bin/chromium is not installed: apt-get install -y chromium)",
    async () => {
      const { chromium } = await import("playwright-core");
      const profile = mkdtempSync(join(tmpdir(), "trestle-chromium-"));
      // A fresh profile for each run: nothing cached or remembered from elsewhere.
      const browser = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        javaScriptEnabled: false,
        viewport: { width: 1280, height: 900 },
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
      try {
        const page = await browser.newPage();
        const response = await page.goto(`${w.server.url}/job-requests/${request.id}`);
        expect(response?.status()).toBe(200);
        expect(await page.title()).toBe(`Job request ${request.id} · Succeeded`);
        expect(await page.locator("h1").textContent()).toBe(`Job request ${request.id}`);
        expect(await page.locator("#status").textContent()).toBe("Succeeded");
        const labels = await page.locator("dt").allInnerTexts();
        for (const label of [
          "Organisation",
          "Workspace",
          "ID",
          "Requested by",
          "Backend",
          "Branch",
          "Force run dependencies",
          "Git commit",
          "Requested actions",
          "Created",
          "Started",
          "Finished",
          "Runtime",
        ]) {
          expect(labels).toContain(label);
        }
        expect(await page.locator("#field-commit a").getAttribute("href")).toBe(
          `https://github.com/${FULL_NAME}/tree/${pull.headSha}`,
        );
        const rows = await page.locator("#jobs tbody tr").allInnerTexts();
        expect(rows.map((r) => r.split("\t").slice(0, 3))).toEqual([
          ["extract_consultations", "Succeeded", "succeeded"],
          ["make_safe", "Succeeded", "succeeded"],
          ["render_report", "Succeeded", "succeeded"],
        ]);
        expect(await page.locator("#pipeline").textContent()).toContain("render_report:");
        mkdirSync(ARTIFACTS, { recursive: true });
        const shot = join(ARTIFACTS, "job-request-page.png");
        await page.screenshot({ path: shot, fullPage: true });
        expect(existsSync(shot)).toBe(true);
      } finally {
        await browser.close();
        rmSync(profile, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it("submits the same actions again from the check's Re-run, and refuses someone who may not", async () => {
    const run = runOf(request)!;
    const refused = w.checkRunEvent(
      "rerequested",
      { id: run.id, headSha: run.headSha, externalId: run.externalId },
      "reader",
    );
    expect((await w.deliver("check_run", refused)).status).toBe(200);
    expect(requestsOf(11)).toHaveLength(1);
    expect(replies(11).at(-1)?.body).toContain("@reader could not run [job request");
    expect(replies(11).at(-1)?.body).toContain("needs at least the write role");

    const again = w.checkRunEvent(
      "rerequested",
      { id: run.id, headSha: run.headSha, externalId: run.externalId },
      "maintainer",
    );
    expect((await w.deliver("check_run", again, { delivery: "rerun-11" })).status).toBe(200);
    // The same press delivered again (GitHub redelivers with the same id) makes nothing more.
    expect((await w.deliver("check_run", again, { delivery: "rerun-11" })).status).toBe(200);
    const [rerun, original] = requestsOf(11);
    expect(original!.id).toBe(request.id);
    expect(rerun).toMatchObject({
      commit: request.commit,
      requestedActions: ["render_report"],
      backend: "test",
      requestedBy: "maintainer",
      commentId: null,
    });
    expect(requestsOf(11)).toHaveLength(2);
    const second = await completedRun(rerun!);
    expect(second.conclusion).toBe("success");
    expect(second.id).not.toBe(run.id);
    // Only render_report was asked for; its dependencies had succeeded and were not run again.
    expect(w.jobs.service.store.jobs(rerun!.id).map((j) => j.action)).toEqual(["render_report"]);
  }, 90_000);

  it("answers status with the pull request's job requests, and keeps them in the comment after a push", async () => {
    const { commentId } = await w.comment(pull, "/opensafely status");
    expect(w.people.reactionsOn(commentId)).toEqual(["eyes", "rocket"]);
    const reply = replies(11).at(-1)!.body;
    expect(reply).toContain("@researcher here are this pull request's job requests:");
    for (const r of requestsOf(11))
      expect(reply).toContain(`[\`${r.id}\`](${w.server.url}/job-requests/${r.id})`);

    const pushed = w.push(pull, { "notes.md": "more\n" });
    const event = pullRequestEvent("synchronize", w.repo, {
      number: 11,
      headSha: pushed.headSha,
      baseSha: pushed.baseSha,
      headRef: pushed.branch,
    });
    expect((await w.deliver("pull_request", event)).status).toBe(200);
    const body = stickyComment(11)!.body;
    expect(body).toContain("#### Job requests");
    for (const r of requestsOf(11)) expect(body).toContain(`\`${r.id}\``);
    expect(
      w.github.state.commentsOn(FULL_NAME, 11).filter((c) => c.body.startsWith(COMMENT_MARKER)),
    ).toHaveLength(1);
  });
});

describe("the check run's buttons", () => {
  it("cancel a running job request, and Run again requests it anew", async () => {
    const pull = await open(12);
    await w.comment(pull, "/opensafely run wait_for_gate");
    const [request] = requestsOf(12);
    await eventually(
      () => (w.jobs.service.store.jobs(request!.id)[0]?.status === "running" ? true : undefined),
      "the gated job to run",
    );
    const run = await eventually(() => {
      const found = runOf(request!);
      return found?.status === "in_progress" ? found : undefined;
    }, "the check run to be in progress");
    const actions = w.github.requests
      .filter((r) => r.path.startsWith(`/repos/${FULL_NAME}/check-runs`) && r.method !== "GET")
      .map((r) => (r.body as { actions?: { identifier: string }[] }).actions?.map((a) => a.identifier));
    expect(actions.at(-1)).toEqual(["cancel"]);

    const press = w.checkRunEvent(
      "requested_action",
      { id: run.id, headSha: run.headSha, externalId: run.externalId },
      "researcher",
      "cancel",
    );
    expect((await w.deliver("check_run", press)).status).toBe(200);
    const cancelled = await completedRun(request!);
    expect(cancelled.conclusion).toBe("failure");
    expect(cancelled.output.text).toContain("`cancelled_by_user`");
    expect(w.jobs.service.store.get(request!.id)!.cancelledActions).toEqual(["wait_for_gate"]);

    const rerun = w.checkRunEvent(
      "requested_action",
      { id: run.id, headSha: run.headSha, externalId: run.externalId },
      "researcher",
      "rerun",
    );
    expect((await w.deliver("check_run", rerun)).status).toBe(200);
    expect(requestsOf(12)).toHaveLength(2);
    const [fresh] = requestsOf(12);
    expect(fresh!.requestedActions).toEqual(["wait_for_gate"]);
    expect(w.jobs.service.store.get(fresh!.id)!.submission).toBe("accepted");
    writeFileSync(w.gate, "open\n");
    expect((await completedRun(fresh!)).conclusion).toBe("success");
  }, 90_000);
});
