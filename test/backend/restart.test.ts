// The backend as a real process, killed with SIGKILL while a job runs and started again on the same
// data folder: every job request is still there and every job ends, the interrupted one by running again.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MESSAGES } from "../../src/backend/scheduler.ts";
import { client, createBody, eventually, jobsOf, settled, tempDir } from "./helpers/backend.ts";
import { makeRepo } from "./helpers/git-repo.ts";
import { chainProject, extrasProject } from "./helpers/projects.ts";
import { type ServeProcess, serve } from "./helpers/serve-process.ts";

let tmp: ReturnType<typeof tempDir>;
const processes: ServeProcess[] = [];
let gate: string;

beforeAll(() => {
  tmp = tempDir("restart");
  gate = join(tmp.path, "gate");
});
afterAll(async () => {
  writeFileSync(gate, "open");
  for (const p of processes) {
    if (p.child.exitCode === null && p.child.signalCode === null) {
      p.child.kill("SIGKILL");
      await p.exited;
    }
  }
  tmp.remove();
});

async function start(dataDir: string): Promise<ServeProcess> {
  const p = await serve(dataDir);
  processes.push(p);
  return p;
}

describe("a backend killed mid-job", () => {
  it("keeps every job request and runs the interrupted job again after a restart", {
    timeout: 120_000,
  }, async () => {
    const dataDir = join(tmp.path, "data");
    const chain = makeRepo(join(tmp.path, "chain"));
    const chainCommit = chain.commit(chainProject());
    const extras = makeRepo(join(tmp.path, "extras"));
    const extrasCommit = extras.commit(extrasProject(gate, false));

    const first = await start(dataDir);
    const api1 = client(first);
    const done = createBody({
      repo_url: chain.url,
      commit: chainCommit,
      workspace: "finished",
      requested_actions: ["prepare"],
    });
    const running = createBody({
      repo_url: extras.url,
      commit: extrasCommit,
      workspace: "interrupted",
      requested_actions: ["after_gated"],
    });
    expect((await api1.create(done)).status).toBe(201);
    const finishedJobs = await settled(api1, done.rap_id);
    expect((await api1.create(running)).status).toBe(201);
    await eventually(async () => {
      const job = (await jobsOf(api1, running.rap_id)).get("gated");
      return job?.status_code === "executing" ? job : undefined;
    }, "the gated job to execute");

    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");

    const second = await start(dataDir);
    const api2 = client(second);
    // Finished requests answer exactly as before.
    expect(await jobsOf(api2, done.rap_id)).toEqual(finishedJobs);
    // The interrupted job was put back in the queue and runs again; its dependent still waits.
    const rerun = await eventually(async () => {
      const jobs = await jobsOf(api2, running.rap_id);
      const gated = jobs.get("gated");
      return gated?.status === "running" || gated?.status_code === "waiting_on_reboot" ? jobs : undefined;
    }, "the interrupted job to be re-queued");
    expect(rerun.get("after_gated")?.status).toBe("pending");
    expect((await api2.create(running)).body).toMatchObject({ result: "No change", count: 2 });

    writeFileSync(gate, "open");
    const jobs = await settled(api2, running.rap_id);
    // With the messages, so that a failure says why.
    expect([...jobs.values()].map((j) => [j.action, j.status_code, j.status_message])).toEqual([
      ["gated", "succeeded", "Completed successfully"],
      ["after_gated", "succeeded", "Completed successfully"],
    ]);

    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(second.output()).toMatch(/SIGTERM received/);
  });

  it("leaves a job stopped by SIGTERM to run again on the next start", { timeout: 120_000 }, async () => {
    const dataDir = join(tmp.path, "data-term");
    const extras = makeRepo(join(tmp.path, "extras-term"));
    const termGate = join(tmp.path, "term-gate");
    const commit = extras.commit(extrasProject(termGate, false));
    const first = await start(dataDir);
    const body = createBody({ repo_url: extras.url, commit, workspace: "ws", requested_actions: ["gated"] });
    await client(first).create(body);
    await eventually(async () => {
      const job = (await jobsOf(client(first), body.rap_id)).get("gated");
      return job?.status_code === "executing" ? job : undefined;
    }, "the gated job to execute");
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const second = await start(dataDir);
    const job = await eventually(async () => {
      const gated = (await jobsOf(client(second), body.rap_id)).get("gated");
      return gated?.status === "running" || gated?.status_code === "waiting_on_reboot" ? gated : undefined;
    }, "the stopped job to be re-queued");
    expect(["waiting_on_reboot", "initiated", "preparing", "prepared", "executing"]).toContain(
      job.status_code,
    );
    writeFileSync(termGate, "open");
    const jobs = await settled(client(second), body.rap_id);
    expect(jobs.get("gated")?.status_code).toBe("succeeded");
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(MESSAGES.restarted).toMatch(/will run again/);
  });
});
