// How a finished job is judged, in the platform's order and words: a kill (time, memory), a non-zero
// exit, refused outputs, unmatched patterns, then success (noting level-4 exclusions).
import { formatDuration, formatGigabytes } from "./limits.ts";
import type { Refusal } from "./outputs.ts";
import { type FinalCode, MESSAGE_NONZERO_EXIT, MESSAGE_SUCCEEDED } from "./status.ts";
import type { ExecResult, JobLimits } from "./types.ts";

export interface Verdict {
  readonly code: FinalCode;
  readonly message: string;
}

export function classify(
  exec: ExecResult,
  limits: JobLimits,
  refused: readonly Refusal[],
  unmatched: readonly string[],
  level4Count: number,
): Verdict {
  if (exec.killed === "timeout") {
    return {
      code: "nonzero_exit",
      message: `${MESSAGE_NONZERO_EXIT}: Job was stopped after running longer than its time limit (${formatDuration(limits.timeoutMs)})`,
    };
  }
  if (exec.killed === "memory") {
    return {
      code: "nonzero_exit",
      message: `${MESSAGE_NONZERO_EXIT}: Job ran out of memory (limit was ${formatGigabytes(limits.memoryBytes)})`,
    };
  }
  if (exec.exitCode !== 0) {
    return {
      code: "nonzero_exit",
      message: exec.detail ? `${MESSAGE_NONZERO_EXIT}: ${exec.detail}` : MESSAGE_NONZERO_EXIT,
    };
  }
  if (refused.length > 0) {
    return {
      code: "job_error",
      message: `Outputs refused:${refused.map((r) => `\n - ${r.path}: ${r.reason}`).join("")}`,
    };
  }
  if (unmatched.length > 0) {
    return {
      code: "unmatched_patterns",
      message: `No outputs found matching patterns:${unmatched.map((p) => `\n - ${p}`).join("")}`,
    };
  }
  if (level4Count > 0) {
    return {
      code: "succeeded",
      message: `${MESSAGE_SUCCEEDED}, but ${level4Count} file(s) marked as moderately_sensitive were excluded. See job log for details.`,
    };
  }
  return { code: "succeeded", message: MESSAGE_SUCCEEDED };
}
