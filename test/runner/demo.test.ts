// The demo study, run for real with the local executor: three jobs, their outputs, logs, manifest and
// records, then re-runs that reuse what is up to date.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exitCodeFor } from "../../src/runner/index.ts";
import { demoCopy, jobsOf, ran, run, type TempProject } from "./helpers.ts";

let project: TempProject | null = null;
afterEach(async () => {
  await project?.cleanup();
  project = null;
});

describe("the demo study", () => {
  it("runs end to end on dummy data and writes the report", async () => {
    project = await demoCopy();
    const { outcome, events } = await run(project.dir, ["run_all"]);
    const jobs = jobsOf(outcome);
    expect([...jobs.keys()]).toEqual(["extract_consultations", "make_safe", "render_report"]);
    for (const job of jobs.values()) expect(job.statusCode, job.statusMessage).toBe("succeeded");
    expect(exitCodeFor(outcome)).toBe(0);

    // sqlrunner rewrote the dummy file (Python csv line endings); make_safe rounded and redacted.
    const raw = await project.read("output/raw/consultations.csv");
    expect(raw.split("\r\n")[0]).toBe("region,consultations,patients");
    const safe = (await project.read("output/safe/consultations.csv")).trim().split(/\r?\n/);
    expect(safe).toContain("London,2310,805");
    expect(safe).toContain("South West,[REDACTED],[REDACTED]");
    const report = await project.read("output/report.html");
    expect(report).toContain("<h1>Consultations by region</h1>");
    expect(report).toContain("<td>London</td><td>2310</td>");

    // The log: output lines with RFC 3339 nanosecond stamps, the summary keys, the outputs table.
    const log = await project.read("metadata/make_safe.log");
    expect(log).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z 9 rows made safe/);
    expect(log).toContain(`\n\n\njob_definition_id: ${jobs.get("make_safe")!.jobId}\n`);
    expect(log).toContain("exit_code: 0\n");
    expect(log).toContain("status_message: Completed successfully\n");
    expect(log).toMatch(/\noutputs:\n {2}output\/safe\/consultations\.csv {2}- moderately_sensitive\n$/);

    const manifest = JSON.parse(await project.read("metadata/manifest.json"));
    expect(manifest.workspace).toBe(project.dir.split("/").pop());
    expect(Object.keys(manifest.outputs).sort()).toEqual([
      "output/raw/consultations.csv",
      "output/report.html",
      "output/safe/consultations.csv",
    ]);
    expect(manifest.outputs["output/safe/consultations.csv"]).toMatchObject({
      level: "moderately_sensitive",
      action: "make_safe",
      excluded: false,
      row_count: 9,
      col_count: 3,
      content_hash: jobs.get("make_safe")!.outputs[0]!.sha256,
    });

    // Status codes in the platform's order for one job.
    const codes = events
      .filter((e) => e.type === "job_status" && e.job.action === "render_report")
      .map((e) => (e.type === "job_status" ? e.job.statusCode : ""));
    expect(codes).toEqual([
      "created",
      "waiting_on_dependencies",
      "preparing",
      "prepared",
      "executing",
      "executed",
      "finalizing",
      "finalized",
      "succeeded",
    ]);
  });

  it("reuses everything when nothing changed, and re-runs an edited script and its dependents", async () => {
    project = await demoCopy();
    await run(project.dir, ["run_all"]);
    const again = await run(project.dir, ["run_all"]);
    expect(again.outcome.kind).toBe("nothing_to_do");
    expect(exitCodeFor(again.outcome)).toBe(0);

    const script = join(project.dir, "analysis/make_safe.py");
    await writeFile(script, `${await readFile(script, "utf8")}\n# a comment changes the content\n`);
    const edited = await run(project.dir, ["run_all"]);
    expect(ran(edited.outcome)).toEqual(["make_safe", "render_report"]);
    const started = edited.events.find((e) => e.type === "run_started");
    expect(started?.type === "run_started" && started.plan.jobs).toEqual([
      { action: "make_safe", reason: "stale", detail: "analysis/make_safe.py changed", waitsFor: [] },
      {
        action: "render_report",
        reason: "dependency_will_run",
        detail: "make_safe will run first",
        waitsFor: ["make_safe"],
      },
    ]);
    expect(started?.type === "run_started" && started.plan.reused.map((r) => r.action)).toEqual([
      "extract_consultations",
    ]);
  });

  it("always re-runs an action named on the command line, reusing its up-to-date needs", async () => {
    project = await demoCopy();
    await run(project.dir, ["run_all"]);
    const named = await run(project.dir, ["render_report"]);
    expect(ran(named.outcome)).toEqual(["render_report"]);
    const forced = await run(project.dir, ["render_report"], { forceRunDependencies: true });
    expect(ran(forced.outcome)).toEqual(["extract_consultations", "make_safe", "render_report"]);
  });
});
