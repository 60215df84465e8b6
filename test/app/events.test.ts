// The other events the App handles: pushes to the default branch, "Re-run" on its check, and
// comments (which it never acts on when a bot wrote them).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkRunRerequestedEvent, fixture, issueCommentEvent, pushEvent } from "./helpers/events.ts";
import { APP_ID, type Harness, startHarness } from "./helpers/harness.ts";
import { DEMO, DEMO_CHANGED, DEMO_INVALID } from "./helpers/projects.ts";
import { openStudyPull, REPO } from "./helpers/scenario.ts";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe("push", () => {
  it("checks the default branch's new head, compared with the commit before it", async () => {
    const repo = h.github.state.addRepo(REPO, { installationId: 41234567 });
    const before = h.github.state.commit(REPO, { "project.yaml": DEMO });
    const after = h.github.state.commit(REPO, { "project.yaml": DEMO_CHANGED });
    const response = await h.deliver("push", pushEvent(repo, { before, after }));
    expect(response.status).toBe(200);
    const runs = h.github.state.checkRunsOn(REPO, after);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.output.summary).toBe(
      "`project.yaml` is valid: 4 actions · 1 added · 1 changed · 1 affected downstream.",
    );
    expect(h.github.state.comments).toEqual([]);
  });

  it("checks the first commit of a new repository without a comparison", async () => {
    const repo = h.github.state.addRepo(REPO, { installationId: 41234567 });
    const after = h.github.state.commit(REPO, { "project.yaml": DEMO_INVALID });
    await h.deliver("push", pushEvent(repo, { before: "0".repeat(40), after }));
    const [run] = h.github.state.checkRunsOn(REPO, after);
    expect(run).toMatchObject({
      conclusion: "failure",
      output: { title: "project.yaml: invalid (2 errors)" },
    });
    expect(run!.annotations).toHaveLength(2);
  });

  it("ignores pushes to other branches, tags and deleted branches", async () => {
    const repo = h.github.state.addRepo(REPO, { installationId: 41234567 });
    const before = h.github.state.commit(REPO, { "project.yaml": DEMO });
    const after = h.github.state.commit(REPO, { "project.yaml": DEMO_CHANGED }, { branch: "feature" });
    for (const ref of ["refs/heads/feature", "refs/tags/v1"]) {
      expect((await h.deliver("push", pushEvent(repo, { before, after, ref }))).status).toBe(200);
    }
    const deleted = fixture("push/branch-deleted");
    deleted.installation.id = repo.installationId;
    expect((await h.deliver("push", deleted)).status).toBe(200);
    expect(h.github.requests).toEqual([]);
  });
});

describe("check_run rerequested", () => {
  it("publishes the check again and brings the comment up to date", async () => {
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO },
      head: { "project.yaml": DEMO_CHANGED },
    });
    const event = checkRunRerequestedEvent(study.repo, {
      headSha: study.headSha,
      appId: APP_ID,
      externalId: "trestle:project",
      pulls: [{ number: 7, headSha: study.headSha, baseSha: study.baseSha }],
    });
    expect((await h.deliver("check_run", event)).status).toBe(200);
    expect((await h.deliver("check_run", event)).status).toBe(200);
    // A re-run always makes a new run, even when it says the same as the last.
    expect(h.github.state.checkRunsOn(REPO, study.headSha)).toHaveLength(2);
    expect(h.github.state.commentsOn(REPO, 7)).toHaveLength(1);
  });

  it("re-checks a commit with no pull request listed (as for forks)", async () => {
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO },
      head: { "project.yaml": DEMO_CHANGED },
    });
    const event = checkRunRerequestedEvent(study.repo, {
      headSha: study.headSha,
      appId: APP_ID,
      externalId: "trestle:project",
      pulls: [],
    });
    await h.deliver("check_run", event);
    expect(h.github.state.checkRunsOn(REPO, study.headSha)).toHaveLength(1);
    expect(h.github.state.commentsOn(REPO, 7)).toEqual([]);
  });

  it("leaves other Apps' runs, and runs it made for something else, alone", async () => {
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO },
      head: { "project.yaml": DEMO_CHANGED },
    });
    const pulls = [{ number: 7, headSha: study.headSha, baseSha: study.baseSha }];
    const other = checkRunRerequestedEvent(study.repo, {
      headSha: study.headSha,
      appId: 99,
      externalId: "trestle:project",
      pulls,
    });
    const mine = checkRunRerequestedEvent(study.repo, {
      headSha: study.headSha,
      appId: APP_ID,
      externalId: "job-request:abc",
      pulls,
    });
    expect((await h.deliver("check_run", other)).status).toBe(200);
    expect((await h.deliver("check_run", mine)).status).toBe(200);
    expect(h.github.requests).toEqual([]);
  });
});

describe("issue_comment", () => {
  it("never acts on a comment written by this App or another bot", async () => {
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO },
      head: { "project.yaml": DEMO_CHANGED },
    });
    const response = await h.deliver("issue_comment", issueCommentEvent("by-app", study.repo, 7, APP_ID));
    expect(response.status).toBe(200);
    expect(h.github.requests).toEqual([]);
  });

  it("does nothing with a person's comment that holds no command", async () => {
    const study = openStudyPull(h, {
      base: { "project.yaml": DEMO },
      head: { "project.yaml": DEMO_CHANGED },
    });
    const response = await h.deliver("issue_comment", issueCommentEvent("by-person", study.repo, 7, APP_ID));
    expect(response.status).toBe(200);
    expect(h.github.requests).toEqual([]);
  });
});
