// Per-action job records under metadata/.trestle/jobs/. A record is written atomically when a job
// starts (the `running` marker) and again when it ends, so a crash between the two leaves a marker
// that the next run reads as an interrupted job, never as a success.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { PrivacyLevel } from "../../pipeline/index.ts";
import { writeFileAtomic } from "../fs-util.ts";
import type { FinalCode } from "../status.ts";
import { actionFileName, JOBS_DIR } from "./paths.ts";

export const RECORD_VERSION = 1;

export interface Fingerprint {
  /** Hash of the action's definition (run command with config, outputs, needs). */
  readonly definition: string;
  /** Input files (outputs of its needs) → sha256, as copied into the workspace. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Code files the job read → sha256. */
  readonly reads: Readonly<Record<string, string>>;
  /** Folders the job listed → hash of the sorted names it saw. */
  readonly listings: Readonly<Record<string, string>>;
  /** "atime": reads were observed; "all": the file system could not tell, so every file counts. */
  readonly tracking: "atime" | "all";
}

export interface RecordedOutput {
  readonly privacy: PrivacyLevel;
  readonly sha256: string;
  readonly size: number;
  /**
   * The file's identity when it was written (modification time in ms and inode). While both still
   * match, and the size, the file is the one that was hashed and need not be read again; a restored
   * or copied file has another inode and is hashed.
   */
  readonly mtimeMs?: number;
  readonly ino?: number;
}

export interface JobRecord {
  readonly jobId: string;
  readonly requestId: string;
  readonly statusCode: FinalCode;
  readonly statusMessage: string;
  readonly startedAt: string | null;
  readonly completedAt: string;
  /** Null when the job never got far enough to have one (e.g. it could not be prepared). */
  readonly fingerprint: Fingerprint | null;
  readonly outputs: Readonly<Record<string, RecordedOutput>>;
}

export interface RunningMarker {
  readonly jobId: string;
  readonly requestId: string;
  readonly startedAt: string;
  readonly pid: number;
}

export interface ActionRecord {
  readonly version: number;
  readonly action: string;
  /** The last job that ended (cancelled jobs are not recorded, as the platform leaves them out). */
  readonly last: JobRecord | null;
  readonly running: RunningMarker | null;
}

export function recordPath(projectDir: string, action: string): string {
  return join(projectDir, JOBS_DIR, `${actionFileName(action)}.json`);
}

/** Reads an action's record; a missing, unreadable or foreign file is treated as no record. */
export async function readRecord(projectDir: string, action: string): Promise<ActionRecord | null> {
  let text: string;
  try {
    text = await readFile(recordPath(projectDir, action), "utf8");
  } catch {
    return null;
  }
  try {
    const data = JSON.parse(text) as Partial<ActionRecord>;
    if (data.version !== RECORD_VERSION || data.action !== action) return null;
    return { version: RECORD_VERSION, action, last: data.last ?? null, running: data.running ?? null };
  } catch {
    return null;
  }
}

export async function writeRecord(projectDir: string, record: ActionRecord): Promise<void> {
  await writeFileAtomic(recordPath(projectDir, record.action), `${JSON.stringify(record, null, 1)}\n`);
}
