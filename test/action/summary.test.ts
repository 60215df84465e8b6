// The job summary: what it says, that hostile text stays text, and that it never passes GitHub's
// 1 MiB limit whatever the project.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ActionRow } from "../../src/action/results.ts";
import { renderSummary, type SummaryInput } from "../../src/action/summary.ts";
import { SUMMARY_LIMIT_BYTES } from "../../src/action/summary-budget.ts";
import { type Issue, type LoadResult, loadPipeline } from "../../src/pipeline/index.ts";
import type { JobResult } from "../../src/runner/index.ts";
import { ROOT } from "./harness.ts";

function project(n: number, name = (i: number) => `action_${i}`): LoadResult {
  const actions = Array.from(
    { length: n },
    (_, i) =>
      `  ${JSON.stringify(name(i))}:\n    run: python:v2 a${i}.py\n${i > 0 ? `    needs: [${JSON.stringify(name(i - 1))}]\n` : ""}    outputs:\n      moderately_sensitive:\n        o: out/${i}.csv\n`,
  );
  return loadPipeline(`version: '5.0'\nactions:\n${actions.join("")}`);
}

function failedJob(action: string, tail: string[]): JobResult {
  return {
    action,
    jobId: "abc",
    state: "failed",
    statusCode: "nonzero_exit",
    statusMessage: "Job exited with an error",
    startedAt: null,
    completedAt: null,
    reason: "never_run",
    exitCode: 1,
    durationMs: 1234,
    processMs: 1000,
    outputs: [],
    unmatchedPatterns: ["out/x.csv"],
    unmatchedFiles: ["out/y.csv"],
    hint: null,
    level4Warnings: [],
    obsoleteRemoved: [],
    logFile: `metadata/${action}.log`,
    logTail: tail,
    logTailTruncated: true,
  };
}

function rows(
  load: LoadResult,
  status: (i: number) => ActionRow["status"],
  tail: string[] = ["boom"],
): ActionRow[] {
  return [...load.pipeline!.actions.keys()].map((name, i) => {
    const s = status(i);
    const job = s === "failed" ? failedJob(name, tail) : null;
    return {
      name,
      status: s,
      statusCode: job?.statusCode ?? null,
      message: job?.statusMessage ?? s,
      durationMs: job ? 1234 : null,
      outputs: [{ path: `out/${i}.csv`, privacy: "moderately_sensitive", size: 2048, sha256: "x" }],
      level4Warnings:
        s === "succeeded" ? [{ path: `out/${i}.csv`, message: "File has patient_id column" }] : [],
      job,
    };
  });
}

function input(load: LoadResult, actionRows: ActionRow[], over: Partial<SummaryInput> = {}): SummaryInput {
  return {
    projectFile: "project.yaml",
    mode: "run",
    verdict: { ok: false, text: "1 of 3 actions failed" },
    codelists: null,
    load,
    hiddenIssues: 0,
    rows: actionRows,
    ran: true,
    executor: { name: "local", reason: "requested" },
    durationMs: 5000,
    notes: [],
    ...over,
  };
}

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

describe("the summary", () => {
  it("shows the verdict, the coloured graph, the results and each failure's log tail", () => {
    const load = project(3);
    const s = renderSummary(
      input(
        load,
        rows(load, (i) => (["succeeded", "failed", "dependency_failed"] as const)[i]!),
      ),
    );
    expect(s).toMatch(
      /^## ❌ Trestle: 1 of 3 actions failed\n\n`project.yaml` · mode: run · executor: local · took 5.0 s\n/,
    );
    expect(s).toContain("  class n0 succeeded\n");
    expect(s).toContain("  class n1 failed\n");
    expect(s).toContain("  class n2 dependency_failed\n");
    expect(s).toContain(
      "| action\\_0 | succeeded |  | out/0.csv (2.0 KiB) | out/0.csv: File has patient\\_id column |",
    );
    expect(s).toContain("| action\\_1 | failed: Job exited with an error | 1.2 s |");
    expect(s).toContain("| action\\_2 | dependency failed |");
    expect(s).toContain("#### action\\_1: Job exited with an error (exit code 1)");
    // A crash leaves the patterns unmatched too; the summary does not repeat that.
    expect(s).not.toContain("No outputs found matching patterns");
    expect(s).not.toContain("Did you mean");
    expect(s).toContain(
      "<details open><summary>Last lines of metadata/action_1.log</summary>\n\n```text\nboom\n```",
    );
  });

  it("keeps hostile names and log lines as text", () => {
    const load = project(2, (i) => (i === 0 ? "a|b`<img/src=x>*$x$" : "[link](http://x)"));
    const tail = ["```", "```` still code", "\u001b[31mred\u001b[0m \u202eevil"];
    const s = renderSummary(
      input(
        load,
        rows(load, (i) => (i === 0 ? "failed" : "succeeded"), tail),
      ),
    );
    expect(s).toContain("| a\\|b\\`&lt;img/src=x&gt;\\*\\$x\\$ | failed");
    expect(s).toContain("| \\[link\\](http://x) | succeeded");
    expect(s).not.toContain("<img");
    expect(s).toContain("`````text\n```\n```` still code\nred \\u202eevil\n`````\n");
  });

  it("lists every issue of an invalid project and says how many were not annotated", () => {
    const issues: Issue[] = Array.from({ length: 30 }, (_, i) => ({
      severity: "error",
      code: "x",
      message: `bad | thing ${i}`,
      path: [],
      line: i + 1,
      column: 3,
    }));
    const load: LoadResult = { valid: false, errors: issues, warnings: [], pipeline: null };
    const s = renderSummary(input(load, [], { hiddenIssues: 21, ran: false }));
    expect(s).toContain(
      "### `project.yaml`: 30 errors\n\nGitHub shows at most 10 annotations of each kind on a step, so 21 issues are only listed here.",
    );
    expect(s).toContain("| error | 30 | 3 | bad \\| thing 29 |");
    expect(s).not.toContain("Job graph");
  });

  it("stays within 1 MiB with thousands of failures, each with long lines of 4-byte characters", () => {
    const load = project(3000);
    const tail = Array.from({ length: 32 }, () => "😀".repeat(600));
    const s = renderSummary(
      input(
        load,
        rows(load, () => "failed", tail),
      ),
    );
    expect(bytes(s)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(s).toContain("dependencies, more than GitHub draws in a diagram (500)");
    expect(s).toMatch(/… and [\d,]+ more failures: see the log\.\n$/);
  });

  it("stays within 1 MiB for any mix of rows, issues and logs", () => {
    const loads = [project(1), project(40), project(700)];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.constantFrom("succeeded", "failed", "skipped", "dependency_failed", "not_requested"), {
          minLength: 1,
          maxLength: 16,
        }),
        fc.array(fc.string({ unit: "binary", maxLength: 3000 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 20_000 }),
        (which, statuses, tail, issueCount) => {
          const load = loads[which]!;
          const issues: Issue[] = Array.from({ length: issueCount }, (_, i) => ({
            severity: i % 2 ? "error" : "warning",
            code: "x",
            message: `message ${"💥".repeat(i % 50)}`,
            path: [],
            line: i,
            column: null,
          }));
          const withIssues: LoadResult = { ...load, warnings: issues };
          const s = renderSummary(
            input(
              withIssues,
              rows(load, (i) => statuses[i % statuses.length] as ActionRow["status"], tail),
            ),
          );
          return bytes(s) <= SUMMARY_LIMIT_BYTES && s.startsWith("## ❌ Trestle:");
        },
      ),
      { numRuns: 25 },
    );
  });

  const LARGE = join(ROOT, "../shared/corpus/large/opensafely__ehrql-test-study.yaml");
  it.skipIf(!existsSync(LARGE))(
    "shows the largest real project (2,505 actions) as a list within the limit",
    () => {
      const load = loadPipeline(readFileSync(LARGE));
      expect(load.valid).toBe(true);
      const s = renderSummary(
        input(
          load,
          rows(load, (i) => (i % 7 ? "succeeded" : "skipped")),
        ),
      );
      expect(bytes(s)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
      expect(s).toContain("here it is as a list");
      expect(s).toContain("### Results");
    },
  );
});
