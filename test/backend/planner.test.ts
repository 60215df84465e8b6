import { describe, expect, it } from "vitest";
import { ALL_COMPLETED, ALL_SCHEDULED, type PlanInput, planJobs } from "../../src/backend/planner.ts";
import type { LatestJob } from "../../src/backend/store/store.ts";
import { loadPipeline, type Pipeline } from "../../src/pipeline/index.ts";
import { jobIdentifier } from "../../src/rap/index.ts";

// extract -> clean -> model, and report needs clean and model.
const PROJECT = `version: '4.0'
actions:
  extract:
    run: sqlrunner:v1 analysis/query.sql --output output/raw.csv --dummy-data-file analysis/dummy.csv
    outputs:
      highly_sensitive:
        raw: output/raw.csv
  clean:
    run: python:v2 analysis/clean.py
    needs: [extract]
    outputs:
      highly_sensitive:
        clean: output/clean.csv
  model:
    run: python:v2 analysis/model.py
    needs: [clean]
    config:
      alpha: 1
    outputs:
      moderately_sensitive:
        model: output/model.csv
  report:
    run: python:v2 analysis/report.py
    needs: [clean, model]
    outputs:
      moderately_sensitive:
        report: output/report.html
`;

function pipeline(text = PROJECT): Pipeline {
  const loaded = loadPipeline(text);
  if (!loaded.valid || loaded.pipeline === null) throw new Error(JSON.stringify(loaded.errors));
  return loaded.pipeline;
}

const RAP = "aaaaaaaaaaaaaaaa";
function input(overrides: Partial<PlanInput>): PlanInput {
  return {
    rapId: RAP,
    pipeline: pipeline(),
    requestedActions: ["run_all"],
    forceRunDependencies: false,
    codelistsOk: true,
    workspaceState: new Map(),
    ...overrides,
  };
}
const state = (entries: Record<string, LatestJob["state"]>) =>
  new Map(Object.entries(entries).map(([action, s]) => [action, { id: `old-${action}`, action, state: s }]));

function planned(result: ReturnType<typeof planJobs>) {
  if (result.kind !== "jobs") throw new Error(`expected jobs, got ${JSON.stringify(result)}`);
  return result.jobs;
}

describe("planJobs", () => {
  it("plans every action for run_all in an empty workspace, dependencies first, waiting on new jobs", () => {
    const jobs = planned(planJobs(input({})));
    expect(jobs.map((j) => j.action)).toEqual(["extract", "clean", "model", "report"]);
    const id = (a: string) => jobIdentifier(RAP, a);
    expect(jobs.map((j) => j.id)).toEqual(["extract", "clean", "model", "report"].map(id));
    expect(jobs.find((j) => j.action === "report")?.waitFor).toEqual([id("clean"), id("model")]);
    expect(jobs[0]).toMatchObject({ requiresDb: true, waitFor: [] });
    expect(jobs.find((j) => j.action === "model")?.runCommand).toBe(
      `python:v2 analysis/model.py --config '{"alpha": 1}'`,
    );
  });

  it("reuses dependencies that succeeded and re-runs ones that failed", () => {
    const jobs = planned(
      planJobs(
        input({
          requestedActions: ["report"],
          workspaceState: state({ extract: "succeeded", clean: "failed", model: "succeeded" }),
        }),
      ),
    );
    expect(jobs.map((j) => j.action)).toEqual(["clean", "report"]);
    // report waits for the new clean job only: model's last job is finished.
    expect(jobs[1]?.waitFor).toEqual([jobIdentifier(RAP, "clean")]);
  });

  it("always re-runs explicitly requested actions, and all dependencies with force_run_dependencies", () => {
    const done = state({ extract: "succeeded", clean: "succeeded", model: "succeeded", report: "succeeded" });
    expect(
      planned(planJobs(input({ requestedActions: ["model"], workspaceState: done }))).map((j) => j.action),
    ).toEqual(["model"]);
    const forced = planJobs(
      input({ requestedActions: ["model"], workspaceState: done, forceRunDependencies: true }),
    );
    expect(planned(forced).map((j) => j.action)).toEqual(["extract", "clean", "model"]);
  });

  it("never starts a second job for an action that is pending or running, and waits for it", () => {
    const jobs = planned(
      planJobs(
        input({
          requestedActions: ["model"],
          workspaceState: state({ extract: "succeeded", clean: "running" }),
        }),
      ),
    );
    expect(jobs.map((j) => j.action)).toEqual(["model"]);
    expect(jobs[0]?.waitFor).toEqual(["old-clean"]);
  });

  it("says nothing to do with the platform's two messages", () => {
    const done = state({ extract: "succeeded", clean: "succeeded", model: "succeeded", report: "succeeded" });
    expect(planJobs(input({ workspaceState: done }))).toEqual({
      kind: "nothing_to_do",
      message: ALL_COMPLETED,
    });
    const busy = state({ model: "pending", report: "running" });
    expect(planJobs(input({ requestedActions: ["model", "report"], workspaceState: busy }))).toEqual({
      kind: "nothing_to_do",
      message: ALL_SCHEDULED,
    });
  });

  it("refuses unknown actions, but run_all covers whatever else is listed", () => {
    expect(planJobs(input({ requestedActions: ["model", "nope"] }))).toEqual({
      kind: "error",
      message: "Action 'nope' not found in project.yaml",
    });
    expect(planned(planJobs(input({ requestedActions: ["nope", "run_all"] })))).toHaveLength(4);
  });

  it("fails the request when codelists are stale and a new job needs the database", () => {
    expect(planJobs(input({ codelistsOk: false }))).toEqual({
      kind: "error",
      message: "Codelists are out of date (required by action extract)",
    });
    const extracted = state({ extract: "succeeded" });
    expect(
      planJobs(input({ codelistsOk: false, requestedActions: ["clean"], workspaceState: extracted })).kind,
    ).toBe("jobs");
  });

  it("ignores workspace state for actions the project no longer has", () => {
    const jobs = planned(planJobs(input({ workspaceState: state({ removed_action: "running" }) })));
    expect(jobs).toHaveLength(4);
  });

  it("plans a chain of 2,500 actions without running out of stack", () => {
    const lines = ["version: '4.0'", "actions:"];
    for (let i = 0; i < 2500; i++) {
      lines.push(`  a${i}:`, `    run: python:v2 analysis/a.py ${i}`);
      if (i > 0) lines.push(`    needs: [a${i - 1}]`);
      lines.push("    outputs:", "      highly_sensitive:", `        o: output/a${i}.csv`);
    }
    const jobs = planned(
      planJobs(input({ pipeline: pipeline(lines.join("\n")), requestedActions: ["a2499"] })),
    );
    expect(jobs).toHaveLength(2500);
    expect(jobs[0]?.action).toBe("a0");
    expect(jobs[2499]?.waitFor).toEqual([jobIdentifier(RAP, "a2498")]);
  });
});
