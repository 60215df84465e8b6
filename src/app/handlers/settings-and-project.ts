// What every report starts from, read together: the repository's settings, and project.yaml at a
// commit analysed against the commit it is compared with.
import { analyseProject } from "../analysis/analyse.ts";
import { PROJECT_FILE } from "../settings/settings-schema.ts";
import { settleAll } from "../settle.ts";
import type { HandlerDeps } from "./deps.ts";

export function readSettingsAndProject(deps: HandlerDeps, headSha: string, baseSha: string | null) {
  return settleAll([
    deps.readSettings(),
    analyseProject({
      octokit: deps.octokit,
      repo: deps.repo,
      path: PROJECT_FILE,
      headSha,
      baseSha,
      cache: deps.cache,
      files: deps.files,
    }),
  ]);
}
