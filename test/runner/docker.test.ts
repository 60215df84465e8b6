// The docker executor, with the `docker` client replaced by a recorder (there is no daemon here): the
// exact command lines it runs, image pulls, out-of-memory and cancellation; and auto selection with
// the real client when no daemon answers.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  createDockerExecutor,
  type DockerCli,
  type DockerCommandResult,
  detectDocker,
  type RunEvent,
  selectExecutor,
  spawnDocker,
  startRun,
} from "../../src/runner/index.ts";
import { jobIdFor } from "../../src/runner/job-id.ts";
import { jobsOf, type TempProject, tempProject } from "./helpers.ts";

let project: TempProject | null = null;
afterEach(async () => {
  await project?.cleanup();
  project = null;
});

const REQUEST = "0123456789";
const ok = (stdout = ""): DockerCommandResult => ({ exitCode: 0, stdout, stderr: "" });

interface Recorder {
  readonly docker: DockerCli;
  readonly calls: string[][];
  readonly envs: Record<string, string>[];
  kill(): void;
}

/** Plays a daemon: images present unless listed as missing; `run` writes the job's outputs. */
function recorder(options: {
  missing?: string[];
  outputs?: Record<string, string>;
  exit?: string;
  oom?: boolean;
  hang?: boolean;
  pullFails?: boolean;
}): Recorder {
  const calls: string[][] = [];
  const envs: Record<string, string>[] = [];
  let release: (() => void) | null = null;
  const killed = new Promise<void>((resolve) => {
    release = resolve;
  });
  const docker: DockerCli = async (args, opts = {}) => {
    calls.push([...args]);
    envs.push({ ...opts.env });
    const [command] = args;
    if (command === "image")
      return options.missing?.includes(args.at(-1)!)
        ? { exitCode: 1, stdout: "", stderr: "No such image" }
        : ok("ok");
    if (command === "pull")
      return options.pullFails ? { exitCode: 1, stdout: "", stderr: "denied: not authorised" } : ok();
    if (command === "run") {
      const mount = args[args.indexOf("--mount") + 1]!;
      const workDir = /source=(.*),target=\/workspace$/.exec(mount)![1]!;
      for (const [path, text] of Object.entries(options.outputs ?? {})) {
        await mkdir(join(workDir, path, ".."), { recursive: true });
        await writeFile(join(workDir, path), text);
      }
      return ok("f00dcafe\n");
    }
    if (command === "logs") {
      opts.onLine?.("hello from the container", "stdout");
      return ok();
    }
    if (command === "wait") {
      if (options.hang) await killed;
      return ok(`${options.hang ? "137" : (options.exit ?? "0")}\n`);
    }
    if (command === "container" && args[1] === "inspect")
      return ok(`${options.oom ? "true" : "false"} sha256:1234abcd\n`);
    if (command === "kill") {
      release?.();
      return ok();
    }
    return ok();
  };
  return { docker, calls, envs, kill: () => release?.() };
}

const yaml = [
  "version: '5.0'",
  "actions:",
  "  analyse:",
  "    run: python:v2 analysis/model.py --flag",
  "    config: {alpha: 0.5}",
  "    outputs:",
  "      moderately_sensitive:",
  "        table: output/table.csv",
  "",
].join("\n");

async function dockerRun(rec: Recorder, hostEnv: Record<string, string> = {}, events: RunEvent[] = []) {
  // Named, so that it runs even when an earlier test run left it up to date.
  const executor = createDockerExecutor({
    docker: rec.docker,
    runLabel: "job-runner-local-abcd1234",
    user: "1000:1000",
    hostEnv,
  });
  return startRun({
    projectDir: project!.dir,
    actions: ["analyse"],
    executor,
    requestId: REQUEST,
    limits: { memoryBytes: 4 * 1024 ** 3, cpus: 2 },
    onEvent: (e) => events.push(e),
  });
}

describe("the docker executor", () => {
  it("runs the exact command lines opensafely-cli would, with no network", async () => {
    project = await tempProject({ "project.yaml": yaml, "analysis/model.py": "" });
    const rec = recorder({
      missing: ["ghcr.io/opensafely-core/python:v2"],
      outputs: { "output/table.csv": "a\n1\n" },
    });
    const events: RunEvent[] = [];
    const outcome = await (await dockerRun(rec, {}, events)).done;
    const job = jobsOf(outcome).get("analyse")!;
    expect(job).toMatchObject({ statusCode: "succeeded", exitCode: 0 });
    const jobId = jobIdFor(REQUEST, "analyse");
    expect(job.jobId).toBe(jobId);
    const workDir = join(project.dir, "metadata/.trestle/work", jobId);
    const name = `os-job-${jobId}`;
    expect(rec.calls).toEqual([
      ["image", "inspect", "--format", "ok", "ghcr.io/opensafely-core/python:v2"],
      ["pull", "--quiet", "ghcr.io/opensafely-core/python:v2"],
      [
        "run",
        "--init",
        "--detach",
        "--label",
        "job-runner-local-abcd1234",
        "--name",
        name,
        "--network",
        "none",
        "--mount",
        `type=bind,source=${workDir},target=/workspace`,
        "--label",
        "jobrunner-local",
        "--label",
        `workspace=${project.dir.split("/").pop()}`,
        "--label",
        "action=analyse",
        "--cpus",
        "2",
        "--memory",
        "4G",
        "--user",
        "1000:1000",
        "--env",
        "HOME=/tmp",
        "--env",
        "OPENSAFELY_BACKEND",
        "ghcr.io/opensafely-core/python:v2",
        "analysis/model.py",
        "--flag",
        "--config",
        '{"alpha": 0.5}',
      ],
      ["wait", name],
      ["logs", "--follow", name],
      ["container", "inspect", "--format", "{{.State.OOMKilled}} {{.Image}}", name],
      ["container", "rm", "--force", name],
    ]);
    // Values reach docker through its environment, never its command line.
    expect(rec.envs[2]).toEqual({ OPENSAFELY_BACKEND: "expectations" });
    expect(await project.read("metadata/analyse.log")).toContain("docker_image_id: sha256:1234abcd\n");
    expect(events.some((e) => e.type === "job_output" && e.line === "hello from the container")).toBe(true);
  });

  it("passes STATA_LICENSE through the environment, and refuses stata without one", async () => {
    project = await tempProject({
      "project.yaml": yaml
        .replace("python:v2 analysis/model.py --flag", "stata-mp:v1 analysis/model.do")
        .replace(/ {4}config.*\n/, ""),
    });
    const rec = recorder({ outputs: { "output/table.csv": "a\n" } });
    const outcome = await (await dockerRun(rec, { STATA_LICENSE: "licence-text" })).done;
    expect(jobsOf(outcome).get("analyse")?.statusCode).toBe("succeeded");
    const run = rec.calls.find((c) => c[0] === "run")!;
    expect(run.slice(-5)).toEqual([
      "OPENSAFELY_BACKEND",
      "--env",
      "STATA_LICENSE",
      "ghcr.io/opensafely-core/stata-mp:v1",
      "analysis/model.do",
    ]);
    expect(run.join(" ")).not.toContain("licence-text");
    expect(rec.envs[rec.calls.indexOf(run)]).toEqual({
      OPENSAFELY_BACKEND: "expectations",
      STATA_LICENSE: "licence-text",
    });

    const without = recorder({});
    const refused = jobsOf(await (await dockerRun(without, {})).done).get("analyse")!;
    expect(refused).toMatchObject({
      statusCode: "job_error",
      statusMessage: "stata-mp actions need a Stata licence: set the STATA_LICENSE environment variable",
    });
    expect(without.calls.some((c) => c[0] === "run")).toBe(false);
  });

  it("reports a container killed for memory with the reference's message", async () => {
    project = await tempProject({ "project.yaml": yaml });
    const rec = recorder({ exit: "137", oom: true });
    const job = jobsOf(await (await dockerRun(rec)).done).get("analyse")!;
    expect(job).toMatchObject({
      statusCode: "nonzero_exit",
      exitCode: 137,
      statusMessage: "Job exited with an error: Job ran out of memory (limit was 4.00GB)",
    });
  });

  it("kills the container when the job is cancelled", async () => {
    project = await tempProject({ "project.yaml": yaml });
    const rec = recorder({ hang: true });
    const events: RunEvent[] = [];
    const handle = await dockerRun(rec, {}, events);
    const end = Date.now() + 30_000;
    while (!rec.calls.some((c) => c[0] === "wait")) {
      if (Date.now() > end) throw new Error("the container never started");
      await new Promise((r) => setTimeout(r, 5));
    }
    handle.cancel();
    const job = jobsOf(await handle.done).get("analyse")!;
    expect(job.statusCode).toBe("cancelled_by_user");
    const name = `os-job-${jobIdFor(REQUEST, "analyse")}`;
    expect(rec.calls).toContainEqual(["kill", name]);
    expect(rec.calls.at(-1)).toEqual(["container", "rm", "--force", name]);
  });

  it("does not start a run when an image cannot be pulled", async () => {
    project = await tempProject({ "project.yaml": yaml });
    const rec = recorder({ missing: ["ghcr.io/opensafely-core/python:v2"], pullFails: true });
    const outcome = await (await dockerRun(rec)).done;
    expect(outcome).toEqual({
      kind: "cannot_start",
      problem: {
        code: "executor_unavailable",
        message: "Failed with error: docker pull ghcr.io/opensafely-core/python:v2: denied: not authorised",
      },
    });
  });

  it("uses DOCKER_REGISTRY from the environment for image names", async () => {
    project = await tempProject({ "project.yaml": yaml });
    const rec = recorder({ outputs: { "output/table.csv": "a\n" } });
    const executor = createDockerExecutor({
      docker: rec.docker,
      hostEnv: { DOCKER_REGISTRY: "registry.example/os" },
      user: null,
    });
    await startRun({ projectDir: project.dir, actions: ["analyse"], executor }).done;
    const run = rec.calls.find((c) => c[0] === "run")!;
    expect(run).toContain("registry.example/os/python:v2");
    expect(run).not.toContain("--user");
  });
});

describe("choosing an executor with the real docker client", () => {
  it("falls back to local when no daemon answers, and refuses --executor docker", async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = "unix:///nonexistent/trestle-docker.sock";
    try {
      const status = await detectDocker(spawnDocker());
      expect(status.available).toBe(false);
      const auto = await selectExecutor("auto");
      expect("executor" in auto && auto.info.name).toBe("local");
      expect("executor" in auto && auto.info.reason).toMatch(
        /^no docker daemon \(.+\): using the local executor$/,
      );
      const docker = await selectExecutor("docker");
      expect(docker).toMatchObject({
        problem: expect.stringMatching(/^the docker executor needs a running docker daemon: /),
      });
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });

  it("says docker is not installed when there is no client", async () => {
    const status = await detectDocker(spawnDocker("/nonexistent/bin/docker"));
    expect(status).toEqual({ available: false, detail: "docker is not installed" });
  });
});
