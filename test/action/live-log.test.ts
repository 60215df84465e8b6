import { describe, expect, it } from "vitest";
import { createLiveLog, MAX_HELD_LINES } from "../../src/action/live-log.ts";
import type { JobResult, RunEvent } from "../../src/runner/index.ts";
import { parseAnnotations } from "./harness.ts";

const result = (action: string, jobId: string): JobResult => ({
  action,
  jobId,
  state: "succeeded",
  statusCode: "succeeded",
  statusMessage: "Completed successfully",
  startedAt: null,
  completedAt: null,
  reason: "never_run",
  exitCode: 0,
  durationMs: 1500,
  processMs: 1400,
  outputs: [],
  unmatchedPatterns: [],
  unmatchedFiles: [],
  hint: null,
  level4Warnings: [],
  obsoleteRemoved: [],
  logFile: `metadata/${action}.log`,
  logTail: [],
  logTailTruncated: false,
});

const output = (action: string, jobId: string, line: string): RunEvent => ({
  type: "job_output",
  action,
  jobId,
  line,
  stream: "stdout",
});

function capture() {
  const lines: string[] = [];
  let t = Date.parse("2026-11-25T10:00:00.000Z");
  const log = createLiveLog({
    writeLine: (l) => lines.push(l),
    now: () => {
      t += 1000;
      return new Date(t);
    },
    token: "TOKEN",
  });
  return { lines, log };
}

describe("the live log", () => {
  it("holds interleaved output per job and prints it in one group when the job ends", () => {
    const { lines, log } = capture();
    log(output("a", "j1", "a one"));
    log(output("b", "j2", "b one"));
    log(output("a", "j1", "a two"));
    log({ type: "job_finished", result: result("a", "j1") });
    expect(lines).toEqual([
      "::group::a: succeeded in 1.5 s",
      "::stop-commands::TOKEN",
      "2026-11-25T10:00:01.000Z a one",
      "2026-11-25T10:00:03.000Z a two",
      "::TOKEN::",
      "::endgroup::",
    ]);
  });

  it("never lets a job's output become a workflow command", () => {
    const { lines, log } = capture();
    log(output("evil", "j", "::error file=project.yaml,line=1::pwned"));
    log(output("evil", "j", "::set-output name=succeeded::true"));
    log(output("evil", "j", "::stop-commands::other"));
    log({ type: "job_finished", result: result("evil", "j") });
    expect(parseAnnotations(lines.join("\n"))).toEqual([]);
  });

  it("keeps a bounded number of lines and says how many it left out", () => {
    const { lines, log } = capture();
    for (let i = 0; i < MAX_HELD_LINES + 7; i++) log(output("loud", "j", `line ${i}`));
    log({ type: "job_finished", result: result("loud", "j") });
    expect(lines).toHaveLength(MAX_HELD_LINES + 5);
    expect(lines.at(-3)).toBe("… 7 more line(s); the whole output is in metadata/loud.log");
  });

  it("shows control characters in names rather than sending them to the terminal", () => {
    const { lines, log } = capture();
    log({
      type: "job_status",
      job: {
        action: "a\u001b[2Jb\nc",
        jobId: "j",
        state: "running",
        statusCode: "executing",
        statusMessage: "Executing job on the backend",
        startedAt: null,
        completedAt: null,
      },
    });
    // Escape sequences are dropped and other control characters are spelled out.
    expect(lines).toEqual(["2026-11-25T10:00:01.000Z ab\\u000ac: Executing job on the backend"]);
  });
});
