// Choosing an executor: `auto` takes docker when a daemon answers `docker info`, else local, and
// says which it took and why.
import type { Executor, ExecutorChoice, ExecutorInfo } from "../types.ts";
import { createDockerExecutor } from "./docker.ts";
import { type DockerCli, spawnDocker } from "./docker-cli.ts";
import { createLocalExecutor } from "./local.ts";

export interface DockerStatus {
  readonly available: boolean;
  readonly detail: string;
}

export async function detectDocker(docker: DockerCli = spawnDocker()): Promise<DockerStatus> {
  const result = await docker(["info", "--format", "{{.ServerVersion}}"], { timeoutMs: 10_000 });
  if (result.exitCode === 0 && result.stdout.trim() !== "") {
    return { available: true, detail: `docker daemon ${result.stdout.trim()} answered` };
  }
  const reason = result.stderr.includes("ENOENT")
    ? "docker is not installed"
    : (result.stderr.trim().split("\n").pop() ?? `docker info exited with ${result.exitCode}`);
  return { available: false, detail: reason };
}

export async function selectExecutor(
  choice: ExecutorChoice,
  options: { hostEnv?: Readonly<Record<string, string | undefined>>; docker?: DockerCli } = {},
): Promise<{ executor: Executor; info: ExecutorInfo } | { problem: string }> {
  if (choice === "local") {
    return {
      executor: createLocalExecutor(),
      info: { name: "local", reason: "the local executor was requested" },
    };
  }
  const status = await detectDocker(options.docker);
  const docker = () => createDockerExecutor({ docker: options.docker, hostEnv: options.hostEnv });
  if (choice === "docker") {
    if (!status.available)
      return { problem: `the docker executor needs a running docker daemon: ${status.detail}` };
    return { executor: docker(), info: { name: "docker", reason: "the docker executor was requested" } };
  }
  if (status.available)
    return {
      executor: docker(),
      info: { name: "docker", reason: `${status.detail}: using the docker executor` },
    };
  return {
    executor: createLocalExecutor(),
    info: { name: "local", reason: `no docker daemon (${status.detail}): using the local executor` },
  };
}
