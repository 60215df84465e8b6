// The docker executor (implementation follows): runs each job in the image opensafely-cli uses.
import type { Executor } from "../types.ts";

export interface DockerExecutorOptions {
  /** Runs `docker <args>`; replaced in tests to record the exact command lines. */
  readonly docker?: (
    args: readonly string[],
    signal?: AbortSignal,
  ) => Promise<{ exitCode: number; stdout: string; stderr: string }>;
  readonly registry?: string;
  readonly hostEnv?: Readonly<Record<string, string | undefined>>;
  readonly runLabel?: string;
}

export function dockerImage(image: string, tag: string, registry = "ghcr.io/opensafely-core"): string {
  return `${registry}/${image}:${tag}`;
}

export function createDockerExecutor(_options: DockerExecutorOptions = {}): Executor {
  throw new Error("the docker executor is not implemented yet");
}
