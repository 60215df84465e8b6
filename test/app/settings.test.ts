// Repository settings in .github/opensafely.yml: read from the default branch only, validated, and a
// bad file reported on the commit in words rather than crashing or being guessed around.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { validateSettings } from "../../src/app/settings/read-settings.ts";
import { DEFAULT_SETTINGS } from "../../src/app/settings/settings-schema.ts";
import { pullRequestEvent, pushEvent } from "./helpers/events.ts";
import { type Harness, startHarness } from "./helpers/harness.ts";
import { DEMO, DEMO_CHANGED } from "./helpers/projects.ts";
import { openStudyPull, REPO } from "./helpers/scenario.ts";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function openWithSettings(settings: string | null, head: Record<string, string | null> = {}) {
  const base: Record<string, string | null> = { "project.yaml": DEMO };
  if (settings !== null) base[".github/opensafely.yml"] = settings;
  const study = openStudyPull(h, { base, head: { "project.yaml": DEMO_CHANGED, ...head } });
  const response = await h.deliver("pull_request", pullRequestEvent("opened", study.repo, study));
  return { study, response };
}

describe("an invalid settings file", () => {
  it("is reported as a failed check naming each problem, and nothing else is posted", async () => {
    const { study, response } = await openWithSettings(
      "comment:\n  enabled: sometimes\n  grpah: false\nchecks: 3\n",
    );
    expect(response.status).toBe(200);
    expect(h.github.state.commentsOn(REPO, 7)).toEqual([]);
    const runs = h.github.state.checkRunsOn(REPO, study.headSha);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      name: "Trestle: project.yaml",
      conclusion: "failure",
      externalId: "trestle:settings",
      output: { title: ".github/opensafely.yml is not valid" },
    });
    expect(runs[0]!.output.summary).toContain("has 3 problems");
    expect(runs[0]!.output.text).toMatchSnapshot();
  });

  it("that is not YAML is reported, not thrown", async () => {
    const { study, response } = await openWithSettings("comment: [unclosed\n");
    expect(response.status).toBe(200);
    const [run] = h.github.state.checkRunsOn(REPO, study.headSha);
    expect(run!.output.text).toContain("could not be read: invalid YAML");
  });

  it("that is a list rather than a mapping is reported", async () => {
    const { study } = await openWithSettings("- comment\n- checks\n");
    const [run] = h.github.state.checkRunsOn(REPO, study.headSha);
    expect(run!.output.text).toContain("must hold a mapping of settings");
  });

  it("that is a directory is reported", async () => {
    const { study } = await openWithSettings(null);
    const before = study.baseSha;
    const after = h.github.state.commit(REPO, { ".github/opensafely.yml/nested.yml": "x: 1\n" });
    await h.deliver("push", pushEvent(study.repo, { before, after }));
    await h.deliver("pull_request", pullRequestEvent("synchronize", study.repo, study));
    const run = h.github.state.checkRunsOn(REPO, study.headSha).at(-1);
    expect(run!.conclusion).toBe("failure");
    expect(run!.output.text).toContain("is a directory");
  });
});

describe("valid settings", () => {
  it("can turn the comment off, keeping the check", async () => {
    const { study } = await openWithSettings("comment:\n  enabled: false\n");
    expect(h.github.state.commentsOn(REPO, 7)).toEqual([]);
    expect(h.github.state.checkRunsOn(REPO, study.headSha)[0]!.conclusion).toBe("success");
  });

  it("can turn the check off, keeping the comment", async () => {
    const { study } = await openWithSettings("checks:\n  enabled: false\n");
    expect(h.github.state.checkRunsOn(REPO, study.headSha)).toEqual([]);
    expect(h.github.state.commentsOn(REPO, 7)).toHaveLength(1);
  });

  it("without the check, does not point the comment's errors at it", async () => {
    await openWithSettings("checks:\n  enabled: false\n", {
      "project.yaml": DEMO.replace("needs: [make_safe]", "needs: [nope]"),
    });
    const body = h.github.state.commentsOn(REPO, 7)[0]!.body;
    expect(body).toContain("1 error:");
    expect(body).not.toContain("marked on its line");
  });

  it("can leave the graph out of the comment and rename the check", async () => {
    const { study } = await openWithSettings("comment:\n  graph: false\nchecks:\n  name: OpenSAFELY\n");
    expect(h.github.state.commentsOn(REPO, 7)[0]!.body).not.toContain("```mermaid");
    expect(h.github.state.commentsOn(REPO, 7)[0]!.body).toContain("What this pull request changes");
    expect(h.github.state.checkRunsOn(REPO, study.headSha)[0]!.name).toBe("OpenSAFELY");
  });

  it("come from the default branch only: a pull request cannot change them", async () => {
    await openWithSettings(null, { ".github/opensafely.yml": "comment:\n  enabled: false\n" });
    expect(h.github.state.commentsOn(REPO, 7)).toHaveLength(1);
    const reads = h.github.requests.filter((r) => r.path.endsWith("opensafely.yml"));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.query.get("ref") === null)).toBe(true);
  });

  it("fall back to the organisation's .github repository, as Probot does", async () => {
    h.github.state.addRepo("opensafely/.github", { installationId: 41234567 });
    h.github.state.commit("opensafely/.github", { ".github/opensafely.yml": "comment:\n  graph: false\n" });
    await openWithSettings(null);
    expect(h.github.state.commentsOn(REPO, 7)[0]!.body).not.toContain("```mermaid");
  });
});

describe("settings changes", () => {
  it("take effect once the default branch is pushed to, and are otherwise read once", async () => {
    const { study } = await openWithSettings(null);
    expect(h.github.state.commentsOn(REPO, 7)).toHaveLength(1);
    const reads = () => h.github.requests.filter((r) => r.path.endsWith("opensafely.yml")).length;
    const readsAfterOpen = reads();

    // Nothing read again while the default branch stays where it is.
    await h.deliver("pull_request", pullRequestEvent("reopened", study.repo, study));
    expect(reads()).toBe(readsAfterOpen);

    const after = h.github.state.commit(REPO, { ".github/opensafely.yml": "checks:\n  name: Renamed\n" });
    await h.deliver("push", pushEvent(study.repo, { before: study.baseSha, after }));
    expect(reads()).toBeGreaterThan(readsAfterOpen);
    await h.deliver("pull_request", pullRequestEvent("synchronize", study.repo, study));
    expect(h.github.state.checkRunsOn(REPO, study.headSha).map((r) => r.name)).toEqual([
      "Trestle: project.yaml",
      "Renamed",
    ]);
  });
});

describe("settings read long ago", () => {
  it("are read again after five minutes, in case a push was missed", async () => {
    await h.close();
    let now = 1_800_000_000_000;
    h = await startHarness({ now: () => now });
    const { study } = await openWithSettings(null);
    h.github.state.commit(REPO, { ".github/opensafely.yml": "checks:\n  name: Renamed\n" });
    const reopen = () => h.deliver("pull_request", pullRequestEvent("reopened", study.repo, study));
    const names = () => h.github.state.checkRunsOn(REPO, study.headSha).map((r) => r.name);
    now += 4 * 60 * 1000;
    await reopen();
    expect(names()).toEqual(["Trestle: project.yaml"]);
    now += 2 * 60 * 1000;
    await reopen();
    expect(names()).toEqual(["Trestle: project.yaml", "Renamed"]);
  });
});

describe("validateSettings", () => {
  it("gives the defaults for an empty file", () => {
    expect(validateSettings({})).toEqual({ ok: true, settings: DEFAULT_SETTINGS, source: "file" });
    expect(DEFAULT_SETTINGS).toEqual({
      comment: { enabled: true, graph: true },
      checks: { enabled: true, name: "Trestle: project.yaml" },
      commands: {
        enabled: true,
        word: "opensafely",
        minimum_role: "write",
        users: [],
        teams: [],
        forks: false,
        backends: {},
      },
      job_requests: { workspace: "{repo}-{branch}", project: "{repo}", organisation: "{owner}" },
    });
  });

  it.each([
    [{ comment: { enabled: "yes" } }, "comment.enabled: Invalid input: expected boolean, received string"],
    [{ checks: { name: "" } }, "checks.name: Too small: expected string to have >=1 characters"],
    [{ checks: { name: "x".repeat(101) } }, "checks.name: Too big: expected string to have <=100 characters"],
    [{ commnet: {} }, '(top level): Unrecognized key: "commnet"'],
    [{ comment: null }, "comment: Invalid input: expected object, received null"],
    [["a"], ".github/opensafely.yml must hold a mapping of settings."],
    ["text", ".github/opensafely.yml must hold a mapping of settings."],
  ])("rejects %j", (raw, problem) => {
    expect(validateSettings(raw)).toEqual({ ok: false, problems: [problem] });
  });

  it("does not let a __proto__ key change the settings object", () => {
    const result = validateSettings(JSON.parse('{"__proto__": {"comment": {"enabled": false}}}'));
    expect(result.ok ? result.settings.comment.enabled : "rejected").not.toBe(false);
  });
});
