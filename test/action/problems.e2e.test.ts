// The built Action on projects with something wrong: codelists edited without an update, an invalid
// project.yaml (annotations at the right lines, within GitHub's limit) and a failing action.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureBundle, FIXTURES, Runner } from "./harness.ts";

let runner: Runner;
beforeAll(() => ensureBundle(), 120_000);
afterEach(async () => {
  await runner?.cleanup();
});

async function runnerWith(fixture: string, under = "."): Promise<Runner> {
  runner = await Runner.create();
  await runner.checkout(join(FIXTURES, fixture), under);
  return runner;
}

describe("codelists", () => {
  it("stops before running when codelists.txt was edited without an update", async () => {
    const r = await (await runnerWith("codelists-edited")).run({ executor: "local", cache: "false" });
    expect(r.code).toBe(1);
    const errors = r.annotations.filter((a) => a.kind === "error");
    expect(errors[0]).toEqual({
      kind: "error",
      file: "codelists/codelists.txt",
      line: null,
      col: null,
      message:
        "It looks like 'codelists.txt' has been edited but 'update' hasn't been run.\n" +
        "    added: opensafely/hypertension/2020-04-28\n\n" +
        "To fix these errors run the command below and commit the changes:\n\n" +
        "  opensafely codelists update",
    });
    expect(errors[1]!.message).toMatch(/^The codelists check failed, so the project was not run/);
    expect(r.outputs).toMatchObject({ valid: "true", succeeded: "false", "failed-actions": "" });
    expect(r.results).toMatchObject({ codelists: "failed", executor: null });
    expect(r.summary).toMatch(/^## ❌ Trestle: the codelists need updating; the project was not run\n/);
    expect(r.summary).toContain("### Codelists ❌");
    expect(r.summary).toContain("    added: opensafely/hypertension/2020-04-28");
    expect(await runner.exists("output")).toBe(false);
    expect(await runner.exists("metadata")).toBe(false);
  }, 60_000);

  it("runs a project whose codelists are consistent, even with OpenCodelists out of reach", async () => {
    const r = await (await runnerWith("codelists-study")).run({
      executor: "local",
      cache: "false",
      upload: "false",
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(
      /Local codelists OK; could not contact https:\/\/www\.opencodelists\.org for upstream check/,
    );
    expect(r.annotations).toEqual([]);
    expect(r.results!.actions).toMatchObject([{ name: "count_codes", status: "succeeded" }]);
    expect(r.summary).toContain("### Codelists ✅");
  }, 60_000);
});

describe("hostile content", () => {
  it("cannot issue workflow commands through codelists.txt or project.yaml", async () => {
    runner = await Runner.create();
    await mkdir(join(runner.workspace, "codelists"));
    await writeFile(join(runner.workspace, "codelists/codelists.txt"), "::error file=evil.txt::injected\n");
    await writeFile(
      join(runner.workspace, "project.yaml"),
      'version: "5.0"\nactions:\n  a:\n    run: python:v2 a.py\n    needs: ["::warning::x"]\n    outputs: {moderately_sensitive: {o: a.csv}}\n',
    );
    const r = await runner.run({});
    expect(r.code).toBe(1);
    expect(r.annotations.map((a) => [a.kind, a.file])).toEqual([
      ["error", "codelists/codelists.txt"],
      ["error", "project.yaml"],
      ["error", null],
    ]);
    expect(r.annotations[0]!.message).toBe(
      "::error file=evil.txt::injected does not match [project]/[codelist]/[version] or user/[username]/[codelist]/[version]",
    );
    expect(r.stdout).toContain("\n::error file=evil.txt::injected does not match");
  }, 60_000);
});

describe("an invalid project", () => {
  it("annotates each issue at its line and column, with the path from the repository root", async () => {
    const r = await (await runnerWith("invalid", "studies/first")).run({ directory: "studies/first" });
    expect(r.code).toBe(1);
    expect(r.annotations).toEqual([
      {
        kind: "warning",
        file: "studies/first/project.yaml",
        line: 3,
        col: 1,
        message: "Your project file is using an old version (4.0); consider updating to version 5",
      },
      {
        kind: "error",
        file: "studies/first/project.yaml",
        line: 14,
        col: 22,
        message: "Action `analyse` references an unknown action in its `needs` list: missing_action",
      },
      {
        kind: "error",
        file: "studies/first/project.yaml",
        line: 23,
        col: 9,
        message: "Output path output/table.csv is not unique",
      },
      { kind: "error", file: null, line: null, col: null, message: "project.yaml is invalid: 2 errors." },
    ]);
    expect(r.outputs).toMatchObject({ valid: "false", succeeded: "false" });
    expect(r.summary).toMatch(/^## ❌ Trestle: project.yaml is invalid \(2 errors\)\n/);
    expect(r.summary).toContain("| error | 14 | 22 | Action \\`analyse\\` references an unknown action");
    expect(r.summary).not.toContain("```mermaid");
    expect(await runner.exists("studies/first/metadata")).toBe(false);
  }, 60_000);

  it("shows at most 10 errors as annotations and lists every issue in the summary", async () => {
    runner = await Runner.create();
    const actions = Array.from(
      { length: 25 },
      (_, i) =>
        `  a${i}:\n    run: python:v2 a${i}.py\n    needs: [nope${i}]\n    outputs:\n      moderately_sensitive:\n        o: out/${i}.csv\n`,
    );
    await writeFile(join(runner.workspace, "project.yaml"), `version: '5.0'\nactions:\n${actions.join("")}`);
    const r = await runner.run({});
    expect(r.code).toBe(1);
    const errors = r.annotations.filter((a) => a.kind === "error");
    expect(errors).toHaveLength(10);
    expect(errors.slice(0, 9).map((a) => a.line)).toEqual([5, 11, 17, 23, 29, 35, 41, 47, 53]);
    expect(errors[9]!.message).toBe("project.yaml is invalid: 25 errors.");
    expect(r.summary).toContain("so 16 issues are only listed here");
    for (let i = 0; i < 25; i++)
      expect(r.summary).toContain(`unknown action in its \\\`needs\\\` list: nope${i} |`);
  }, 60_000);
});

describe("a failing action", () => {
  it("fails the step, keeps going with independent actions, and shows the log tail and hints", async () => {
    const r = await (await runnerWith("failing")).run({ executor: "local", cache: "false", upload: "false" });
    expect(r.code).toBe(1);
    expect(Object.fromEntries(r.results!.actions.map((a) => [a.name, a.status]))).toEqual({
      prepare: "succeeded",
      analyse: "failed",
      report: "dependency_failed",
      misnamed: "failed",
      tidy: "succeeded",
    });
    expect(r.outputs["failed-actions"]).toBe("analyse report misnamed");
    expect(r.annotations.filter((a) => a.kind === "error").map((a) => a.message)).toEqual([
      "3 actions failed: analyse, report, misnamed.",
    ]);
    const s = r.summary;
    expect(s).toMatch(/^## ❌ Trestle: 3 of 5 actions failed\n/);
    expect(s).toMatch(/classDef failed [^\n]+\n {2}class n1,n3 failed/);
    expect(s).toMatch(/class n2 dependency_failed/);
    expect(s).toContain("#### analyse: Job exited with an error (exit code 1)");
    expect(s).toMatch(/```text\n[\s\S]*checking group b\n[\s\S]*ZeroDivisionError: division by zero\n```/);
    expect(s).toContain("#### misnamed: No outputs found matching patterns\n");
    expect(s).toContain("| misnamed | failed: No outputs found matching patterns |");
    expect(s).toContain("| report | dependency failed |  |");
    expect(s.split("#### misnamed")[0]).not.toContain("No outputs found matching patterns:");
    expect(s).toContain("- output/summary.csv");
    expect(s).toContain("Did you mean to match one of these files instead?\n- output/sumary.csv");
    expect(s).toContain("| report | dependency failed |");
    expect(s).toMatch(
      /\| tidy \| succeeded \| [^|]+ \| output\/tidy\.csv \(\d+ B\) \| output\/tidy\.csv: File has patient\\_id column \|/,
    );
    expect(r.results!.actions.find((a) => a.name === "tidy")!.level4Warnings).toEqual([
      { path: "output/tidy.csv", message: "File has patient_id column" },
    ]);
  }, 120_000);

  it("stops starting jobs after the first failure without continue-on-error", async () => {
    const r = await (await runnerWith("failing")).run({
      executor: "local",
      cache: "false",
      upload: "false",
      concurrency: "1",
      "continue-on-error": "false",
    });
    expect(r.code).toBe(1);
    const statuses = Object.fromEntries(r.results!.actions.map((a) => [a.name, a.status]));
    expect(statuses).toMatchObject({ prepare: "succeeded", analyse: "failed" });
    const notStarted = Object.entries(statuses)
      .filter(([, s]) => s === "not_started")
      .map(([name]) => name);
    expect(notStarted.length).toBeGreaterThan(0);
    expect(r.summary).toMatch(/class [n\d,]+ pending/);
    for (const name of notStarted) expect(r.summary).toContain(`| ${name} | not started |`);
  }, 120_000);
});

describe("a cancelled workflow", () => {
  it("stops the running job, records it and still writes the summary and outputs", async () => {
    runner = await Runner.create();
    await mkdir(join(runner.workspace, "analysis"));
    await writeFile(
      join(runner.workspace, "analysis/slow.py"),
      "import time\nprint('started', flush=True)\ntime.sleep(120)\n",
    );
    await writeFile(
      join(runner.workspace, "project.yaml"),
      "version: '5.0'\nactions:\n  slow:\n    run: python:v2 analysis/slow.py\n    outputs: {moderately_sensitive: {o: output/slow.csv}}\n",
    );
    const started = Date.now();
    const r = await runner.run(
      { executor: "local", cache: "false", upload: "false" },
      {},
      {
        pattern: /slow: Executing job on the backend/,
        signal: "SIGTERM",
      },
    );
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(r.code).toBe(1);
    expect(r.results!.actions).toMatchObject([
      { name: "slow", status: "failed", statusCode: "cancelled_by_user" },
    ]);
    expect(r.summary).toMatch(/^## ❌ Trestle: 1 of 1 action failed\n/);
    expect(r.summary).toContain("| slow | failed: Cancelled by user |");
    expect(r.outputs["failed-actions"]).toBe("slow");
  }, 90_000);
});
