// A run: check options, take the project's lock, plan, choose and prepare the executor, schedule the
// jobs and collect their results. Everything that stops a run from starting is a value
// (`cannot_start`); nothing here throws for a job's failure.
import { availableParallelism } from "node:os";
import { basename, join, resolve } from "node:path";
import { selectExecutor } from "./executors/select.ts";
import { runJob } from "./job.ts";
import { jobIdFor, newRequestId } from "./job-id.ts";
import { DEFAULT_LIMITS } from "./limits.ts";
import { ManifestWriter } from "./manifest.ts";
import { checkRequest, inputsFrom, planDetails } from "./plan.ts";
import { loadProject } from "./project.ts";
import { Scheduler } from "./scheduler.ts";
import { stopLeftoverJobs } from "./state/job-processes.ts";
import { acquireLock } from "./state/lock.ts";
import { WORK_DIR } from "./state/paths.ts";
import type { ActionRecord } from "./state/records.ts";
import { discardStaleWork } from "./state/stale-work.ts";
import { STATUS_MESSAGES, type StatusCode, stateOf } from "./status.ts";
import type {
  Executor,
  ExecutorInfo,
  JobLimits,
  JobResult,
  JobSnapshot,
  RunEvent,
  RunHandle,
  RunOptions,
  RunOutcome,
  RunResult,
  StartProblem,
} from "./types.ts";
import { probeReadTracking } from "./workspace.ts";

const REQUEST_ID = /^[0-9a-f]{10}$/;

export function startRun(options: RunOptions): RunHandle {
  const requestId = options.requestId ?? newRequestId();
  const snapshots = new Map<string, JobSnapshot>();
  let scheduler: Scheduler | null = null;
  let cancelAll = false;
  const earlyCancels = new Set<string>();
  const emit = (event: RunEvent) => {
    try {
      options.onEvent?.(event);
    } catch {
      // A host's callback must not break the run.
    }
  };
  const cancel = (actions?: readonly string[]) => {
    if (actions === undefined) cancelAll = true;
    else for (const a of actions) earlyCancels.add(a);
    scheduler?.cancel(actions);
  };
  options.signal?.addEventListener("abort", () => cancel(), { once: true });
  if (options.signal?.aborted) cancelAll = true;

  const done = execute(options, requestId, snapshots, emit, (s) => {
    scheduler = s;
    if (cancelAll) s.cancel();
    else if (earlyCancels.size > 0) s.cancel([...earlyCancels]);
  }).catch(
    (error: unknown): RunOutcome => ({
      kind: "cannot_start",
      problem: {
        code: "start_failed",
        message: `the run could not start: ${error instanceof Error ? error.message : String(error)}`,
      },
    }),
  );
  return { requestId, done, cancel, jobs: () => [...snapshots.values()] };
}

export function runProject(options: RunOptions): Promise<RunOutcome> {
  return startRun(options).done;
}

/** 0 when every job succeeded or was up to date, 1 when a job failed, 2 when the run could not start. */
export function exitCodeFor(outcome: RunOutcome): 0 | 1 | 2 {
  if (outcome.kind === "cannot_start") return 2;
  if (outcome.kind === "nothing_to_do") return 0;
  return outcome.result.ok ? 0 : 1;
}

function checkOptions(
  options: RunOptions,
  requestId: string,
): { limits: JobLimits; concurrency: number } | StartProblem {
  const bad = (message: string): StartProblem => ({ code: "bad_option", message });
  if (!REQUEST_ID.test(requestId)) return bad("the request id must be 10 lower-case hex characters");
  const concurrency = options.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) {
    return bad("concurrency must be a whole number from 1 to 1024");
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (!(limits.timeoutMs > 0 && limits.timeoutMs <= 2 ** 31 - 1))
    return bad("the time limit must be between 1 ms and 24 days");
  if (!(limits.memoryBytes >= 6 * 1024 ** 2)) return bad("the memory limit must be at least 6M");
  if (!(limits.cpus > 0 && limits.cpus <= 1024)) return bad("cpus must be more than 0");
  return { limits, concurrency };
}

async function execute(
  options: RunOptions,
  requestId: string,
  snapshots: Map<string, JobSnapshot>,
  emit: (event: RunEvent) => void,
  onScheduler: (s: Scheduler) => void,
): Promise<RunOutcome> {
  const checked = checkOptions(options, requestId);
  if ("code" in checked) return { kind: "cannot_start", problem: checked };
  const projectDir = resolve(options.projectDir);
  const now = options.now ?? (() => new Date());
  const runStart = now();

  // Everything that can be checked without touching the folder is checked before taking its lock.
  let pipeline = options.pipeline;
  if (!pipeline) {
    const loaded = await loadProject(projectDir);
    if ("problem" in loaded) return { kind: "cannot_start", problem: loaded.problem };
    pipeline = loaded.pipeline;
  }
  const requestProblem = checkRequest(pipeline, options.actions);
  if (requestProblem) return { kind: "cannot_start", problem: requestProblem };

  const lock = await acquireLock(projectDir).catch((error: unknown) => ({
    ok: false as const,
    pid: 0,
    error,
  }));
  if (!lock.ok && "error" in lock) {
    // Not another run: the folder itself is unusable (a file where a folder should be, a full disk).
    const cause = lock.error instanceof Error ? lock.error.message : String(lock.error);
    return {
      kind: "cannot_start",
      problem: { code: "start_failed", message: `cannot use ${projectDir}: ${cause}` },
    };
  }
  if (!lock.ok) {
    const message = `another run (pid ${lock.pid}) is using ${projectDir}; wait for it to end, or delete ${join(projectDir, "metadata/.trestle/lock")} if that process is gone`;
    return { kind: "cannot_start", problem: { code: "project_busy", message, pid: lock.pid } };
  }
  try {
    // A crashed run's jobs may still be running; stop them before their work is run again.
    await stopLeftoverJobs(projectDir);
    await discardStaleWork(join(projectDir, WORK_DIR));
    const details = await planDetails({ ...options, projectDir, pipeline });
    if ("problem" in details) return { kind: "cannot_start", problem: details.problem };
    const { plan, tree, records, definitions } = details;
    if (plan.jobs.length === 0) {
      return {
        kind: "nothing_to_do",
        message: "All actions have already completed successfully",
        reused: plan.reused,
      };
    }

    const chosen = await chooseExecutor(options);
    if ("problem" in chosen)
      return { kind: "cannot_start", problem: { code: "executor_unavailable", message: chosen.problem } };
    const { executor, info } = chosen;
    const prepareSignal = options.signal ?? new AbortController().signal;
    const actions = plan.jobs.map((j) => pipeline.actions.get(j.action)!);
    const prepareProblem = await executor.prepare(actions, prepareSignal);
    if (prepareProblem)
      return { kind: "cannot_start", problem: { code: "executor_unavailable", message: prepareProblem } };

    // Docker Desktop shares folders through a virtual file system whose access times the host cannot
    // trust; only Linux bind mounts are the host's own inodes.
    const remoteFiles = executor.name === "docker" && process.platform !== "linux";
    const tracking = remoteFiles ? "all" : await probeReadTracking(join(projectDir, WORK_DIR));
    const manifest = new ManifestWriter(
      projectDir,
      options.workspaceName ?? basename(projectDir),
      options.repo ?? null,
      new Set(pipeline.actions.keys()),
    );
    const jobIds = new Map(plan.jobs.map((j) => [j.action, jobIdFor(requestId, j.action)]));
    const reasons = new Map(plan.jobs.map((j) => [j.action, j.reason]));
    const setSnapshot = (
      action: string,
      code: StatusCode,
      message: string,
      startedAt: string | null,
      completedAt: string | null,
    ) => {
      const before = snapshots.get(action);
      if (before && before.statusCode === code && before.statusMessage === message) return;
      const snapshot: JobSnapshot = {
        action,
        jobId: jobIds.get(action)!,
        state: stateOf(code),
        statusCode: code,
        statusMessage: message,
        startedAt,
        completedAt,
      };
      snapshots.set(action, snapshot);
      emit({ type: "job_status", job: snapshot });
    };
    emit({ type: "run_started", requestId, executor: info, plan });
    // The outputs each action has right now, updated as jobs of this run end.
    const latestRecords = new Map(records);
    const deferred: Promise<void>[] = [];

    const scheduler = new Scheduler({
      jobs: plan.jobs,
      concurrency: checked.concurrency,
      continueOnError: options.continueOnError === true,
      onPending: (action, code, message) => setSnapshot(action, code, message, null, null),
      onFinished: (result) => {
        setSnapshot(
          result.action,
          result.statusCode,
          result.statusMessage,
          result.startedAt,
          result.completedAt,
        );
        emit({ type: "job_finished", result });
      },
      endWithout: (action, code, message) =>
        endWithout(action, jobIds.get(action)!, reasons.get(action)!, code, message, now),
      start: (action, signal, release) => {
        const pipelineAction = pipeline.actions.get(action)!;
        const jobId = jobIds.get(action)!;
        return runJob({
          projectDir,
          pipeline,
          action: pipelineAction,
          jobId,
          requestId,
          workspaceName: options.workspaceName ?? basename(projectDir),
          reason: reasons.get(action)!,
          definition: definitions.get(action)!,
          tree,
          tracking,
          executor,
          limits: checked.limits,
          commit: options.commit ?? null,
          // Records may have changed since planning: a need that ran in this run wrote a new one.
          previous: records.get(action) ?? null,
          inputs: Object.keys(inputsFrom(pipelineAction.needs, latestRecords)),
          manifest,
          signal,
          keepWorkspace: options.keepWorkspaces === true,
          now,
          setStatus: (code, startedAt) => setSnapshot(action, code, STATUS_MESSAGES[code], startedAt, null),
          onLine: (line, stream) => emit({ type: "job_output", action, jobId, line, stream }),
          defer: (work) => deferred.push(work),
          releaseWorker: release,
        }).then((result) => {
          latestRecords.set(action, recordFromResult(result, records.get(action) ?? null));
          return result;
        });
      },
    });
    onScheduler(scheduler);
    const { results, notStarted } = await scheduler.run();
    await Promise.all(deferred);
    const end = now();
    const cancelled = results.some((r) => r.statusCode === "cancelled_by_user");
    const result: RunResult = {
      requestId,
      executor: info,
      ok: results.every((r) => r.state === "succeeded") && notStarted.length === 0,
      jobs: results,
      reused: plan.reused,
      notStarted,
      cancelled,
      startedAt: runStart.toISOString(),
      completedAt: end.toISOString(),
      durationMs: end.getTime() - runStart.getTime(),
    };
    emit({ type: "run_finished", result });
    return { kind: "completed", result };
  } finally {
    await lock.release();
  }
}

async function chooseExecutor(
  options: RunOptions,
): Promise<{ executor: Executor; info: ExecutorInfo } | { problem: string }> {
  const choice = options.executor ?? "auto";
  if (typeof choice === "object")
    return { executor: choice, info: { name: choice.name, reason: "given by the caller" } };
  return selectExecutor(choice, { hostEnv: options.hostEnv ?? process.env });
}

/** Only the outputs matter to later jobs of the same run. */
function recordFromResult(result: JobResult, previous: ActionRecord | null): ActionRecord | null {
  if (result.statusCode === "cancelled_by_user") return previous;
  return {
    version: 1,
    action: result.action,
    running: null,
    last: {
      jobId: result.jobId,
      requestId: "",
      statusCode: result.statusCode,
      statusMessage: result.statusMessage,
      startedAt: result.startedAt,
      completedAt: result.completedAt ?? "",
      fingerprint: null,
      outputs: Object.fromEntries(
        result.outputs.map((o) => [o.path, { privacy: o.privacy, sha256: o.sha256, size: o.size }]),
      ),
    },
  };
}

function endWithout(
  action: string,
  jobId: string,
  reason: JobResult["reason"],
  code: "dependency_failed" | "cancelled_by_user",
  message: string,
  now: () => Date,
): JobResult {
  return {
    action,
    jobId,
    state: "failed",
    statusCode: code,
    statusMessage: message,
    startedAt: null,
    completedAt: now().toISOString(),
    reason,
    exitCode: null,
    durationMs: 0,
    processMs: 0,
    outputs: [],
    unmatchedPatterns: [],
    unmatchedFiles: [],
    hint: null,
    level4Warnings: [],
    obsoleteRemoved: [],
    logFile: null,
    logTail: [],
    logTailTruncated: false,
  };
}
