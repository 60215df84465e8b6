// The demo study through the built Action with the local executor: a clean run, then a second push
// that changes nothing, then one that changes a single script.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActionRun, DEMO, ensureBundle, Runner } from "./harness.ts";

let runner: Runner;
let first: ActionRun;

beforeAll(async () => {
  ensureBundle();
  runner = await Runner.create();
  await runner.checkout(DEMO);
  first = await runner.run({ executor: "local" });
}, 120_000);
afterAll(async () => {
  await runner.cleanup();
});

describe("a valid demo", () => {
  it("succeeds and says so in the outputs", () => {
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs.valid).toBe("true");
    expect(first.outputs.succeeded).toBe("true");
    expect(first.outputs["failed-actions"]).toBe("");
    expect(first.results).toMatchObject({ valid: true, succeeded: true, mode: "run", executor: "local" });
    expect(first.results!.actions.map((a) => [a.name, a.status])).toEqual([
      ["extract_consultations", "succeeded"],
      ["make_safe", "succeeded"],
      ["render_report", "succeeded"],
    ]);
    const safe = first.results!.actions[1]!.outputs;
    expect(safe).toEqual([
      expect.objectContaining({ path: "output/safe/consultations.csv", privacy: "moderately_sensitive" }),
    ]);
  });

  it("annotates nothing but the missing cache service and artifact service, and carries on", () => {
    expect(first.annotations.filter((a) => a.kind === "error")).toEqual([]);
    expect(first.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(
        /^Caching is not available here \(no Actions cache service\), so every action runs/,
      ),
      expect.stringMatching(/^Could not upload the trestle-results artifact \(.*ACTIONS_RUNTIME_TOKEN/),
    ]);
  });

  it("writes a summary with the coloured graph and the results table", () => {
    const s = first.summary;
    expect(s).toMatch(/^## ✅ Trestle: 3 actions succeeded\n/);
    expect(s).toContain("```mermaid\nflowchart LR\n");
    expect(s).toMatch(/class n0,n1,n2 succeeded/);
    expect(s).toContain("| Action | Status | Duration | Outputs | Level 4 warnings |");
    expect(s).toMatch(
      /\| make\\_safe \| succeeded \| [\d.]+ m?s \| output\/safe\/consultations\.csv \(\d+ B\) \|/,
    );
    expect(s).toContain("> Cache: not available here; every action ran.");
  });

  it("prints each job's output in one folded group, with timestamps, unable to issue commands", () => {
    const group =
      /::group::make_safe: succeeded in [^\n]+\n::stop-commands::(\w+)\n([\s\S]*?)\n::\1::\n::endgroup::/.exec(
        first.stdout,
      );
    expect(group, first.stdout).not.toBeNull();
    expect(group![2]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 9 rows made safe/);
    expect(first.stdout).toMatch(/\d{4}-\d\d-\d\dT[\d:.]+Z make_safe: Executing job on the backend/);
  });

  it("skips everything on a second push that changes nothing", async () => {
    const second = await runner.run({ executor: "local" });
    expect(second.code, second.stdout).toBe(0);
    expect(second.summary).toMatch(/^## ✅ Trestle: everything is up to date\n/);
    expect(second.summary).toMatch(/class n0,n1,n2 skipped/);
    expect(second.results!.actions.map((a) => a.status)).toEqual(["skipped", "skipped", "skipped"]);
    // Up-to-date actions still list their outputs, from the runner's manifest.
    expect(second.results!.actions[2]!.outputs.map((o) => o.path)).toEqual(["output/report.html"]);
    expect(second.stdout).not.toMatch(/::group::(?!Codelists)/);
  }, 120_000);

  it("re-runs only the action whose code changed", async () => {
    const script = join(runner.workspace, "analysis/render_report.py");
    await writeFile(script, `${await readFile(script, "utf8")}\n# a comment changes the code\n`);
    const third = await runner.run({ executor: "local" });
    expect(third.code, third.stdout).toBe(0);
    expect(third.results!.actions.map((a) => [a.name, a.status])).toEqual([
      ["extract_consultations", "skipped"],
      ["make_safe", "skipped"],
      ["render_report", "succeeded"],
    ]);
    expect(third.summary).toMatch(/^## ✅ Trestle: 1 action succeeded, 2 up to date\n/);
  }, 120_000);
});
