// Writing metadata/<action>.log for a job in the reference's layout, atomically.
import { join } from "node:path";
import { writeFileAtomic } from "./fs-util.ts";
import type { JobContext } from "./job.ts";
import { formatLogFile, type JobLog } from "./job-log.ts";
import type { Verdict } from "./job-verdict.ts";
import { actionFileName } from "./state/paths.ts";

export async function writeJobLog(
  ctx: JobContext,
  log: JobLog,
  verdict: Verdict,
  info: { exitCode: number | null; imageId: string | null; hint: string | null; startedAtMs: number },
  outputs: readonly (readonly [string, string])[],
  invalid: readonly (readonly [string, string])[],
): Promise<string> {
  const rel = `metadata/${actionFileName(ctx.action.id)}.log`;
  const text = formatLogFile(
    log.lines(),
    {
      job_definition_id: ctx.jobId,
      job_definition_request_id: ctx.requestId,
      commit: ctx.commit,
      docker_image_id: info.imageId,
      exit_code: info.exitCode === null ? null : String(info.exitCode),
      created_at: Math.floor(info.startedAtMs / 1000),
      completed_at: Math.floor(ctx.now().getTime() / 1000),
      database_name: null,
      status_message: verdict.message,
      hint: info.hint,
    },
    outputs,
    invalid,
  );
  await writeFileAtomic(join(ctx.projectDir, rel), text);
  return rel;
}
