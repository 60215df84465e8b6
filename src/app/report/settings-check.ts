// A settings file that cannot be used is reported on the commit, in words, instead of being guessed
// around: the owner may have turned something off, and defaults could do what they did not want.
import type { CheckRunReport } from "../github/check-run.ts";
import { DEFAULT_SETTINGS, SETTINGS_PATH } from "../settings/settings-schema.ts";
import { codeBlock, codeSpan, count, shorten, visible } from "./markdown.ts";

export const SETTINGS_EXTERNAL_ID = "trestle:settings";
const MAX_PROBLEMS = 50;

export function renderSettingsCheck(problems: readonly string[], headSha: string): CheckRunReport {
  const listed = problems.slice(0, MAX_PROBLEMS).map((p) => shorten(visible(p), 500));
  if (problems.length > MAX_PROBLEMS)
    listed.push(`…and ${count(problems.length - MAX_PROBLEMS, "more problem")}`);
  return {
    name: DEFAULT_SETTINGS.checks.name,
    headSha,
    conclusion: "failure",
    title: `${SETTINGS_PATH} is not valid`,
    summary:
      `Trestle reads its settings from ${codeSpan(SETTINGS_PATH)} on the default branch, and that file ` +
      `has ${count(problems.length, "problem")}. Nothing else was checked; fix the settings on the ` +
      "default branch and push again (or re-run this check).",
    text: codeBlock(listed.join("\n"), "text"),
    annotations: [],
    externalId: SETTINGS_EXTERNAL_ID,
  };
}
