// Image pulls before a run, one per image and all at once. The runner's executor prepares the images
// of the actions it is given one after another; giving it one image's actions per call, in parallel,
// makes the slowest pull, not the sum of them, the time a fresh runner waits before its first job.
import type { Action } from "../pipeline/index.ts";
import type { Executor } from "../runner/index.ts";

export function withParallelPulls(executor: Executor): Executor {
  return {
    name: executor.name,
    unsupported: (action, pipeline) => executor.unsupported(action, pipeline),
    run: (job, io) => executor.run(job, io),
    async prepare(actions, signal) {
      const byImage = new Map<string, Action[]>();
      for (const action of actions) {
        const image = `${action.run.image}:${action.run.tag}`;
        byImage.set(image, [...(byImage.get(image) ?? []), action]);
      }
      const problems = await Promise.all(
        [...byImage.values()].map((group) => executor.prepare(group, signal)),
      );
      return problems.find((problem) => problem !== null) ?? null;
    },
  };
}
