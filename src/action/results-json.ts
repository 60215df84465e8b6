// The `results` output: what happened to each action, as JSON for later steps. GitHub limits one
// output to 1 MiB, so on very large projects the per-file details give way to counts.
import type { CodelistsReport } from "../codelists/index.ts";
import type { ActionRow } from "./results.ts";

export const MAX_RESULTS_BYTES = 900 * 1024;

export interface ResultsJson {
  readonly valid: boolean;
  readonly succeeded: boolean;
  readonly mode: "check" | "run";
  readonly codelists: CodelistsReport["outcome"] | null;
  readonly executor: string | null;
  /** True when `outputs` and `level4Warnings` were left out (counts only) to stay within the limit. */
  readonly truncated: boolean;
  readonly actions: readonly ActionJson[];
}

export interface ActionJson {
  readonly name: string;
  readonly status: ActionRow["status"];
  readonly statusCode: string | null;
  readonly message: string;
  readonly durationMs: number | null;
  readonly outputs: readonly { path: string; privacy: string; size: number; sha256: string }[] | number;
  readonly level4Warnings: readonly { path: string; message: string }[] | number;
}

export function resultsJson(
  base: Omit<ResultsJson, "actions" | "truncated">,
  rows: readonly ActionRow[],
): string {
  const full: ResultsJson = {
    ...base,
    truncated: false,
    actions: rows.map((row) => ({
      name: row.name,
      status: row.status,
      statusCode: row.statusCode,
      message: row.message,
      durationMs: row.durationMs,
      outputs: row.outputs.map((o) => ({ path: o.path, privacy: o.privacy, size: o.size, sha256: o.sha256 })),
      level4Warnings: row.level4Warnings.map((w) => ({ path: w.path, message: w.message })),
    })),
  };
  const text = JSON.stringify(full);
  if (Buffer.byteLength(text) <= MAX_RESULTS_BYTES) return text;
  const counts = JSON.stringify({
    ...full,
    truncated: true,
    actions: full.actions.map((a) => ({
      ...a,
      outputs: (a.outputs as unknown[]).length,
      level4Warnings: (a.level4Warnings as unknown[]).length,
    })),
  });
  if (Buffer.byteLength(counts) <= MAX_RESULTS_BYTES) return counts;
  // Thousands of actions with long names: keep the verdict and as many failed actions as fit.
  const kept: ActionJson[] = [];
  let size = Buffer.byteLength(JSON.stringify({ ...full, truncated: true, actions: [] }));
  for (const a of full.actions) {
    if (a.status !== "failed" && a.status !== "dependency_failed") continue;
    const slim = { ...a, message: a.message.slice(0, 200), outputs: 0, level4Warnings: 0 };
    size += Buffer.byteLength(JSON.stringify(slim)) + 1;
    if (size > MAX_RESULTS_BYTES) break;
    kept.push(slim);
  }
  return JSON.stringify({ ...full, truncated: true, actions: kept });
}
