// Planning: which of the requested actions (and their needs) run, and which earlier results are
// reused. The platform's re-run rules (spec/backend.md §4.2), with "up to date" meaning that the
// fingerprint still matches rather than only "it succeeded once".
import { lstat } from "node:fs/promises";
import { type Action, buildGraph, closure, type Pipeline, RUN_ALL } from "../pipeline/index.ts";
import { type CodeTree, scanCodeTree } from "./code-tree.ts";
import { definitionHash, staleBecause } from "./fingerprint.ts";
import { HashCache } from "./hash.ts";
import { loadProject } from "./project.ts";
import { type ActionRecord, readRecord } from "./state/records.ts";
import type {
  Plan,
  PlannedJob,
  PlanOutcome,
  PlanRequest,
  ReusedAction,
  RunReason,
  StartProblem,
} from "./types.ts";

export const NOTHING_TO_DO = "All actions have already completed successfully";

export interface PlanDetails {
  readonly pipeline: Pipeline;
  readonly plan: Plan;
  readonly tree: CodeTree;
  readonly records: ReadonlyMap<string, ActionRecord | null>;
  readonly definitions: ReadonlyMap<string, string>;
}

export async function planRun(request: PlanRequest): Promise<PlanOutcome> {
  const outcome = await planDetails(request);
  if ("problem" in outcome) return { kind: "cannot_start", problem: outcome.problem };
  if (outcome.plan.jobs.length === 0) {
    return {
      kind: "nothing_to_do",
      pipeline: outcome.pipeline,
      message: NOTHING_TO_DO,
      reused: outcome.plan.reused,
    };
  }
  return { kind: "plan", pipeline: outcome.pipeline, plan: outcome.plan };
}

/** Checks the requested names against the pipeline. */
export function checkRequest(pipeline: Pipeline, actions: readonly string[]): StartProblem | null {
  if (actions.length === 0) return { code: "no_actions", message: "At least one action must be supplied" };
  const unknown = [...new Set(actions.filter((a) => a !== RUN_ALL && !pipeline.actions.has(a)))];
  if (unknown.length === 0) return null;
  return {
    code: "unknown_actions",
    message: unknown.map((a) => `Action '${a}' not found in project.yaml`).join("\n"),
    unknown,
    valid: [RUN_ALL, ...pipeline.allActions],
  };
}

export async function planDetails(request: PlanRequest): Promise<PlanDetails | { problem: StartProblem }> {
  let pipeline = request.pipeline;
  if (!pipeline) {
    const loaded = await loadProject(request.projectDir);
    if ("problem" in loaded) return loaded;
    pipeline = loaded.pipeline;
  }
  const problem = checkRequest(pipeline, request.actions);
  if (problem) return { problem };

  const graph = buildGraph(pipeline);
  const explicit = new Set(request.actions.filter((a) => a !== RUN_ALL));
  const targets = request.actions.includes(RUN_ALL) ? [...pipeline.allActions, ...explicit] : [...explicit];
  const order = closure(graph, targets);
  const [tree, recordList] = await Promise.all([
    scanCodeTree(request.projectDir, pipeline),
    Promise.all(order.map((name) => readRecord(request.projectDir, name))),
  ]);
  const records = new Map(order.map((name, i) => [name, recordList[i] ?? null]));
  const definitions = new Map<string, string>();
  const hashes = new HashCache();
  const toRun = new Set<string>();
  const jobs: PlannedJob[] = [];
  const reused: ReusedAction[] = [];

  for (const name of order) {
    const action = pipeline.actions.get(name)!;
    const definition = definitionHash(action, pipeline);
    definitions.set(name, definition);
    const needs = graph.needs.get(name) ?? [];
    const waitsFor = needs.filter((n) => toRun.has(n));
    const decision = await decide({
      action,
      record: records.get(name) ?? null,
      explicit: explicit.has(name),
      force: request.forceRunDependencies === true,
      waitsFor,
      definition,
      inputs: () => inputsFrom(needs, records),
      tree,
      hashes,
      projectDir: request.projectDir,
    });
    if (decision.run) {
      toRun.add(name);
      jobs.push({ action: name, reason: decision.reason, detail: decision.detail, waitsFor });
    } else {
      const last = records.get(name)!.last!;
      reused.push({ action: name, reason: "up_to_date", jobId: last.jobId, completedAt: last.completedAt });
    }
  }
  return { pipeline, plan: { jobs, reused }, tree, records, definitions };
}

/** The input files a job of this action would get: the recorded outputs of its needs. */
export function inputsFrom(
  needs: readonly string[],
  records: ReadonlyMap<string, ActionRecord | null>,
): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const need of needs) {
    for (const [path, output] of Object.entries(records.get(need)?.last?.outputs ?? {}))
      inputs[path] = output.sha256;
  }
  return inputs;
}

type Decision = { run: true; reason: RunReason; detail: string } | { run: false };

async function decide(input: {
  action: Action;
  record: ActionRecord | null;
  explicit: boolean;
  force: boolean;
  waitsFor: readonly string[];
  definition: string;
  inputs: () => Record<string, string>;
  tree: CodeTree;
  hashes: HashCache;
  projectDir: string;
}): Promise<Decision> {
  const { record } = input;
  if (input.explicit) return { run: true, reason: "requested", detail: "requested" };
  if (input.force)
    return { run: true, reason: "force_run_dependencies", detail: "dependencies are forced to re-run" };
  if (record?.running) {
    return {
      run: true,
      reason: "interrupted",
      detail: `its job started at ${record.running.startedAt} was interrupted before it finished`,
    };
  }
  const last = record?.last;
  if (!last) return { run: true, reason: "never_run", detail: "it has not run before" };
  if (last.statusCode !== "succeeded") {
    return { run: true, reason: "failed_before", detail: `its last job ended ${last.statusCode}` };
  }
  if (input.waitsFor.length > 0) {
    return {
      run: true,
      reason: "dependency_will_run",
      detail: `${input.waitsFor.join(", ")} will run first`,
    };
  }
  for (const [path, output] of Object.entries(last.outputs)) {
    const abs = `${input.projectDir}/${path}`;
    const info = await lstat(abs).catch(() => null);
    const same =
      info?.isFile() &&
      info.size === output.size &&
      info.mtimeMs === output.mtimeMs &&
      info.ino === output.ino;
    const sha = same ? output.sha256 : await input.hashes.get(abs);
    if (sha === null)
      return { run: true, reason: "outputs_changed", detail: `its output ${path} is missing` };
    if (sha !== output.sha256)
      return { run: true, reason: "outputs_changed", detail: `its output ${path} was changed` };
  }
  if (!last.fingerprint) return { run: true, reason: "stale", detail: "its last run left no fingerprint" };
  const stale = await staleBecause(last.fingerprint, {
    definition: input.definition,
    inputs: input.inputs(),
    tree: input.tree,
    hashes: input.hashes,
  });
  if (stale) return { run: true, reason: "stale", detail: stale };
  return { run: false };
}
