// The artifact: each job's log and the outputs people may look at (moderately and minimally
// sensitive), never highly_sensitive ones. Like the cache, a failed upload is a warning, not a failure.
import { stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { describe } from "./cache-step.ts";
import type { ActionHost } from "./host.ts";
import type { ActionRow } from "./results.ts";

export function artifactName(directory: string): string {
  const slug = directory
    .replace(/^\.\/?|\/+$/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return slug === "" ? "trestle-results" : `trestle-results-${slug}`;
}

/** Files to upload, relative to the project folder, that exist and stay inside it. */
export async function artifactFiles(projectDir: string, rows: readonly ActionRow[]): Promise<string[]> {
  const wanted = new Set<string>(["metadata/manifest.json"]);
  for (const row of rows) {
    if (row.job?.logFile) wanted.add(row.job.logFile);
    for (const output of row.outputs) if (output.privacy !== "highly_sensitive") wanted.add(output.path);
  }
  const files: string[] = [];
  for (const rel of wanted) {
    const abs = join(projectDir, rel);
    if (relative(projectDir, abs).startsWith(`..${sep}`)) continue;
    const info = await stat(abs).catch(() => null);
    if (info?.isFile()) files.push(rel);
  }
  return files.sort();
}

export async function uploadResults(
  host: ActionHost,
  projectDir: string,
  directory: string,
  rows: readonly ActionRow[],
): Promise<string> {
  const files = await artifactFiles(projectDir, rows);
  if (files.length === 0) return "Artifact: nothing to upload.";
  const name = artifactName(directory);
  try {
    await host.artifacts.upload(
      name,
      files.map((f) => join(projectDir, f)),
      projectDir,
    );
  } catch (error) {
    host.warning(
      `Could not upload the ${name} artifact (${describe(error)}); the logs are in the job's output.`,
    );
    return "Artifact: could not be uploaded.";
  }
  host.info(`Uploaded ${files.length} file(s) as the artifact ${name}.`);
  return `Artifact: ${name} (${files.length} files: logs and moderately sensitive outputs).`;
}
