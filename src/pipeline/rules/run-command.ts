// The `run` string (spec §6): split with POSIX shell rules, image and tag from the first word.
import { isDatabaseAction } from "../database.ts";
import type { Command } from "../model.ts";
import { ShlexError, shlexSplit } from "../python/shlex.ts";
import type { Report } from "../report.ts";

/** `v` + digits-or-dots (+ `-pre`), `dev` or `latest`; Python's `\d` is any Unicode decimal digit. */
const TAG = /^(?:v[\p{Nd}.]+(?:-pre)?|dev|latest)$/u;
const ASCII_TAG = /^(?:v[0-9.]+(?:-pre)?|dev|latest)$/;

export function parseRun(
  id: string,
  raw: string,
  report: Report,
  path: readonly (string | number)[],
): Command | null {
  if (raw === "") {
    report.error("run-empty", `run must have a value, ${id} has an empty run key`, path);
    return null;
  }
  let parts: string[];
  try {
    parts = shlexSplit(raw);
  } catch (error) {
    const detail = error instanceof ShlexError ? error.message : String(error);
    const what =
      detail === "No closing quotation"
        ? "has a quote that is never closed"
        : "ends with a backslash that escapes nothing";
    report.error("run-unsplittable", `\`run\` section for action ${id} ${what} (${detail})`, path);
    return null;
  }
  if (parts.length === 0) {
    // The reference crashes here (IndexError); a run of only spaces is as empty as "".
    report.error("run-empty", `run must have a value, ${id} has an empty run key`, path);
    return null;
  }
  const first = parts[0]!;
  const colon = first.indexOf(":");
  const image = colon === -1 ? first : first.slice(0, colon);
  const tag = colon === -1 ? "" : first.slice(colon + 1);
  if (colon === -1 || !(ASCII_TAG.test(tag) || TAG.test(tag))) {
    report.error(
      "run-version",
      `Action command ${image} must have a version specified in the form :vN (e.g. ${image}:v2)`,
      path,
    );
    return null;
  }
  return Object.freeze({
    raw,
    parts: Object.freeze(parts),
    image,
    tag,
    args: parts.slice(1).join(" "),
    isDatabaseAction: isDatabaseAction(parts),
  });
}
