// Running the project: choose the executor (its pulls made parallel), restore the cached state for
// that executor, and run with the live log. Saving and uploading wait for the results in main.ts.
import type { Pipeline } from "../pipeline/index.ts";
import { type ExecutorInfo, type RunOutcome, selectExecutor, startRun } from "../runner/index.ts";
import { type CachePlan, planCache, restoreState } from "./cache-step.ts";
import type { ActionHost } from "./host.ts";
import type { ActionInputs } from "./inputs.ts";
import { createLiveLog } from "./live-log.ts";
import { withParallelPulls } from "./parallel-pulls.ts";

export interface RunStep {
  readonly outcome: RunOutcome;
  readonly executor: ExecutorInfo | null;
  readonly cache: CachePlan | null;
}

export async function runStep(
  inputs: ActionInputs,
  host: ActionHost,
  projectDir: string,
  pipeline: Pipeline,
  notes: string[],
): Promise<RunStep> {
  const chosen = await selectExecutor(inputs.executor);
  if ("problem" in chosen) {
    const problem = { code: "executor_unavailable" as const, message: chosen.problem };
    return { outcome: { kind: "cannot_start", problem }, executor: null, cache: null };
  }
  host.info(`Executor: ${chosen.info.name} (${chosen.info.reason})`);
  let cache: CachePlan | null = null;
  if (inputs.cache) {
    cache = await planCache(projectDir, inputs.directory, pipeline, chosen.info.name, host.context.runId);
    notes.push(await restoreState(host, cache));
  }
  const outcome = await startRun({
    projectDir,
    pipeline,
    actions: inputs.actions,
    forceRunDependencies: inputs["force-run-dependencies"],
    continueOnError: inputs["continue-on-error"],
    ...(inputs.concurrency === null ? {} : { concurrency: inputs.concurrency }),
    executor: withParallelPulls(chosen.executor),
    signal: host.signal,
    onEvent: createLiveLog({ writeLine: (line) => host.info(line), now: () => host.now() }),
    commit: host.context.sha,
    repo: host.context.repository,
  }).done;
  return { outcome, executor: chosen.info, cache };
}
