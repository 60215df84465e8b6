import { describe, expect, it } from "vitest";
import { withParallelPulls } from "../../src/action/parallel-pulls.ts";
import { type Action, loadPipeline } from "../../src/pipeline/index.ts";
import type { Executor } from "../../src/runner/index.ts";

const project = `version: '5.0'
actions:
  a:
    run: python:v2 a.py
    outputs: {moderately_sensitive: {o: a.csv}}
  b:
    run: r:v2 b.R
    outputs: {moderately_sensitive: {o: b.csv}}
  c:
    run: python:v2 c.py
    outputs: {moderately_sensitive: {o: c.csv}}
  d:
    run: python:v1 d.py
    outputs: {moderately_sensitive: {o: d.csv}}
`;

/** An executor whose prepare waits until every expected call has started: it only ends if they overlap. */
function barrierExecutor(expected: number, problem: (images: string[]) => string | null = () => null) {
  const calls: string[][] = [];
  let release!: () => void;
  const allStarted = new Promise<void>((resolve) => {
    release = resolve;
  });
  const executor: Executor = {
    name: "docker",
    unsupported: () => null,
    run: async () => ({ exitCode: 0, killed: null, detail: null, imageId: null }),
    async prepare(actions: readonly Action[]) {
      const images = actions.map((a) => `${a.run.image}:${a.run.tag}`);
      calls.push(images);
      if (calls.length === expected) release();
      const deadline = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("prepare calls did not overlap")), 5000).unref(),
      );
      await Promise.race([allStarted, deadline]);
      return problem(images);
    },
  };
  return { executor, calls };
}

const actions = () => [...loadPipeline(project).pipeline!.actions.values()];

describe("parallel pulls", () => {
  it("prepares each image once, all at the same time", async () => {
    const { executor, calls } = barrierExecutor(3);
    await expect(
      withParallelPulls(executor).prepare(actions(), new AbortController().signal),
    ).resolves.toBeNull();
    expect(calls.map((images) => [...new Set(images)])).toEqual([["python:v2"], ["r:v2"], ["python:v1"]]);
    expect(calls[0]).toEqual(["python:v2", "python:v2"]);
  });

  it("reports a failed pull", async () => {
    const { executor } = barrierExecutor(3, (images) =>
      images[0] === "r:v2" ? "Failed with error: docker pull r" : null,
    );
    await expect(withParallelPulls(executor).prepare(actions(), new AbortController().signal)).resolves.toBe(
      "Failed with error: docker pull r",
    );
  });

  it("passes everything else through", () => {
    const { executor } = barrierExecutor(1);
    const wrapped = withParallelPulls(executor);
    expect(wrapped.name).toBe("docker");
    expect(wrapped.unsupported(actions()[0]!, loadPipeline(project).pipeline!)).toBeNull();
  });
});
