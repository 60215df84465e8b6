// Loading a project folder's pipeline for a run, with the reference's messages for what goes wrong.
import { access } from "node:fs/promises";
import { join } from "node:path";
import { loadPipelineFile, type Pipeline } from "../pipeline/index.ts";
import type { StartProblem } from "./types.ts";

export async function loadProject(
  projectDir: string,
): Promise<{ pipeline: Pipeline } | { problem: StartProblem }> {
  const file = join(projectDir, "project.yaml");
  try {
    await access(file);
  } catch {
    return { problem: { code: "no_project", message: `No project.yaml file found in ${projectDir}` } };
  }
  try {
    const result = await loadPipelineFile(file);
    if (result.valid && result.pipeline) return { pipeline: result.pipeline };
    const first = result.errors[0];
    return {
      problem: {
        code: "invalid_project",
        message: first
          ? `${file}${first.line ? `:${first.line}:${first.column ?? 1}` : ""}: ${first.message}${result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : ""}`
          : `${file} is not valid`,
        errors: result.errors,
      },
    };
  } catch (error) {
    return {
      problem: {
        code: "invalid_project",
        message: `${file} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        errors: [],
      },
    };
  }
}
