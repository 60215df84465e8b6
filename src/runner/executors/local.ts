// The local executor (implementation follows): runs jobs with the host's python3/Rscript and built-ins.
import type { Executor } from "../types.ts";

export function createLocalExecutor(): Executor {
  throw new Error("the local executor is not implemented yet");
}
