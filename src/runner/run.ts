// Running (implementation follows).
import type { RunHandle, RunOptions, RunOutcome } from "./types.ts";

export function startRun(_options: RunOptions): RunHandle {
  throw new Error("startRun is not implemented yet");
}

export function runProject(options: RunOptions): Promise<RunOutcome> {
  return startRun(options).done;
}

/** 0 when every job succeeded or was up to date, 1 when a job failed, 2 when the run could not start. */
export function exitCodeFor(outcome: RunOutcome): 0 | 1 | 2 {
  if (outcome.kind === "cannot_start") return 2;
  if (outcome.kind === "nothing_to_do") return 0;
  return outcome.result.ok ? 0 : 1;
}
