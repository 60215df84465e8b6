// One job, start to end: mark it running, prepare its workspace, execute, check and copy back its
// outputs, write its log, manifest entries and record. Every path out of here is a JobResult; an
// unexpected error becomes `internal_error` for this job (the scheduler decides what happens next).
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Action, Pipeline } from "../pipeline/index.ts";
import type { CodeTree } from "./code-tree.ts";
import { execute } from "./job-execute.ts";
import { JobLog } from "./job-log.ts";
import { writeJobLog } from "./job-log-file.ts";
import { classify, type Verdict } from "./job-verdict.ts";
import { checkLevel4 } from "./level4.ts";
import type { ManifestOutput, ManifestWriter } from "./manifest.ts";
import { persistOutputs, removeObsolete, scanOutputs } from "./outputs.ts";
import { outputSpec } from "./patterns.ts";
import { WORK_DIR } from "./state/paths.ts";
import { type ActionRecord, type JobRecord, type RecordedOutput, writeRecord } from "./state/records.ts";
import { MESSAGE_CANCELLED, MESSAGE_INTERNAL_ERROR, type RunningCode } from "./status.ts";
import type { Executor, JobLimits, JobResult, Level4Warning, OutputFile, RunReason } from "./types.ts";
import { observeReads, prepareWorkspace } from "./workspace.ts";

export interface JobContext {
  readonly projectDir: string;
  readonly pipeline: Pipeline;
  readonly action: Action;
  readonly jobId: string;
  readonly requestId: string;
  readonly workspaceName: string;
  readonly reason: RunReason;
  readonly definition: string;
  readonly tree: CodeTree;
  readonly tracking: "atime" | "all";
  readonly executor: Executor;
  readonly limits: JobLimits;
  readonly commit: string | null;
  readonly previous: ActionRecord | null;
  /** Output files of its needs, relative to the project. */
  readonly inputs: readonly string[];
  readonly manifest: ManifestWriter;
  /** Aborted (reason "cancelled") when the job is cancelled. */
  readonly signal: AbortSignal;
  readonly keepWorkspace: boolean;
  readonly now: () => Date;
  readonly setStatus: (code: RunningCode, startedAt: string) => void;
  readonly onLine: (line: string, stream: "stdout" | "stderr") => void;
  /** Work the run must finish before it ends (cleaning up), kept off the job's own path. */
  readonly defer: (work: Promise<void>) => void;
  /** Called when the job's process has ended, so that another job may take its worker. */
  readonly releaseWorker: () => void;
}

export async function runJob(ctx: JobContext): Promise<JobResult> {
  const started = ctx.now();
  const startedAt = started.toISOString();
  const log = new JobLog();
  const workDir = join(ctx.projectDir, WORK_DIR, ctx.jobId);
  const homeDir = join(ctx.projectDir, WORK_DIR, `${ctx.jobId}.home`);
  let recorded = false;
  const base = {
    action: ctx.action.id,
    jobId: ctx.jobId,
    reason: ctx.reason,
    startedAt,
    exitCode: null as number | null,
    processMs: 0,
    outputs: [] as OutputFile[],
    unmatchedPatterns: [] as string[],
    unmatchedFiles: [] as string[],
    hint: null as string | null,
    level4Warnings: [] as Level4Warning[],
    obsoleteRemoved: [] as string[],
    logFile: null as string | null,
  };
  const finish = (verdict: Verdict, extra: Partial<typeof base> = {}): JobResult => {
    const completed = ctx.now();
    const tail = log.tail();
    return {
      ...base,
      ...extra,
      statusCode: verdict.code,
      statusMessage: verdict.message,
      state: verdict.code === "succeeded" ? "succeeded" : "failed",
      completedAt: completed.toISOString(),
      durationMs: completed.getTime() - started.getTime(),
      logTail: tail.lines,
      logTailTruncated: tail.truncated,
    };
  };
  // The running marker must be on disk before this job changes anything in the project folder (its
  // outputs, its record); until then it is written while the workspace is prepared and the job runs.
  let markerError: unknown = null;
  const marker = writeRecord(ctx.projectDir, {
    version: 1,
    action: ctx.action.id,
    last: ctx.previous?.last ?? null,
    running: { jobId: ctx.jobId, requestId: ctx.requestId, startedAt, pid: process.pid },
  }).catch((error: unknown) => {
    markerError = error;
  });
  const markerWritten = async () => {
    await marker;
    if (markerError) throw markerError;
  };
  const record = async (last: JobRecord | null) => {
    await markerWritten();
    await writeRecord(ctx.projectDir, { version: 1, action: ctx.action.id, last, running: null });
    recorded = true;
  };
  try {
    ctx.setStatus("preparing", startedAt);

    const unsupported = ctx.executor.unsupported(ctx.action, ctx.pipeline);
    if (unsupported) {
      const verdict: Verdict = { code: "job_error", message: unsupported };
      const logFile = await writeJobLog(
        ctx,
        log,
        verdict,
        { exitCode: null, imageId: null, hint: null, startedAtMs: started.getTime() },
        [],
        [],
      );
      await record(failedRecord(ctx, verdict, startedAt, {}));
      return finish(verdict, { logFile });
    }
    if (ctx.signal.aborted) {
      await record(ctx.previous?.last ?? null);
      return finish({ code: "cancelled_by_user", message: MESSAGE_CANCELLED });
    }

    const [ws] = await Promise.all([
      prepareWorkspace({
        projectDir: ctx.projectDir,
        workDir,
        tree: ctx.tree,
        inputs: ctx.inputs,
        tracking: ctx.tracking,
      }),
      mkdir(join(homeDir, "tmp"), { recursive: true }),
    ]);
    ctx.setStatus("prepared", startedAt);
    ctx.setStatus("executing", startedAt);
    const exec = await execute(ctx, workDir, homeDir, log);
    base.exitCode = exec.result.exitCode;
    base.processMs = exec.ms;
    ctx.setStatus("executed", startedAt);
    // A process that failed keeps its worker until the failure is recorded, so that a run stopping
    // at its first failure starts nothing more.
    if (exec.result.exitCode === 0 && exec.result.killed === null) ctx.releaseWorker();

    if (exec.result.killed === "cancelled") {
      // As on the platform: a cancelled job's outputs are not kept and it is left out of the record.
      await record(ctx.previous?.last ?? null);
      return finish({ code: "cancelled_by_user", message: MESSAGE_CANCELLED });
    }

    ctx.setStatus("finalizing", startedAt);
    await markerWritten();
    const reads = await observeReads(ws);
    const scan = await scanOutputs(ws, outputSpec(ctx.action.outputs));
    const { persisted, refused: refusedInProject } = await persistOutputs(ws, ctx.projectDir, scan.matched);
    const refused = [...scan.refused, ...refusedInProject];
    const previousOutputs = Object.keys(ctx.previous?.last?.outputs ?? {});
    const obsolete = await removeObsolete(
      ctx.projectDir,
      previousOutputs,
      persisted.map((p) => p.path),
    );

    const level4: Level4Warning[] = [];
    const manifestEntries: Record<string, ManifestOutput> = {};
    for (const file of persisted) {
      const check =
        file.privacy === "moderately_sensitive"
          ? await checkLevel4(join(ctx.projectDir, file.path), file.path, file.size)
          : { message: null, rows: null, cols: null };
      if (check.message) level4.push({ path: file.path, message: check.message });
      manifestEntries[file.path] = {
        level: file.privacy,
        job_id: ctx.jobId,
        job_request: ctx.requestId,
        action: ctx.action.id,
        user: null,
        repo: ctx.manifest.repo,
        commit: ctx.commit,
        size: file.size,
        timestamp: file.mtime,
        content_hash: file.sha256,
        excluded: check.message !== null,
        message: check.message,
        row_count: check.rows,
        col_count: check.cols,
      };
    }

    const verdict = classify(exec.result, ctx.limits, refused, scan.unmatchedPatterns, level4.length);
    const hint =
      scan.unmatchedPatterns.length > 0 && scan.unmatchedFiles.length > 0
        ? `Did you mean to match one of these files instead?${scan.unmatchedFiles.map((f) => `\n - ${f}`).join("")}`
        : null;
    ctx.setStatus("finalized", startedAt);
    const removedFromManifest = [...obsolete, ...previousOutputs.filter((p) => !(p in manifestEntries))];
    const [logFile] = await Promise.all([
      writeJobLog(
        ctx,
        log,
        verdict,
        {
          exitCode: exec.result.exitCode,
          imageId: exec.result.imageId,
          hint,
          startedAtMs: started.getTime(),
        },
        persisted.map((p) => [p.path, p.privacy] as const),
        level4.map((w) => [w.path, w.message] as const),
      ),
      ctx.manifest.update(removedFromManifest, manifestEntries),
    ]);

    const outputs: Record<string, RecordedOutput> = {};
    for (const p of persisted) {
      outputs[p.path] = {
        privacy: p.privacy,
        sha256: p.sha256,
        size: p.size,
        mtimeMs: p.mtimeMs,
        ino: p.ino,
      };
    }
    const fingerprint =
      verdict.code === "succeeded"
        ? {
            definition: ctx.definition,
            inputs: Object.fromEntries([...ws.inputs].map(([path, info]) => [path, info.sha256])),
            reads: reads.reads,
            listings: reads.listings,
            tracking: ws.tracking,
          }
        : null;
    await record({
      jobId: ctx.jobId,
      requestId: ctx.requestId,
      statusCode: verdict.code,
      statusMessage: verdict.message,
      startedAt,
      completedAt: ctx.now().toISOString(),
      fingerprint,
      outputs,
    });
    return finish(verdict, {
      outputs: persisted.map(({ path, privacy, size, sha256 }) => ({ path, privacy, size, sha256 })),
      unmatchedPatterns: [...scan.unmatchedPatterns],
      unmatchedFiles: [...scan.unmatchedFiles],
      hint,
      level4Warnings: level4,
      obsoleteRemoved: obsolete,
      logFile,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const verdict: Verdict = { code: "internal_error", message: `${MESSAGE_INTERNAL_ERROR} (${detail})` };
    log.add(`trestle: ${detail}`);
    let logFile: string | null = null;
    try {
      logFile = await writeJobLog(
        ctx,
        log,
        verdict,
        { exitCode: base.exitCode, imageId: null, hint: null, startedAtMs: started.getTime() },
        [],
        [],
      );
      if (!recorded) await record(failedRecord(ctx, verdict, startedAt, {}));
    } catch {
      // The record keeps its running marker, so the next run treats the job as interrupted.
    }
    return finish(verdict, { logFile });
  } finally {
    // Removing the workspace is off the job's path: the run waits for it before it ends.
    if (!ctx.keepWorkspace) {
      ctx.defer(
        Promise.all([
          rm(workDir, { recursive: true, force: true }).catch(() => undefined),
          rm(homeDir, { recursive: true, force: true }).catch(() => undefined),
        ]).then(() => undefined),
      );
    }
  }
}

function failedRecord(
  ctx: JobContext,
  verdict: Verdict,
  startedAt: string,
  outputs: Record<string, RecordedOutput>,
): JobRecord {
  return {
    jobId: ctx.jobId,
    requestId: ctx.requestId,
    statusCode: verdict.code,
    statusMessage: verdict.message,
    startedAt,
    completedAt: ctx.now().toISOString(),
    fingerprint: null,
    outputs,
  };
}
