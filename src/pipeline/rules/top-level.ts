// The top level (spec §3.1): allowed keys, then the version, which decides every feature after it.
import { LATEST_VERSION } from "../features.ts";
import type { YMap } from "../load/values.ts";
import { pyFloat, pyFloatRepr } from "../python/numbers.ts";
import type { Report } from "../report.ts";

const TOP_LEVEL_KEYS = ["version", "actions", "expectations"];

/** The version as a number, or null when it is missing or unusable (reported). */
export function checkTopLevel(root: YMap, report: Report): number | null {
  const unknown = [...root.keys()].filter((k) => !TOP_LEVEL_KEYS.includes(k));
  if (unknown.length > 0) {
    report.error("project-unexpected", `Unexpected parameters (${unknown.join(", ")}) in project`, [
      unknown[0]!,
    ]);
  }
  const raw = root.get("version");
  if (raw === undefined || raw === null) {
    report.error(
      "version-missing",
      `Project file must have a \`version\` attribute specifying which version of the project configuration format it uses (current latest version is ${LATEST_VERSION})`,
      root.has("version") ? ["version"] : [],
    );
    return null;
  }
  const version = pyFloat(raw);
  if (version === null) {
    report.error("version-type", `\`version\` must be a number between 1 and ${LATEST_VERSION}`, ["version"]);
    return null;
  }
  if (version > LATEST_VERSION) {
    // The reference raises an unwrapped ValueError here; Trestle reports it like any other error.
    report.error(
      "version-too-new",
      `The latest version is v${LATEST_VERSION}, but got v${pyFloatRepr(version)}`,
      ["version"],
    );
    return null;
  }
  if (version !== LATEST_VERSION) {
    report.warning(
      "version-old",
      `Your project file is using an old version (${pyFloatRepr(version)}); consider updating to version ${LATEST_VERSION}`,
      ["version"],
    );
  }
  return version;
}
