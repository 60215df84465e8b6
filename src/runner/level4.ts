// The level-4 checks the platform applies to moderately_sensitive outputs (spec/local-run.md §2.6,
// spec/backend.md §4.6). Locally nothing is withheld; failures are reported as warnings, with the
// reference's job messages.
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { LEVEL4_FILE_TYPES as PIPELINE_LEVEL4_FILE_TYPES } from "../pipeline/index.ts";
import { parseCsv } from "./csv.ts";

export const LEVEL4_MAX_FILESIZE = 16 * 1024 * 1024;
export const LEVEL4_MAX_CSV_ROWS = 5000;
/** The file types allowed at level 4: the same list project.yaml validation uses. */
export const LEVEL4_FILE_TYPES: readonly string[] = PIPELINE_LEVEL4_FILE_TYPES;

export interface Level4Check {
  /** The job message ("File has patient_id column"), or null when the file passes. */
  readonly message: string | null;
  readonly rows: number | null;
  readonly cols: number | null;
}

/** Python's `str(round(x, 2))` for the sizes in the reference's message. */
function megabytes(bytes: number): string {
  const value = Math.round((bytes / (1024 * 1024)) * 100) / 100;
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

export async function checkLevel4(absPath: string, relPath: string, size: number): Promise<Level4Check> {
  const suffix = extname(relPath);
  if (size > LEVEL4_MAX_FILESIZE) {
    return {
      message: `File size of ${megabytes(size)}Mb is larger that limit of ${megabytes(LEVEL4_MAX_FILESIZE)}Mb.`,
      rows: null,
      cols: null,
    };
  }
  if (!LEVEL4_FILE_TYPES.includes(suffix)) {
    return { message: `File type of ${suffix} is not valid level 4 file`, rows: null, cols: null };
  }
  if (suffix !== ".csv") return { message: null, rows: null, cols: null };
  let records: string[][];
  try {
    records = parseCsv(await readFile(absPath, "utf8"));
  } catch {
    return { message: null, rows: null, cols: null };
  }
  const headers = records[0] ?? [];
  const rows = Math.max(records.length - 1, 0);
  const cols = rows > 0 ? headers.length : 0;
  const messages: string[] = [];
  if (headers.includes("patient_id")) messages.push("File has patient_id column");
  if (rows > LEVEL4_MAX_CSV_ROWS) {
    messages.push(`File row count (${rows}) exceeds maximum allowed rows (${LEVEL4_MAX_CSV_ROWS})`);
  }
  return { message: messages.length > 0 ? messages.join(",") : null, rows, cols };
}
