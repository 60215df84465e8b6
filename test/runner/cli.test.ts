// `trestle run` as a process: exit codes 0/1/2, the summary in each format, and bad flags.
import { spawn } from "node:child_process";
import { cp, readdir, readFile, readlink } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI, trestle } from "../cli/run-trestle.ts";
import { demoCopy, pythonProject, ROOT, type TempProject, tempProject } from "./helpers.ts";

let project: TempProject | null = null;
afterEach(async () => {
  await project?.cleanup();
  project = null;
});

describe("trestle run", () => {
  it("runs the demo, prints the summary, and exits 0; a second run has nothing to do", async () => {
    project = await demoCopy();
    const first = await trestle(["run", "run_all", "--project", project.dir, "--executor", "local"]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("Running actions: extract_consultations, make_safe, render_report\n");
    expect(first.stderr).toContain("make_safe: Executing job on the backend\n");
    expect(first.stdout).toContain(
      "=> render_report\n   Completed successfully\n\n   log file: metadata/render_report.log\n   outputs:\n     output/report.html  - moderately_sensitive\n",
    );
    expect(first.stdout).toMatch(/=> 3 succeeded, 0 failed in \d+\.\ds\n$/);
    const second = await trestle(["run", "run_all", "--project", project.dir, "--executor", "local"]);
    expect(second).toMatchObject({
      code: 0,
      stdout:
        "\n=> All actions already completed successfully\n   Use -f option to force everything to re-run\n",
    });
  });

  it("exits 1 when a job fails, with its log tail in the summary, and prints JSON with --format json", async () => {
    project = await tempProject({
      "project.yaml": pythonProject([
        { name: "boom", script: "boom.py", outputs: { "output/x.csv": "highly_sensitive" } },
      ]),
      "boom.py": "print('about to fail')\nraise SystemExit(2)\n",
    });
    const text = await trestle(["run", "boom", "--project", project.dir, "--executor", "local"]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("=> boom\n   Job exited with an error\n");
    expect(text.stdout).toContain("\n   logs:\n     about to fail\n");
    const json = await trestle([
      "run",
      "boom",
      "--project",
      project.dir,
      "--executor",
      "local",
      "--format",
      "json",
    ]);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({
      kind: "completed",
      exitCode: 1,
      result: { ok: false, executor: { name: "local" } },
    });
    expect(parsed.result.jobs[0]).toMatchObject({
      action: "boom",
      statusCode: "nonzero_exit",
      exitCode: 2,
      logTail: ["about to fail"],
    });
  });

  it("folds logs and annotates failures with --format github", async () => {
    project = await tempProject({
      "project.yaml": pythonProject([
        { name: "boom", script: "boom.py", outputs: { "output/x.csv": "highly_sensitive" } },
      ]),
      "boom.py": "raise SystemExit(2)\n",
    });
    const run = await trestle([
      "run",
      "boom",
      "--project",
      project.dir,
      "--executor",
      "local",
      "--format",
      "github",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::group::Job Runner Logs (click to view)\n");
    expect(run.stdout).toContain("::group::log file: metadata/boom.log\n");
    expect(run.stdout).toContain("::error title=boom%3A nonzero_exit::Job exited with an error\n");
  });

  it("exits 2 for unknown actions, listing the valid ones", async () => {
    project = await tempProject({
      "project.yaml": await readFile(join(ROOT, "examples/demo/project.yaml"), "utf8"),
    });
    const run = await trestle(["run", "make_sfe", "--project", project.dir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("=> UnknownActionError\n   Action 'make_sfe' not found in project.yaml\n");
    expect(run.stdout).toContain("     run_all (runs all actions in project)\n     extract_consultations\n");
  });

  it.each([
    [["--concurrency", "0"], "--concurrency must be a whole number from 1 to 1024, not '0'"],
    [["--concurrency", "two"], "--concurrency must be a whole number from 1 to 1024, not 'two'"],
    [["--timeout", "soon"], "--timeout must be a duration such as 90s, 30m or 2h, not 'soon'"],
    [["--memory", "1k"], "--memory must be a size of at least 6M such as 512M or 4G, not '1k'"],
    [["--cpus", "-1"], "--cpus must be a number above 0, not '-1'"],
  ])("exits 2 for %j", async (flags, message) => {
    const run = await trestle(["run", "run_all", "--project", "examples/demo", ...flags]);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `trestle run: ${message}\n` });
  });

  it("exits 2 for an unknown executor and for a folder without project.yaml", async () => {
    const executor = await trestle(["run", "run_all", "--executor", "podman"]);
    expect(executor.code).toBe(2);
    expect(executor.stderr).toContain("argument 'podman' is invalid");
    project = await tempProject({});
    const missing = await trestle(["run", "run_all", "--project", project.dir]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain(
      `=> ProjectValidationError\n   No project.yaml file found in ${project.dir}\n`,
    );
  });

  it("leaves the committed demo folder untouched when run on a copy", async () => {
    project = await tempProject({});
    await cp(join(ROOT, "examples/demo"), project.dir, { recursive: true });
    const run = await trestle([
      "run",
      "make_safe",
      "--project",
      project.dir,
      "--executor",
      "local",
      "--concurrency",
      "1",
    ]);
    expect(run.code).toBe(0);
  });

  it("stops the jobs on Ctrl-C, still prints the summary, and exits 1", async () => {
    project = await tempProject({
      "project.yaml": pythonProject([
        { name: "sleepy", script: "sleepy.py", outputs: { "output/x.csv": "highly_sensitive" } },
      ]),
      "sleepy.py": "import os, time\nprint(os.getpgid(0), flush=True)\ntime.sleep(120)\n",
    });
    const child = spawn(
      process.execPath,
      [CLI, "run", "sleepy", "--project", project.dir, "--executor", "local"],
      {
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    const started = new Promise<void>((resolve) => {
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes("sleepy: Executing job on the backend")) resolve();
      });
    });
    const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
    const inProject = async () => {
      const pids: string[] = [];
      for (const pid of (await readdir("/proc")).filter((p) => /^\d+$/.test(p))) {
        const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => "");
        if (cwd.startsWith(project!.dir)) pids.push(pid);
      }
      return pids;
    };
    await started;
    // The status line comes just before the job's process starts: wait (with a deadline) to see it.
    const deadline = Date.now() + 20_000;
    while ((await inProject()).length === 0) {
      if (Date.now() > deadline) throw new Error("the job's process never appeared");
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill("SIGINT");
    expect(await exited).toBe(1);
    // The job's process went with it.
    expect(await inProject()).toEqual([]);
    expect(stderr).toContain("Stopping: cancelling running jobs");
    expect(stdout).toContain("=> sleepy\n   Cancelled by user\n");
    expect(stdout).toContain("=> 0 succeeded, 0 failed, 1 cancelled in ");
  });
});
