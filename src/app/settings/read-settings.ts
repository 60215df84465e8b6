// Turns whatever the settings file holds into Settings or a readable list of problems. Reading the
// file is the host's job (Probot's `context.config`, which only looks at the default branch); this
// module only judges what came back, so a bad file is a value to report and never a crash.
import type { z } from "zod";
import { DEFAULT_SETTINGS, SETTINGS_PATH, type Settings, settingsSchema } from "./settings-schema.ts";

export type SettingsResult =
  | { readonly ok: true; readonly settings: Settings; readonly source: "file" | "defaults" }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Reads the raw settings (null when there is no file) and validates them. */
export async function readSettings(read: () => Promise<unknown>): Promise<SettingsResult> {
  let raw: unknown;
  try {
    raw = await read();
  } catch (error) {
    if (isNotFound(error)) return { ok: true, settings: DEFAULT_SETTINGS, source: "defaults" };
    if (isHttpError(error)) throw error;
    return { ok: false, problems: [describeReadError(error)] };
  }
  if (raw === null || raw === undefined) return { ok: true, settings: DEFAULT_SETTINGS, source: "defaults" };
  return validateSettings(raw);
}

export function validateSettings(raw: unknown): SettingsResult {
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, problems: [`${SETTINGS_PATH} must hold a mapping of settings.`] };
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(describeIssue) };
  return { ok: true, settings: parsed.data, source: "file" };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "(top level)";
  return `${where}: ${issue.message}`;
}

function describeReadError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The config plugin prefixes its messages with its package name and the file's API URL; keep the reason.
  const reason = /\(([^)]*)\)\s*$/.exec(message)?.[1];
  if (/could not be parsed/i.test(message)) {
    return `${SETTINGS_PATH} could not be read: ${reason ?? "it is not valid YAML"}.`;
  }
  if (/directory or a submodule/i.test(message)) return `${SETTINGS_PATH} is a directory, not a file.`;
  if (/_extends/i.test(message) || /Recursion detected/i.test(message)) {
    return `${SETTINGS_PATH} has an _extends value that cannot be followed.`;
  }
  return `${SETTINGS_PATH} could not be read: ${message.replace(/^\[@probot\/octokit-plugin-config\]\s*/, "")}`;
}

function isNotFound(error: unknown): boolean {
  return isHttpError(error) && (error as { status: number }).status === 404;
}

function isHttpError(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && typeof (error as { status?: unknown }).status === "number"
  );
}
