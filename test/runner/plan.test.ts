// Requests that cannot start are values with the reference's messages, and change nothing on disk.
import { readdir } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { exitCodeFor, formatSummary, planRun, runProject } from "../../src/runner/index.ts";
import { pythonProject, type TempProject, tempProject, writer } from "./helpers.ts";

let project: TempProject | null = null;
afterEach(async () => {
  await project?.cleanup();
  project = null;
});

const twoActions = pythonProject([
  { name: "a", script: "a.py", outputs: { "output/a.csv": "highly_sensitive" } },
  { name: "b", script: "b.py", needs: ["a"], outputs: { "output/b.csv": "highly_sensitive" } },
]);

describe("requests that cannot start", () => {
  it("names unknown actions and lists the valid ones", async () => {
    project = await tempProject({ "project.yaml": twoActions });
    const outcome = await runProject({
      projectDir: project.dir,
      actions: ["a", "nope", "also_nope"],
      executor: "local",
    });
    expect(outcome).toEqual({
      kind: "cannot_start",
      problem: {
        code: "unknown_actions",
        message: "Action 'nope' not found in project.yaml\nAction 'also_nope' not found in project.yaml",
        unknown: ["nope", "also_nope"],
        valid: ["run_all", "a", "b"],
      },
    });
    expect(exitCodeFor(outcome)).toBe(2);
    expect(formatSummary(outcome)).toBe(
      [
        "=> UnknownActionError",
        "   Action 'nope' not found in project.yaml",
        "   Action 'also_nope' not found in project.yaml",
        "",
        "   Valid action names are:",
        "     run_all (runs all actions in project)",
        "     a",
        "     b",
      ].join("\n"),
    );
    expect(await readdir(project.dir)).toEqual(["project.yaml"]);
  });

  it("needs at least one action", async () => {
    project = await tempProject({ "project.yaml": twoActions });
    expect(await planRun({ projectDir: project.dir, actions: [] })).toEqual({
      kind: "cannot_start",
      problem: { code: "no_actions", message: "At least one action must be supplied" },
    });
  });

  it("reports a missing project.yaml", async () => {
    project = await tempProject({});
    expect(await planRun({ projectDir: project.dir, actions: ["run_all"] })).toEqual({
      kind: "cannot_start",
      problem: { code: "no_project", message: `No project.yaml file found in ${project.dir}` },
    });
  });

  it("reports an invalid project.yaml with its first error and position", async () => {
    project = await tempProject({
      "project.yaml": "version: '5.0'\nactions:\n  a:\n    run: python a.py\n    outputs: {}\n",
    });
    const outcome = await planRun({ projectDir: project.dir, actions: ["run_all"] });
    expect(outcome.kind).toBe("cannot_start");
    if (outcome.kind !== "cannot_start" || outcome.problem.code !== "invalid_project")
      throw new Error("expected invalid");
    expect(outcome.problem.errors.length).toBeGreaterThan(0);
    expect(outcome.problem.message).toMatch(new RegExp(`^${project.dir}/project\\.yaml:\\d+:\\d+: `));
  });

  it("refuses malformed options without touching the project", async () => {
    project = await tempProject({ "project.yaml": twoActions, "a.py": writer({ "output/a.csv": "a\n" }) });
    for (const options of [
      { concurrency: 0 },
      { concurrency: 1.5 },
      { limits: { timeoutMs: -1 } },
      { requestId: "../../etc" },
    ]) {
      const outcome = await runProject({
        projectDir: project.dir,
        actions: ["a"],
        executor: "local",
        ...options,
      });
      expect(outcome).toMatchObject({ kind: "cannot_start", problem: { code: "bad_option" } });
    }
    expect((await readdir(project.dir)).sort()).toEqual(["a.py", "project.yaml"]);
  });
});

describe("an unexpected failure while a run starts", () => {
  it("is a start_failed problem naming the cause, not a busy project or a usage error", async () => {
    project = await tempProject({ "project.yaml": twoActions, "a.py": writer({ "output/a.csv": "a\n" }) });
    // Where the runner keeps its state, a file stands instead of a folder.
    await project.write("metadata", "not a folder\n");
    const outcome = await runProject({ projectDir: project.dir, actions: ["a"], executor: "local" });
    expect(outcome).toMatchObject({
      kind: "cannot_start",
      problem: { code: "start_failed", message: expect.stringMatching(/^cannot use .*ENOTDIR/) },
    });
    expect(exitCodeFor(outcome)).toBe(2);
    expect(await project.read("metadata")).toBe("not a folder\n");
  });
});

describe("plans", () => {
  it("runs a requested action and its never-run needs, dependencies first", async () => {
    project = await tempProject({ "project.yaml": twoActions });
    expect(await planRun({ projectDir: project.dir, actions: ["b"] })).toMatchObject({
      kind: "plan",
      plan: {
        jobs: [
          { action: "a", reason: "never_run", detail: "it has not run before", waitsFor: [] },
          { action: "b", reason: "requested", detail: "requested", waitsFor: ["a"] },
        ],
        reused: [],
      },
    });
  });
});
