// GitHub's validation of check-run output, as its REST description states it: title and summary
// required, summary and text at most 65,535 characters, at most 50 annotations per request, each
// with a path, lines, a known level and a message, and columns only on one-line annotations.
import type { Reply } from "./fake-github.ts";
import type { FakeAnnotation } from "./fake-github-state.ts";

export const OUTPUT_TEXT_MAX = 65_535;
export const ANNOTATIONS_MAX = 50;
const LEVELS = new Set(["notice", "warning", "failure"]);

export interface CheckOutput {
  readonly title: string | null;
  readonly summary: string | null;
  readonly text: string | null;
  readonly annotations: FakeAnnotation[];
}

export function validationFailed(resource: string, field: string, code: string, message?: string): Reply {
  return {
    status: 422,
    body: {
      message: "Validation Failed",
      errors: [{ resource, field, code, ...(message ? { message } : {}) }],
    },
  };
}

export function checkOutput(output: unknown): CheckOutput | Reply {
  if (output === undefined || output === null)
    return { title: null, summary: null, text: null, annotations: [] };
  const o = output as Record<string, unknown>;
  if (typeof o.title !== "string") return validationFailed("CheckRun", "output.title", "missing_field");
  if (typeof o.summary !== "string") return validationFailed("CheckRun", "output.summary", "missing_field");
  if (o.summary.length > OUTPUT_TEXT_MAX) {
    return validationFailed(
      "CheckRun",
      "output.summary",
      "custom",
      `summary is too long (maximum is ${OUTPUT_TEXT_MAX} characters)`,
    );
  }
  if (o.text !== undefined && (typeof o.text !== "string" || o.text.length > OUTPUT_TEXT_MAX)) {
    return validationFailed(
      "CheckRun",
      "output.text",
      "custom",
      `text is too long (maximum is ${OUTPUT_TEXT_MAX} characters)`,
    );
  }
  const annotations = (o.annotations ?? []) as unknown[];
  if (!Array.isArray(annotations)) return validationFailed("CheckRun", "output.annotations", "invalid");
  if (annotations.length > ANNOTATIONS_MAX) {
    return validationFailed(
      "CheckRun",
      "output.annotations",
      "custom",
      `annotations are limited to ${ANNOTATIONS_MAX} per request`,
    );
  }
  for (const a of annotations as Record<string, unknown>[]) {
    const lines =
      Number.isInteger(a.start_line) && Number.isInteger(a.end_line) && (a.start_line as number) >= 1;
    const columns = a.start_column === undefined || a.start_line === a.end_line;
    const ok =
      typeof a.path === "string" &&
      lines &&
      columns &&
      LEVELS.has(a.annotation_level as string) &&
      typeof a.message === "string" &&
      a.message.length <= 64 * 1024;
    if (!ok) return validationFailed("CheckRun", "output.annotations", "invalid");
  }
  return {
    title: o.title,
    summary: o.summary,
    text: (o.text as string | undefined) ?? null,
    annotations: annotations as FakeAnnotation[],
  };
}
