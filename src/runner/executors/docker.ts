// The docker executor: each job runs in the image opensafely-cli would use, with the same registry,
// flags, labels, bind mount, user, environment and limits (spec/local-run.md §2.4–§2.5), and no
// network. Output is streamed with `docker logs --follow`; `docker wait` gives the exit code.
import type { Action, Pipeline } from "../../pipeline/index.ts";
import { formatGigabytes, formatMemory } from "../limits.ts";
import type { ExecIO, ExecJob, ExecResult, Executor } from "../types.ts";
import { cohortextractorWords } from "./builtin/cohortextractor.ts";
import { type DockerCli, spawnDocker } from "./docker-cli.ts";

export const DEFAULT_REGISTRY = "ghcr.io/opensafely-core";
export const ALLOWED_IMAGES = [
  "cohortextractor",
  "databuilder",
  "ehrql",
  "stata-mp",
  "r",
  "jupyter",
  "python",
  "sqlrunner",
];
const LABEL = "jobrunner-local";

export interface DockerExecutorOptions {
  /** Runs `docker <args>`; tests pass a recorder. */
  readonly docker?: DockerCli;
  /** Default `DOCKER_REGISTRY` from `hostEnv`, else ghcr.io/opensafely-core. */
  readonly registry?: string;
  /** Where `STATA_LICENSE` and `DOCKER_REGISTRY` come from; default `process.env`. */
  readonly hostEnv?: Readonly<Record<string, string | undefined>>;
  /** The per-run label every container gets; default `job-runner-local-<8 random hex>`. */
  readonly runLabel?: string;
  /** `--user` value; default the process's uid:gid on Linux, none elsewhere. */
  readonly user?: string | null;
}

export function dockerImage(image: string, tag: string, registry = DEFAULT_REGISTRY): string {
  return `${registry}/${image}:${tag}`;
}

function defaultUser(): string | null {
  if (process.platform !== "linux" || !process.getuid || !process.getgid) return null;
  return `${process.getuid()}:${process.getgid()}`;
}

export function createDockerExecutor(
  options: DockerExecutorOptions = {},
): Executor & { readonly runLabel: string } {
  const docker = options.docker ?? spawnDocker();
  const hostEnv = options.hostEnv ?? process.env;
  const registry = options.registry ?? hostEnv.DOCKER_REGISTRY ?? DEFAULT_REGISTRY;
  const runLabel =
    options.runLabel ?? `job-runner-local-${Math.random().toString(16).slice(2, 10).padEnd(8, "0")}`;
  const user = options.user === undefined ? defaultUser() : options.user;
  const imageOf = (action: Action) => dockerImage(action.run.image, action.run.tag, registry);

  return {
    name: "docker",
    runLabel,
    unsupported(action: Action, _pipeline: Pipeline) {
      const image = action.run.image;
      if (!ALLOWED_IMAGES.includes(image)) {
        return `${image} is a reusable action (opensafely-actions/${image}); Trestle runs only the platform's own images, so run it with \`opensafely run\``;
      }
      if (image === "stata-mp" && !hostEnv.STATA_LICENSE) {
        return "stata-mp actions need a Stata licence: set the STATA_LICENSE environment variable";
      }
      return null;
    },
    async prepare(actions, signal) {
      for (const image of new Set(actions.filter((a) => ALLOWED_IMAGES.includes(a.run.image)).map(imageOf))) {
        const inspect = await docker(["image", "inspect", "--format", "ok", image], { signal });
        if (inspect.exitCode === 0) continue;
        const pull = await docker(["pull", "--quiet", image], { signal });
        if (pull.exitCode !== 0)
          return `Failed with error: docker pull ${image}: ${pull.stderr.trim() || `exit code ${pull.exitCode}`}`;
      }
      return null;
    },
    async run(job: ExecJob, io: ExecIO): Promise<ExecResult> {
      const name = `os-job-${job.jobId}`;
      const env: Record<string, string> = { ...job.env };
      if (job.action.run.image === "stata-mp" && hostEnv.STATA_LICENSE)
        env.STATA_LICENSE = hostEnv.STATA_LICENSE;
      const words =
        job.action.run.image === "cohortextractor"
          ? cohortextractorWords(job.action, job.populationSize)
          : job.action.jobArgs.slice(1);
      const args = [
        "run",
        "--init",
        "--detach",
        "--label",
        runLabel,
        "--name",
        name,
        "--network",
        "none",
        "--mount",
        `type=bind,source=${job.workDir},target=/workspace`,
        "--label",
        LABEL,
        "--label",
        `workspace=${job.workspaceName}`,
        "--label",
        `action=${job.action.id}`,
        "--cpus",
        String(job.limits.cpus),
        "--memory",
        formatMemory(job.limits.memoryBytes),
        ...(user ? ["--user", user, "--env", "HOME=/tmp"] : []),
        // Values come from the client's environment, so they never appear on a command line.
        ...Object.keys(env).flatMap((key) => ["--env", key]),
        imageOf(job.action),
        ...words,
      ];
      try {
        const started = await docker(args, { env });
        if (started.exitCode !== 0)
          throw new Error(`Failed to start docker container: ${started.stderr.trim()}`);
        const kill = () => void docker(["kill", name]);
        io.signal.addEventListener("abort", kill, { once: true });
        if (io.signal.aborted) kill();
        try {
          const [waited] = await Promise.all([
            docker(["wait", name]),
            docker(["logs", "--follow", name], { onLine: io.onLine }),
          ]);
          const inspect = await docker([
            "container",
            "inspect",
            "--format",
            "{{.State.OOMKilled}} {{.Image}}",
            name,
          ]);
          const [oom, imageId] = inspect.stdout.trim().split(" ");
          const exitCode = Number.parseInt(waited.stdout.trim(), 10);
          if (!Number.isInteger(exitCode))
            throw new Error(`docker wait ${name} failed: ${waited.stderr.trim()}`);
          const outOfMemory = exitCode === 137 && oom === "true";
          const detail =
            exitCode === 137 && !io.signal.aborted
              ? outOfMemory
                ? `Job ran out of memory (limit was ${formatGigabytes(job.limits.memoryBytes)})`
                : "Job killed by OpenSAFELY admin or memory limits"
              : null;
          return {
            exitCode,
            killed: outOfMemory ? "memory" : null,
            detail,
            imageId: imageId ?? null,
          };
        } finally {
          io.signal.removeEventListener("abort", kill);
        }
      } finally {
        await docker(["container", "rm", "--force", name]);
      }
    },
  };
}
