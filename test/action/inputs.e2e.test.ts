// How the built Action treats its inputs: bad values fail the step with one clear message, `mode:
// check` runs nothing, a subset of actions runs only what it needs, and the directory must exist
// inside the checkout.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO, ensureBundle, Runner } from "./harness.ts";

let runner: Runner;
beforeAll(() => ensureBundle(), 120_000);
afterEach(async () => {
  await runner?.cleanup();
});

async function demo(): Promise<Runner> {
  runner = await Runner.create();
  await runner.checkout(DEMO);
  return runner;
}

describe("inputs", () => {
  it("fails with every bad input named, before doing anything", async () => {
    const r = await (await demo()).run({ mode: "yes", concurrency: "0", cache: "maybe", executor: "podman" });
    expect(r.code).toBe(1);
    expect(r.annotations).toEqual([
      {
        kind: "error",
        file: null,
        line: null,
        col: null,
        message:
          "Invalid inputs:\n" +
          `  Input 'mode' must be one of check, run, not "yes"\n` +
          `  Input 'concurrency' must be a whole number from 1 to 256, not "0"\n` +
          `  Input 'executor' must be one of auto, local, docker, not "podman"\n` +
          `  Input 'cache' must be true or false (YAML 1.2 core schema), not "maybe"`,
      },
    ]);
    expect(r.summary).toBe("");
    expect(r.outputs).toEqual({});
    expect(await runner.exists("metadata")).toBe(false);
  }, 60_000);

  it("only validates in check mode", async () => {
    const r = await (await demo()).run({ mode: "check" });
    expect(r.code).toBe(0);
    expect(r.annotations).toEqual([]);
    expect(r.summary).toMatch(/^## ✅ Trestle: project.yaml is valid \(3 actions\)\n/);
    expect(r.summary).toContain("```mermaid");
    expect(r.summary).not.toContain("classDef");
    expect(r.summary).not.toContain("### Results");
    expect(r.results!.actions.map((a) => a.status)).toEqual([
      "not_requested",
      "not_requested",
      "not_requested",
    ]);
    expect(await runner.exists("metadata")).toBe(false);
  }, 60_000);

  it("runs a requested action and what it needs, and nothing else", async () => {
    const r = await (await demo()).run({
      actions: "make_safe",
      executor: "local",
      cache: "false",
      upload: "false",
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.results!.actions.map((a) => [a.name, a.status])).toEqual([
      ["extract_consultations", "succeeded"],
      ["make_safe", "succeeded"],
      ["render_report", "not_requested"],
    ]);
    expect(r.summary).toMatch(/class n2 not_requested/);
  }, 60_000);

  it("fails with the valid names when an action does not exist", async () => {
    const r = await (await demo()).run({
      actions: "make_safe\nmake_unsafe",
      executor: "local",
      cache: "false",
    });
    expect(r.code).toBe(1);
    const error = r.annotations.find((a) => a.kind === "error")!;
    expect(error.message).toContain("make_unsafe");
    expect(r.summary).toMatch(/^## ❌ Trestle: the run could not start: /);
    expect(await runner.exists("output")).toBe(false);
  }, 60_000);

  it.each([
    ["outside the checkout", "../..", "is outside the repository checkout"],
    ["missing", "no/such/study", "No project.yaml in 'no/such/study'"],
  ])(
    "fails clearly when the directory is %s",
    async (_what, directory, message) => {
      const r = await (await demo()).run({ directory });
      expect(r.code).toBe(1);
      expect(r.annotations).toHaveLength(1);
      expect(r.annotations[0]!.message).toContain(message);
      expect(r.outputs).toMatchObject({ valid: "false", succeeded: "false" });
      expect(r.summary).toContain("❌");
    },
    60_000,
  );

  it("runs without a summary file when the runner gives none", async () => {
    const r = await (await demo()).run({ mode: "check" }, { GITHUB_STEP_SUMMARY: "" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No job summary: GITHUB_STEP_SUMMARY is not set.");
    expect(r.outputs.valid).toBe("true");
  }, 60_000);

  it("says why it cannot run when the docker executor is asked for and no daemon answers", async () => {
    const r = await (await demo()).run(
      { executor: "docker", cache: "false" },
      { DOCKER_HOST: "unix:///nonexistent.sock" },
    );
    expect(r.code).toBe(1);
    expect(r.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(/^the docker executor needs a running docker daemon: /),
    ]);
    expect(r.summary).toMatch(
      /^## ❌ Trestle: the run could not start: the docker executor needs a running docker daemon/,
    );
    expect(r.outputs.succeeded).toBe("false");
  }, 60_000);

  it("falls back to the local executor on auto when no docker daemon answers", async () => {
    const r = await (await demo()).run(
      { cache: "false", upload: "false" },
      { DOCKER_HOST: "unix:///nonexistent.sock" },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/Executor: local \(no docker daemon \(.*\): using the local executor\)/);
    expect(r.results!.executor).toBe("local");
  }, 60_000);
});
