// Loading entry points. (Implementation in progress: parses and validates project.yaml.)
import type { LoadResult } from "./model.ts";

/** Loads and validates project.yaml text. Never throws for any content. */
export function loadPipeline(_text: string | Uint8Array, _options: { filename?: string } = {}): LoadResult {
  throw new Error("loadPipeline is not implemented yet");
}

/** Reads and loads a file; throws only when the file cannot be read. */
export async function loadPipelineFile(_path: string): Promise<LoadResult> {
  throw new Error("loadPipelineFile is not implemented yet");
}
