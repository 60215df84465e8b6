// `trestle check [PATH] [--format text|json|github]`: validate a project file (DESIGN.md, "Contracts").
import { type Command, Option } from "commander";
import {
  formatIssues,
  formatVerdict,
  ISSUE_FORMATS,
  type IssueFormat,
  loadPipeline,
} from "../../pipeline/index.ts";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from "../exit-codes.ts";
import { readProjectFile, workspacePath } from "../project-file.ts";
import { writeStderr, writeStdout } from "../write-output.ts";

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("Validate project.yaml and report every error at once, with its line and column.")
    .argument("[path]", "a folder holding project.yaml, or a YAML file", ".")
    .addOption(
      new Option("--format <format>", "text: FILE:LINE:COL lines; json: one object; github: annotations")
        .choices(ISSUE_FORMATS)
        .default("text"),
    )
    .action(async (path: string, options: { format: IssueFormat }) => {
      process.exitCode = await check(path, options.format);
    });
}

export async function check(input: string, format: IssueFormat): Promise<number> {
  const project = await readProjectFile(input);
  if (!project.ok) {
    writeStderr(`trestle check: ${project.message}\n`);
    return EXIT_USAGE;
  }
  const result = loadPipeline(project.bytes);
  const file =
    format === "github"
      ? workspacePath(project.display, process.env.GITHUB_WORKSPACE || process.cwd())
      : project.display;
  writeStdout(formatIssues(result, { file, format }));
  // The verdict goes to stderr so that stdout holds only issues (text, github) or only JSON.
  if (format !== "json") writeStderr(`${formatVerdict(result, project.display)}\n`);
  return result.valid ? EXIT_OK : EXIT_FAILED;
}
