// A run that dies in the middle of a job (kill -9) leaves a marked job, a stale lock and a workspace.
// The next run takes the lock over, cleans up, and re-runs the interrupted job: never a success.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { planRun } from "../../src/runner/index.ts";
import { procStatFields } from "../../src/runner/proc-stat.ts";
import { jobsOf, pythonProject, ROOT, run, type TempProject, tempProject, writer } from "./helpers.ts";

let project: TempProject | null = null;
const pids: number[] = [];
afterEach(async () => {
  for (const pid of pids.splice(0)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  await project?.cleanup();
  project = null;
});

async function waitFor<T>(what: string, probe: () => Promise<T | null>, deadlineMs = 60_000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// A job that writes its process group id where the test can find it, then waits to be killed.
const SLOW_JOB =
  "import os, pathlib, time\npathlib.Path('pgid').write_text(str(os.getpgid(0)))\ntime.sleep(120)\n";

/**
 * Runs `action` of the project in a process of its own (its own process group) and waits for the
 * SLOW_JOB it runs to start; returns that run process and the job's process group id.
 */
async function runUntilSlowJobStarts(
  dir: string,
  action: string,
): Promise<{ child: ChildProcess; jobPgid: number }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "test/runner/fixtures/run-child.ts"), dir, action],
    { cwd: ROOT, stdio: "ignore", detached: true },
  );
  pids.push(child.pid!);
  const work = join(dir, "metadata/.trestle/work");
  const jobPgid = await waitFor("the slow job to start", async () => {
    for (const entry of await readdir(work)) {
      const text = await readFile(join(work, entry, "pgid"), "utf8").catch(() => "");
      if (text) return Number(text);
    }
    return null;
  });
  pids.push(jobPgid);
  return { child, jobPgid };
}

/** Kills the run process's group and waits for it to exit. */
async function killRun(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.on("exit", resolve));
  process.kill(-child.pid!, "SIGKILL");
  await exited;
}

it("recovers from a run killed in the middle of a job", async () => {
  project = await tempProject({
    "project.yaml": pythonProject([
      { name: "first", script: "analysis/first.py", outputs: { "output/first.csv": "highly_sensitive" } },
      {
        name: "slow",
        script: "analysis/slow.py",
        needs: ["first"],
        outputs: { "output/slow.csv": "highly_sensitive" },
      },
    ]),
    "analysis/first.py": writer({ "output/first.csv": "a\n" }),
    "analysis/slow.py": SLOW_JOB,
  });
  const { child, jobPgid } = await runUntilSlowJobStarts(project.dir, "slow");
  const work = join(project.dir, "metadata/.trestle/work");
  const marker = JSON.parse(await project.read("metadata/.trestle/jobs/slow.json"));
  expect(marker.running).toMatchObject({ pid: child.pid });
  process.kill(-jobPgid, "SIGKILL");
  await killRun(child);

  // The lock still names the dead process; planning sees the interrupted job.
  expect((await project.read("metadata/.trestle/lock")).trim()).toBe(String(child.pid));
  const plan = await planRun({ projectDir: project.dir, actions: ["run_all"] });
  expect(plan.kind === "plan" && plan.plan.jobs.map((j) => [j.action, j.reason])).toEqual([
    ["slow", "interrupted"],
  ]);
  expect(plan.kind === "plan" && plan.plan.reused.map((r) => r.action)).toEqual(["first"]);

  await project.write("analysis/slow.py", writer({ "output/slow.csv": "done\n" }));
  const { outcome } = await run(project.dir, ["run_all"]);
  expect(jobsOf(outcome).get("slow")).toMatchObject({ statusCode: "succeeded", reason: "interrupted" });
  // The crashed run's workspace is gone, and so is the lock.
  expect(await readdir(work).catch(() => [])).toEqual([]);
  await expect(project.read("metadata/.trestle/lock")).rejects.toThrow();
});

/** Whether a process runs (a zombie, killed and not yet reaped by its new parent, does not). */
function running(pid: number): boolean {
  const state = procStatFields(pid)?.[0];
  return state !== undefined && state !== "Z";
}

it.runIf(process.platform === "linux")(
  "stops a job that outlived its killed run before running it again",
  async () => {
    project = await tempProject({
      "project.yaml": pythonProject([
        { name: "slow", script: "analysis/slow.py", outputs: { "output/slow.csv": "highly_sensitive" } },
      ]),
      "analysis/slow.py": SLOW_JOB,
    });
    const { child, jobPgid } = await runUntilSlowJobStarts(project.dir, "slow");
    // Only the run is killed, as a backend is by SIGKILL: the job's own process group lives on.
    await killRun(child);
    expect(running(jobPgid)).toBe(true);
    expect(await readdir(join(project.dir, "metadata/.trestle/processes"))).toEqual([String(jobPgid)]);

    await project.write("analysis/slow.py", writer({ "output/slow.csv": "done\n" }));
    const { outcome } = await run(project.dir, ["slow"]);
    expect(jobsOf(outcome).get("slow")).toMatchObject({ statusCode: "succeeded" });
    await waitFor("the left-over job to be stopped", async () => (running(jobPgid) ? null : true), 5000);
    expect(await readdir(join(project.dir, "metadata/.trestle/processes"))).toEqual([]);
  },
);

it.runIf(process.platform === "linux")(
  "leaves alone a process whose pid a left-over note names, when it is another process",
  async () => {
    project = await tempProject({
      "project.yaml": pythonProject([
        { name: "a", script: "a.py", outputs: { "output/a.csv": "highly_sensitive" } },
      ]),
      "a.py": writer({ "output/a.csv": "a\n" }),
    });
    // The pid of a crashed run's job, since reused by an unrelated process: same pid, other start.
    const unrelated = spawn("sleep", ["60"], { stdio: "ignore", detached: true });
    pids.push(unrelated.pid!);
    const started = procStatFields(unrelated.pid!)![19]!;
    await project.write(`metadata/.trestle/processes/${unrelated.pid}`, `another-boot ${started}\n`);
    await project.write("metadata/.trestle/processes/999999999", "gone 1\n");

    const { outcome } = await run(project.dir, ["a"]);
    expect(jobsOf(outcome).get("a")).toMatchObject({ statusCode: "succeeded" });
    expect(running(unrelated.pid!)).toBe(true);
    expect(await readdir(join(project.dir, "metadata/.trestle/processes"))).toEqual([]);
  },
);

it("refuses to start while another live run holds the project", async () => {
  project = await tempProject({
    "project.yaml": pythonProject([
      { name: "a", script: "a.py", outputs: { "output/a.csv": "highly_sensitive" } },
    ]),
    "a.py": writer({ "output/a.csv": "a\n" }),
  });
  // The test runner's parent process is alive and is not this process.
  await project.write("metadata/.trestle/lock", `${process.ppid}\n`);
  const { outcome } = await run(project.dir, ["a"]);
  expect(outcome).toMatchObject({
    kind: "cannot_start",
    problem: { code: "project_busy", pid: process.ppid },
  });
  expect(await project.read("metadata/.trestle/lock")).toBe(`${process.ppid}\n`);
});

it("starts while a job process of a crashed run still writes in that run's workspace", async () => {
  project = await tempProject({
    "project.yaml": pythonProject([
      { name: "a", script: "a.py", outputs: { "output/a.csv": "highly_sensitive" } },
    ]),
    "a.py": writer({ "output/a.csv": "a\n" }),
  });
  // As a job of a killed backend would: its run is gone, it is not, and it keeps writing files.
  const leftover = join(project.dir, "metadata/.trestle/work/left-over-job");
  await mkdir(leftover, { recursive: true });
  const writerProcess = spawn(
    "python3",
    [
      "-c",
      "import os, time\nfor i in range(100000):\n    open(f'f{i}', 'w').close()\n    time.sleep(0.001)\n",
    ],
    { cwd: leftover, stdio: "ignore", detached: true },
  );
  pids.push(writerProcess.pid!);
  await waitFor("the leftover process to write", async () =>
    (await readdir(leftover).catch(() => [])).length > 5 ? true : null,
  );

  const { outcome } = await run(project.dir, ["a"]);
  expect(jobsOf(outcome).get("a")).toMatchObject({ statusCode: "succeeded" });

  process.kill(-writerProcess.pid!, "SIGKILL");
  await run(project.dir, ["a"]);
  // What was moved aside is gone once nothing writes there any more.
  expect((await readdir(join(project.dir, "metadata/.trestle"))).filter((n) => n.includes("stale"))).toEqual(
    [],
  );
});
