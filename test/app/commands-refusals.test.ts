// End to end, what does not run and why: an unauthorised commenter, an unknown action, an invalid
// project.yaml at the head, a fork, typos and bad commands (each answered, with the help), a comment
// delivered twice, a backend that is down (the request waits and is submitted when it is back), and
// `cancel`. Also the answers of `status`, `graph` and `help`.
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRequest } from "../../src/app/job-requests/job-request.ts";
import { COMMENT_MARKER } from "../../src/app/report/comment-body.ts";
import { eventually } from "../backend/helpers/backend.ts";
import { fixture } from "./helpers/events.ts";
import type { FakeCheckRun } from "./helpers/fake-github-state.ts";
import { APP_ID } from "./helpers/harness.ts";
import { FULL_NAME, type JobsWorld, NAME, OWNER, startJobsWorld } from "./helpers/jobs-harness.ts";

const REPO = { owner: OWNER, repo: NAME };

let w: JobsWorld;
beforeAll(async () => {
  w = await startJobsWorld();
  w.people.setRole(FULL_NAME, "researcher", "write");
  w.people.setRole(FULL_NAME, "triager", "triage");
  w.people.setRole(FULL_NAME, "steward", "write", "data-steward");
}, 60_000);
afterAll(async () => {
  if (w !== undefined) writeFileSync(w.gate, "open\n");
  await w?.close();
});

function requestsOf(number: number): JobRequest[] {
  return w.jobs.service.store.forPull(REPO, number);
}

function replies(number: number): string[] {
  return w.github.state
    .commentsOn(FULL_NAME, number)
    .filter((c) => c.performedViaAppId === APP_ID && !c.body.startsWith(COMMENT_MARKER))
    .map((c) => c.body);
}

function jobRequestRuns(sha: string): FakeCheckRun[] {
  return w.github.state
    .checkRunsOn(FULL_NAME, sha)
    .filter((r) => r.externalId?.startsWith("trestle:job-request:"));
}

describe("refusals", () => {
  it("refuses commenters whose role is below write, saying why, and runs nothing", async () => {
    const pull = w.openPull(21);
    for (const [login, has] of [
      ["triager", "the triage role"],
      ["stranger", "no role"],
    ] as const) {
      const { commentId } = await w.comment(pull, "/opensafely run render_report", login);
      expect(w.people.reactionsOn(commentId)).toEqual(["eyes", "confused"]);
      expect(replies(21).at(-1)).toBe(
        `> \`/opensafely run render_report\`\n\n@${login} has ${has} on this repository; running and cancelling jobs needs at least the write role. Nothing was run.`,
      );
    }
    expect(requestsOf(21)).toEqual([]);
    expect(jobRequestRuns(pull.headSha)).toEqual([]);
    // A custom role is judged by what it grants.
    const { commentId } = await w.comment(pull, "/opensafely run make_safe -f", "steward");
    expect(w.people.reactionsOn(commentId)).toEqual(["eyes", "rocket"]);
    const [request] = requestsOf(21);
    expect(request).toMatchObject({ requestedBy: "steward", forceRunDependencies: true });
    expect(w.backend.store.jobRequest(request!.id)).toMatchObject({
      force_run_dependencies: 1,
      created_by: "steward",
    });
  }, 60_000);

  it("refuses an action that is not in project.yaml, suggesting the one meant", async () => {
    const pull = w.openPull(22);
    const { commentId } = await w.comment(pull, "/opensafely run render_reprot make_safe");
    expect(w.people.reactionsOn(commentId)).toEqual(["eyes", "confused"]);
    expect(replies(22).at(-1)).toContain(
      "Nothing was run:\n\n- `render_reprot` is not an action in `project.yaml`. Did you mean `render_report`?",
    );
    expect(requestsOf(22)).toEqual([]);
  });

  it("refuses when project.yaml at the head is not valid, listing its errors", async () => {
    const pull = w.openPull(23, {
      "project.yaml": "version: '4.0'\nactions:\n  broken:\n    run: python:v2 x.py\n",
    });
    const { commentId } = await w.comment(pull, "/opensafely run broken");
    expect(w.people.reactionsOn(commentId)).toEqual(["eyes", "confused"]);
    const reply = replies(23).at(-1)!;
    expect(reply).toContain(
      `\`project.yaml\` at \`${pull.headSha.slice(0, 7)}\` is not valid (1 error), so nothing was run:`,
    );
    expect(reply).toMatch(/project\.yaml:\d+:\d+: error: /);
    expect(requestsOf(23)).toEqual([]);
  });

  it("refuses a pull request from a fork", async () => {
    const pull = w.openPull(24, {}, { fork: "someone/demo-study" });
    const { commentId } = await w.comment(pull, "/opensafely run render_report");
    expect(w.people.reactionsOn(commentId)).toEqual(["eyes", "confused"]);
    expect(replies(24).at(-1)).toContain("This pull request comes from a fork.");
    expect(requestsOf(24)).toEqual([]);
  });

  it("answers typos and bad commands with the help, never silence", async () => {
    const pull = w.openPull(25);
    const cases = [
      ["/opensafley run render_report", "`/opensafley` is not a command. Did you mean `/opensafely`?"],
      ["/opensafely rnu render_report", "`rnu` is not a command. Did you mean `run`?"],
      [
        "/opensafely run render_report --force",
        "`--force` is not an option. Did you mean `--force-run-dependencies`?",
      ],
      ["/opensafely run", "Say which actions to run, or `run_all` to run them all."],
      [
        "/opensafely run a\n/opensafely run b",
        "write one command per comment; this one has 2 (on lines 1, 2)",
      ],
      [
        "/opensafely run render_report --backend tpp",
        "`tpp` is not a backend of this App. The backends are `test`, `other`.",
      ],
    ] as const;
    for (const [body, answer] of cases) {
      const { commentId } = await w.comment(pull, body);
      expect(w.people.reactionsOn(commentId), body).toEqual(["eyes", "confused"]);
      const reply = replies(25).at(-1)!;
      expect(reply, body).toContain(answer);
    }
    // Bad commands get the help with the answer.
    expect(replies(25)[1]).toContain("| `/opensafely run <action…>` |");
    // A command on an issue (not a pull request) is answered too.
    const made = w.github.state.addComment(FULL_NAME, 25, "/opensafely run render_report", {
      login: "researcher",
      id: 5123456,
      type: "User",
    });
    const issue = fixture("issue_comment/created-by-person");
    issue.repository.name = NAME;
    issue.repository.owner.login = OWNER;
    issue.installation.id = w.repo.installationId;
    issue.issue.number = 25;
    delete issue.issue.pull_request;
    issue.comment.id = made.id;
    issue.comment.body = made.body;
    expect((await w.deliver("issue_comment", issue)).status).toBe(200);
    expect(w.people.reactionsOn(made.id)).toEqual(["eyes", "confused"]);
    expect(replies(25).at(-1)).toContain("commands work in pull-request comments only; nothing was done.");
    // Quoted and fenced commands are not commands.
    const before = replies(25).length;
    await w.comment(pull, "> /opensafely run render_report\n\n```\n/opensafely run render_report\n```");
    expect(replies(25)).toHaveLength(before);
    expect(requestsOf(25)).toEqual([]);
  });
});

describe("hostile deliveries", () => {
  it("refuses a malformed command delivery with 400, and a button for a run it does not know does nothing", async () => {
    const pull = w.openPull(30);
    const { payload } = await w.comment(pull, "/opensafely help");
    const before = { comments: w.github.state.comments.length };
    const broken = structuredClone(payload);
    broken.comment.id = "1; DROP TABLE job_requests";
    const answer = await w.deliver("issue_comment", broken);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("comment.id");
    const huge = await w.comment(pull, `/opensafely run ${"x ".repeat(1_000_000)}`);
    expect(huge.response.status).toBe(200);
    expect(w.people.reactionsOn(huge.commentId)).toEqual(["eyes", "confused"]);
    expect(w.github.state.comments.at(-1)!.body).toContain("this command is longer than 4000 characters");
    const stranger = w.checkRunEvent(
      "requested_action",
      { id: 1, headSha: pull.headSha, externalId: "trestle:job-request:zzzzzzzzzzzzzzzz" },
      "researcher",
      "cancel",
    );
    expect((await w.deliver("check_run", stranger)).status).toBe(200);
    // The huge comment and its one reply; nothing else.
    expect(w.github.state.comments.length).toBe(before.comments + 2);
    expect(requestsOf(30)).toEqual([]);
  });
});

describe("a repository's settings", () => {
  it("set the command word and the minimum role", async () => {
    const other = "opensafely/other-study";
    const state = w.github.state;
    state.addRepo(other, { installationId: w.repo.installationId });
    const base = state.commit(other, {
      "project.yaml": w.study.repo.git("show", `${w.baseSha}:project.yaml`),
      ".github/opensafely.yml": "commands:\n  word: trestle\n  minimum_role: maintain\n",
    });
    state.openPull(other, { number: 3, head: { sha: base, ref: "main" }, base: { sha: base, ref: "main" } });
    w.people.setRole(other, "researcher", "write");
    const send = async (body: string) => {
      const made = state.addComment(other, 3, body, { login: "researcher", id: 5123456, type: "User" });
      const payload = fixture("issue_comment/created-by-person");
      payload.repository.name = "other-study";
      payload.repository.owner.login = OWNER;
      payload.installation.id = w.repo.installationId;
      payload.issue.number = 3;
      payload.comment.id = made.id;
      payload.comment.body = body;
      expect((await w.deliver("issue_comment", payload)).status).toBe(200);
      return made.id;
    };
    const answers = () =>
      state
        .commentsOn(other, 3)
        .filter((c) => c.performedViaAppId === APP_ID)
        .map((c) => c.body);
    // The default word is not this repository's word: no answer.
    const ignored = await send("/opensafely help");
    expect(w.people.reactionsOn(ignored)).toEqual([]);
    expect(answers()).toEqual([]);
    await send("/trestle help");
    expect(answers().at(-1)).toContain("| `/trestle run <action…>` |");
    const refused = await send("/trestle run render_report");
    expect(w.people.reactionsOn(refused)).toEqual(["eyes", "confused"]);
    expect(answers().at(-1)).toContain(
      "@researcher has the write role on this repository; running and cancelling jobs needs at least the maintain role.",
    );
  });
});

describe("answers", () => {
  it("help, status and graph reply", async () => {
    const pull = w.openPull(26);
    await w.comment(pull, "/opensafely help");
    expect(replies(26).at(-1)).toContain("Backends: `test`, `other` (the default is `test`).");
    await w.comment(pull, "/opensafely status");
    expect(replies(26).at(-1)).toContain("This pull request has no job requests yet.");
    await w.comment(pull, "/opensafely graph");
    expect(replies(26).at(-1)).toContain("```mermaid");
    expect(replies(26).at(-1)).toContain("render_report");
  });
});

describe("delivery and backends", () => {
  it("makes one job request of a comment delivered twice", async () => {
    const pull = w.openPull(27);
    const { payload, commentId } = await w.comment(
      pull,
      "/opensafely run extract_consultations",
      "researcher",
      {
        delivery: "delivery-27",
      },
    );
    // The same delivery again (a redelivery), and the same comment under a new delivery id.
    expect((await w.deliver("issue_comment", payload, { delivery: "delivery-27" })).status).toBe(200);
    expect((await w.deliver("issue_comment", payload, { delivery: "delivery-27-again" })).status).toBe(200);
    expect(requestsOf(27)).toHaveLength(1);
    expect(jobRequestRuns(pull.headSha)).toHaveLength(1);
    expect(w.people.reactionsOn(commentId)).toEqual(["eyes", "rocket"]);
  });

  it("keeps a request while its backend is down, says so, and submits it when the backend is back", async () => {
    const pull = w.openPull(28);
    const { commentId } = await w.comment(pull, "/opensafely run extract_consultations --backend other");
    expect(w.people.reactionsOn(commentId)).toEqual(["eyes"]);
    const [request] = requestsOf(28);
    expect(request).toMatchObject({ backend: "other", submission: "waiting" });
    expect(replies(28).at(-1)).toContain(`is saved, but the backend other could not be reached`);
    expect(replies(28).at(-1)).toContain("nothing is lost");
    const [run] = jobRequestRuns(pull.headSha);
    expect(run).toMatchObject({ status: "queued", output: { title: "Waiting for the backend other" } });

    await w.startOther();
    const done = await eventually(
      () => {
        const current = jobRequestRuns(pull.headSha)[0];
        return current?.status === "completed" ? current : undefined;
      },
      "the request to be submitted and run once the backend is up",
      60_000,
    );
    expect(done.conclusion).toBe("success");
    expect(w.other!.store.jobRequest(request!.id)).toBeDefined();
    expect(w.people.reactionsOn(commentId)).toEqual(["eyes", "rocket"]);
  }, 90_000);

  it("cancels the pull request's running job requests", async () => {
    const pull = w.openPull(29);
    await w.comment(pull, "/opensafely run wait_for_gate");
    const [request] = requestsOf(29);
    await eventually(
      () => (w.jobs.service.store.jobs(request!.id)[0]?.status === "running" ? true : undefined),
      "the gated job to run",
    );
    const { commentId } = await w.comment(pull, "/opensafely cancel");
    expect(w.people.reactionsOn(commentId)).toEqual(["eyes", "rocket"]);
    const run = await eventually(
      () => {
        const current = jobRequestRuns(pull.headSha)[0];
        return current?.status === "completed" ? current : undefined;
      },
      "the cancelled request's check run to complete",
      30_000,
    );
    expect(run.conclusion).toBe("failure");
    expect(w.jobs.service.store.jobs(request!.id)[0]).toMatchObject({
      status: "failed",
      statusCode: "cancelled_by_user",
    });
    const { commentId: again } = await w.comment(pull, "/opensafely cancel");
    expect(w.people.reactionsOn(again)).toEqual(["eyes", "confused"]);
    expect(replies(29).at(-1)).toContain("This pull request has no job request that is still running");
  }, 60_000);
});
