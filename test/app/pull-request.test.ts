// A pull request that changes project.yaml, end to end: signed webhooks into the real App over HTTP,
// and what a user would then see on GitHub (the comment, the check run and its annotations).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMENT_MARKER } from "../../src/app/report/comment-body.ts";
import { pullRequestEvent } from "./helpers/events.ts";
import { APP_ID, type Harness, startHarness } from "./helpers/harness.ts";
import { DEMO, DEMO_CHANGED, DEMO_INVALID } from "./helpers/projects.ts";
import { openStudyPull, pushToPull, REPO } from "./helpers/scenario.ts";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const opened = (study: ReturnType<typeof openStudyPull>) =>
  h.deliver("pull_request", pullRequestEvent("opened", study.repo, study));
const synchronized = (study: ReturnType<typeof openStudyPull>) =>
  h.deliver("pull_request", pullRequestEvent("synchronize", study.repo, study));

describe("pull request opened", () => {
  it("comments with validity, the changes, the graph and how to run them, and passes the check", async () => {
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO },
      head: { "project.yaml": DEMO_CHANGED },
    });
    const response = await opened(study);
    expect(response.status).toBe(200);

    const comments = h.github.state.commentsOn(REPO, 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.user.type).toBe("Bot");
    expect(comments[0]!.body).toMatchSnapshot();

    const runs = h.github.state.checkRunsOn(REPO, study.headSha);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      name: "Trestle: project.yaml",
      status: "completed",
      conclusion: "success",
      externalId: "trestle:project",
      output: { title: "project.yaml: valid (4 actions)" },
    });
    expect(runs[0]!.output.summary).toBe(
      "`project.yaml` is valid: 4 actions · 1 added · 1 changed · 1 affected downstream.",
    );
    expect(runs[0]!.output.text).toContain("| `make_safe` | changed: config | `render_report` |");
    expect(runs[0]!.annotations).toEqual([]);
  });

  it("fails the check with every error annotated on its line, and lists them in the comment", async () => {
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO },
      head: { "project.yaml": DEMO_INVALID },
    });
    expect((await opened(study)).status).toBe(200);

    const [run] = h.github.state.checkRunsOn(REPO, study.headSha);
    expect(run).toMatchObject({
      conclusion: "failure",
      output: { title: "project.yaml: invalid (2 errors)" },
    });
    expect(run!.annotations.map((a) => [a.start_line, a.annotation_level, a.path])).toEqual([
      [25, "failure", "project.yaml"],
      [28, "failure", "project.yaml"],
    ]);
    expect(run!.annotations[0]!.message).toContain("tidy_data");
    expect(run!.output.text).toContain("project.yaml:25:");
    expect(run!.output.text).toContain("project.yaml:28:");

    const [comment] = h.github.state.commentsOn(REPO, 7);
    expect(comment!.body).toMatchSnapshot();
  });

  it("says once that there is no project.yaml, with a neutral check", async () => {
    const study = openStudyPull(h, {
      base: { "README.md": "# Study\n" },
      head: { "analysis/a.py": "print(1)\n" },
    });
    await opened(study);
    const [run] = h.github.state.checkRunsOn(REPO, study.headSha);
    expect(run).toMatchObject({ conclusion: "neutral", output: { title: "No project.yaml" } });
    const [comment] = h.github.state.commentsOn(REPO, 7);
    expect(comment!.body).toContain("No `project.yaml` in this pull request");

    const next = pushToPull(h, study, { "analysis/b.py": "print(2)\n" });
    await synchronized(next);
    expect(h.github.state.commentsOn(REPO, 7)).toHaveLength(1);
    expect(h.github.state.commentsOn(REPO, 7)[0]!.edits).toBe(0);
  });

  it("treats every action as new when the base branch has no project.yaml", async () => {
    const study = openStudyPull(h, { base: { "README.md": "# Study\n" }, head: { "project.yaml": DEMO } });
    await opened(study);
    const [comment] = h.github.state.commentsOn(REPO, 7);
    expect(comment!.body).toContain("3 actions · 3 added");
    expect(comment!.body).toContain("The base branch has no `project.yaml`, so every action is new.");
    expect(comment!.body).toContain("class n0,n1,n2 added");
  });

  it("says when the base's project.yaml is not valid, and shows the graph without a comparison", async () => {
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO_INVALID },
      head: { "project.yaml": DEMO },
    });
    await opened(study);
    const [comment] = h.github.state.commentsOn(REPO, 7);
    expect(comment!.body).toContain(
      "The base branch's `project.yaml` is not valid, so changes cannot be shown.",
    );
    expect(comment!.body).not.toContain("What this pull request changes");
    expect(comment!.body).toContain("```mermaid");
    expect(comment!.body).not.toContain("classDef");
  });

  it("shows removed actions, unconnected, in the graph and the table", async () => {
    const without = DEMO.slice(0, DEMO.indexOf("  render_report:"));
    const study = openStudyPull(h, { base: { "project.yaml": DEMO }, head: { "project.yaml": without } });
    await opened(study);
    const [comment] = h.github.state.commentsOn(REPO, 7);
    expect(comment!.body).toContain("| `render_report` | removed | — |");
    expect(comment!.body).toContain("class n2 removed");
    expect(comment!.body).not.toMatch(/--> n2/);
  });
});

describe("pushes to an open pull request", () => {
  it("edits the one comment when project.yaml changes, rather than adding another", async () => {
    const study = openStudyPull(h, { base: { "project.yaml": DEMO }, head: { "project.yaml": DEMO } });
    await opened(study);
    const first = h.github.state.commentsOn(REPO, 7)[0]!;
    expect(first.body).toContain("no actions changed");

    const next = pushToPull(h, study, { "project.yaml": DEMO_CHANGED });
    expect((await synchronized(next)).status).toBe(200);
    const comments = h.github.state.commentsOn(REPO, 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(first.id);
    expect(comments[0]!.edits).toBe(1);
    expect(comments[0]!.body).toContain("1 added · 1 changed · 1 affected downstream");
    expect(h.github.state.checkRunsOn(REPO, next.headSha)).toHaveLength(1);
  });

  it("does not edit the comment when a push leaves the report the same", async () => {
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO },
      head: { "project.yaml": DEMO_CHANGED },
    });
    await opened(study);
    const next = pushToPull(h, study, { "analysis/make_safe.py": "# rounding\n" });
    const before = h.github.requests.length;
    await synchronized(next);

    const writes = h.github.requests.slice(before).filter((r) => r.method !== "GET");
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /repos/${REPO}/check-runs`]);
    expect(h.github.state.commentsOn(REPO, 7)[0]!.edits).toBe(0);
  });

  it("leaves the comment alone for a delivery about a commit the pull request has moved past", async () => {
    const study = openStudyPull(h, { base: { "project.yaml": DEMO }, head: { "project.yaml": DEMO } });
    await opened(study);
    const newer = pushToPull(h, study, { "project.yaml": DEMO_CHANGED });
    const newest = pushToPull(h, newer, { "project.yaml": DEMO_INVALID });
    // The delivery for `newer` arrives after the pull request moved on to `newest`.
    await synchronized(newer);
    expect(h.github.state.commentsOn(REPO, 7)[0]!.edits).toBe(0);
    expect(h.github.state.checkRunsOn(REPO, newer.headSha)).toHaveLength(1);
    expect(h.logs.some((l) => l.msg === "delivery handled" && l.comment === "stale")).toBe(true);
    await synchronized(newest);
    expect(h.github.state.commentsOn(REPO, 7)[0]!.body).toContain("is not valid");
  });

  it("orders deliveries by the pull request's updated_at, asking GitHub only when that cannot decide", async () => {
    const study = openStudyPull(h, { base: { "project.yaml": DEMO }, head: { "project.yaml": DEMO } });
    const at = (time: string) => `2026-11-25T10:${time}Z`;
    const pullsReads = () => h.github.requests.filter((r) => r.path.endsWith("/pulls/7")).length;
    await h.deliver(
      "pull_request",
      pullRequestEvent("opened", study.repo, { ...study, updatedAt: at("00:00") }),
    );
    expect(pullsReads()).toBe(1);

    const older = pushToPull(h, study, { "project.yaml": DEMO_INVALID });
    const newer = pushToPull(h, older, { "project.yaml": DEMO_CHANGED });
    await h.deliver(
      "pull_request",
      pullRequestEvent("synchronize", study.repo, { ...newer, updatedAt: at("02:00") }),
    );
    expect(pullsReads()).toBe(1);
    expect(h.github.state.commentsOn(REPO, 7)[0]!.body).toContain("1 added · 1 changed");

    // The delivery for the older push arrives last: it is stale by its stamp alone.
    await h.deliver(
      "pull_request",
      pullRequestEvent("synchronize", study.repo, { ...older, updatedAt: at("01:00") }),
    );
    expect(pullsReads()).toBe(1);
    expect(h.github.state.commentsOn(REPO, 7)[0]!.body).toContain("1 added · 1 changed");
    expect(h.github.state.checkRunsOn(REPO, older.headSha)[0]!.conclusion).toBe("failure");
  });

  it("makes one comment when two deliveries for a pull request arrive together", async () => {
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO },
      head: { "project.yaml": DEMO_CHANGED },
    });
    const responses = await Promise.all([
      opened(study),
      h.deliver("pull_request", pullRequestEvent("reopened", study.repo, study)),
      synchronized(study),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(h.github.state.commentsOn(REPO, 7)).toHaveLength(1);
    expect(h.github.state.checkRunsOn(REPO, study.headSha)).toHaveLength(1);
  });

  it("acts once on a redelivery of the same delivery id", async () => {
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO },
      head: { "project.yaml": DEMO_CHANGED },
    });
    const payload = pullRequestEvent("opened", study.repo, study);
    await h.deliver("pull_request", payload, { delivery: "0b5ad1e0-c4d5-11ef-8e2b-7a1c9f6d2b3a" });
    const before = h.github.requests.length;
    const again = await h.deliver("pull_request", payload, {
      delivery: "0b5ad1e0-c4d5-11ef-8e2b-7a1c9f6d2b3a",
    });
    expect(again.status).toBe(200);
    expect(h.github.requests.length).toBe(before);
    expect(h.logs.some((l) => l.outcome === "redelivery-skipped")).toBe(true);
  });
});

describe("finding the comment again", () => {
  it("ignores a person's comment that quotes the marker, and another App's", async () => {
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO },
      head: { "project.yaml": DEMO_CHANGED },
    });
    const person = { login: "researcher", id: 5, type: "User" as const };
    const otherBot = { login: "other-app[bot]", id: 6, type: "Bot" as const };
    h.github.state.addComment(REPO, 7, `${COMMENT_MARKER}\nquoted`, person);
    h.github.state.addComment(REPO, 7, `${COMMENT_MARKER}\ncopied`, otherBot, APP_ID + 1);
    await opened(study);
    const comments = h.github.state.commentsOn(REPO, 7);
    expect(comments).toHaveLength(3);
    expect(comments.map((c) => c.body.split("\n")[1])).toEqual([
      "quoted",
      "copied",
      "### ✅ `project.yaml` is valid",
    ]);
    expect(comments.every((c) => c.edits === 0)).toBe(true);
  });

  it("finds its comment past the first page of a long conversation", async () => {
    const study = openStudyPull(h, { base: { "project.yaml": DEMO }, head: { "project.yaml": DEMO } });
    const person = { login: "researcher", id: 5, type: "User" as const };
    for (let i = 0; i < 150; i++) h.github.state.addComment(REPO, 7, `comment ${i}`, person);
    const ours = h.github.state.addComment(
      REPO,
      7,
      `${COMMENT_MARKER}\nold report`,
      h.github.state.botUser,
      APP_ID,
    );
    await opened(study);
    expect(h.github.state.commentsOn(REPO, 7)).toHaveLength(151);
    expect(ours.edits).toBe(1);
    expect(h.github.requests.some((r) => r.path.endsWith("/comments") && r.query.get("page") === "2")).toBe(
      true,
    );
  });

  it("writes a new comment when its comment was deleted", async () => {
    const study = openStudyPull(h, { base: { "project.yaml": DEMO }, head: { "project.yaml": DEMO } });
    await opened(study);
    h.github.state.comments.length = 0;
    const next = pushToPull(h, study, { "project.yaml": DEMO_CHANGED });
    expect((await synchronized(next)).status).toBe(200);
    expect(h.github.state.commentsOn(REPO, 7)).toHaveLength(1);
  });
});
