// Where the runner keeps things inside a project folder. Everything lives under `metadata/`, which
// output patterns may not point into, so job workspaces never copy it and outputs never clash with it.
import type { Pipeline } from "../../pipeline/index.ts";

/** Per-action job records (JSON), the lock, and job workspaces. */
export const STATE_DIR = "metadata/.trestle";
export const JOBS_DIR = `${STATE_DIR}/jobs`;
export const WORK_DIR = `${STATE_DIR}/work`;
export const LOCK_FILE = `${STATE_DIR}/lock`;
export const MANIFEST_FILE = "metadata/manifest.json";

/**
 * What a host must save and restore (e.g. with a CI cache) for the next run to reuse up-to-date
 * results: the `metadata` folder and every output pattern. Patterns are relative to the project.
 */
export function statePaths(pipeline: Pipeline): string[] {
  const paths = new Set<string>(["metadata"]);
  for (const action of pipeline.actions.values()) {
    for (const level of Object.values(action.outputs)) {
      for (const pattern of Object.values(level ?? {})) paths.add(pattern);
    }
  }
  return [...paths];
}

/**
 * A file name for an action (logs, records). Action names are free text (spec/project-yaml.md §4), so
 * characters that would leave the folder or confuse file systems are percent-encoded; ordinary
 * names are kept as the reference writes them.
 */
export function actionFileName(action: string): string {
  if (action === "") return "%";
  const encoded = action.replace(
    /[%/\\\0:*?"<>|\n\r\t]/g,
    (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
  if (encoded === "." || encoded === "..") return encoded.replace(/\./g, "%2e");
  return encoded;
}
