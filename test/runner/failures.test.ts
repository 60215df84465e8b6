// Failing jobs with real processes: the failure's status and log tail, `dependency_failed`
// dependents, stopping after the first failure, and --continue-on-error.
import { afterEach, describe, expect, it } from "vitest";
import { exitCodeFor } from "../../src/runner/index.ts";
import { jobsOf, pythonProject, run, type TempProject, tempProject, writer } from "./helpers.ts";

let project: TempProject | null = null;
afterEach(async () => {
  await project?.cleanup();
  project = null;
});

const failing = [
  "import sys",
  "for i in range(40):",
  "    print(f'progress line {i}')",
  "print('Traceback (most recent call last):', file=sys.stderr)",
  "print('ValueError: the model did not converge', file=sys.stderr)",
  "sys.exit(3)",
  "",
].join("\n");

async function failingProject(): Promise<TempProject> {
  return tempProject({
    "project.yaml": pythonProject([
      {
        name: "prepare",
        script: "analysis/prepare.py",
        outputs: { "output/prepared.csv": "highly_sensitive" },
      },
      {
        name: "model",
        script: "analysis/model.py",
        needs: ["prepare"],
        outputs: { "output/model.csv": "highly_sensitive" },
      },
      {
        name: "table",
        script: "analysis/table.py",
        needs: ["model"],
        outputs: { "output/table.csv": "moderately_sensitive" },
      },
      {
        name: "figure",
        script: "analysis/figure.py",
        needs: ["table"],
        outputs: { "output/figure.csv": "moderately_sensitive" },
      },
      { name: "other", script: "analysis/other.py", outputs: { "output/other.csv": "moderately_sensitive" } },
    ]),
    "analysis/prepare.py": writer({ "output/prepared.csv": "a\n1\n" }),
    "analysis/model.py": failing,
    "analysis/table.py": writer({ "output/table.csv": "a\n1\n" }),
    "analysis/figure.py": writer({ "output/figure.csv": "a\n1\n" }),
    "analysis/other.py": writer({ "output/other.csv": "a\n1\n" }),
  });
}

describe("a failing job", () => {
  it("fails with nonzero_exit, the last 32 lines of its output, and its dependents dependency_failed", async () => {
    project = await failingProject();
    const { outcome } = await run(project.dir, ["run_all"], { continueOnError: true, concurrency: 1 });
    const jobs = jobsOf(outcome);
    const model = jobs.get("model")!;
    expect(model).toMatchObject({ statusCode: "nonzero_exit", state: "failed", exitCode: 3 });
    expect(model.statusMessage).toBe("Job exited with an error");
    expect(model.logTail).toHaveLength(32);
    expect(model.logTailTruncated).toBe(true);
    expect(model.logTail.at(-1)).toBe("ValueError: the model did not converge");
    expect(model.logTail[0]).toBe("progress line 10");
    for (const name of ["table", "figure"]) {
      expect(jobs.get(name)).toMatchObject({
        statusCode: "dependency_failed",
        statusMessage: "Not starting as dependency failed",
        startedAt: null,
      });
    }
    // --continue-on-error: what does not depend on the failure still runs.
    expect(jobs.get("other")?.statusCode).toBe("succeeded");
    expect(jobs.get("prepare")?.statusCode).toBe("succeeded");
    expect(exitCodeFor(outcome)).toBe(1);
    const log = await project.read("metadata/model.log");
    expect(log).toContain("exit_code: 3\n");
    expect(log).toContain("status_message: Job exited with an error\n");
    expect(log).toContain("outputs:\n  (no outputs)\n");
    // Dependents never ran, so they have no log.
    await expect(project.read("metadata/table.log")).rejects.toThrow();
  });

  it("without --continue-on-error, starts nothing new after the first failure", async () => {
    project = await tempProject({
      "project.yaml": pythonProject([
        {
          name: "prepare",
          script: "analysis/prepare.py",
          outputs: { "output/prepared.csv": "highly_sensitive" },
        },
        {
          name: "model",
          script: "analysis/model.py",
          needs: ["prepare"],
          outputs: { "output/model.csv": "highly_sensitive" },
        },
        {
          name: "other",
          script: "analysis/other.py",
          needs: ["prepare"],
          outputs: { "output/other.csv": "moderately_sensitive" },
        },
      ]),
      "analysis/prepare.py": writer({ "output/prepared.csv": "a\n1\n" }),
      "analysis/model.py": failing,
      "analysis/other.py": writer({ "output/other.csv": "a\n1\n" }),
    });
    const { outcome } = await run(project.dir, ["run_all"], { concurrency: 1 });
    if (outcome.kind !== "completed") throw new Error(outcome.kind);
    expect(outcome.result.ok).toBe(false);
    // One worker: model and other become ready together; model (first in the file) fails, and other is
    // never started.
    expect(outcome.result.jobs.map((j) => [j.action, j.statusCode])).toEqual([
      ["prepare", "succeeded"],
      ["model", "nonzero_exit"],
    ]);
    expect(outcome.result.notStarted).toEqual(["other"]);
  });

  it("re-runs a failed dependency on the next run but reuses the one that succeeded", async () => {
    project = await failingProject();
    await run(project.dir, ["model"]);
    await project.write("analysis/model.py", writer({ "output/model.csv": "fixed\n" }));
    const { outcome } = await run(project.dir, ["table"]);
    const jobs = jobsOf(outcome);
    expect([...jobs.keys()]).toEqual(["model", "table"]);
    if (outcome.kind === "completed") expect(outcome.result.reused.map((r) => r.action)).toEqual(["prepare"]);
  });
});
