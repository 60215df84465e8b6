// Choosing an executor (implementation follows).
import type { Executor, ExecutorChoice, ExecutorInfo } from "../types.ts";

/** True when a docker daemon answers `docker info` within a few seconds. */
export async function detectDocker(): Promise<boolean> {
  throw new Error("not implemented yet");
}

export async function selectExecutor(
  _choice: ExecutorChoice,
): Promise<{ executor: Executor; info: ExecutorInfo } | { problem: string }> {
  throw new Error("not implemented yet");
}
