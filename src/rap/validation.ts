// Turns zod issues into the controller's validation message ("Invalid request body received: …"),
// without echoing the offending values back: bodies may be huge or hostile.
import type { z } from "zod";

const MAX_ISSUES = 5;

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const path = formatPath(issue.path);
  const missing =
    issue.code === "invalid_type" &&
    (issue as { input?: unknown }).input === undefined &&
    issue.path.length > 0;
  if (missing) return `'${path}' is a required property`;
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}

/** The details text for a body that failed `schema`. */
export function formatValidationError(error: z.ZodError): string {
  const issues = error.issues.slice(0, MAX_ISSUES).map(formatIssue);
  const more = error.issues.length - MAX_ISSUES;
  const suffix = more > 0 ? `; and ${more} more` : "";
  return `Invalid request body received: ${issues.join("; ")}${suffix}`;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; details: string };

/** Validates an already-decoded JSON value against a request schema. */
export function parseBody<S extends z.ZodType>(schema: S, data: unknown): ParseResult<z.infer<S>> {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { ok: false, details: "Invalid request body received: the body must be a JSON object" };
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, details: formatValidationError(result.error) };
}
