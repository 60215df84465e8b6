#!/usr/bin/env node
import {
  readProjectFile,
  workspacePath
} from "./chunk-6NLLHL7J.js";
import {
  ISSUE_FORMATS,
  formatIssues,
  formatVerdict,
  loadPipeline,
  writeStderr,
  writeStdout
} from "./chunk-RPOEXDFF.js";
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE
} from "./chunk-LRK5QGZ7.js";

// src/cli/commands/check.ts
import { Option } from "commander";
function registerCheck(program) {
  program.command("check").description("Validate project.yaml and report every error at once, with its line and column.").argument("[path]", "a folder holding project.yaml, or a YAML file", ".").addOption(
    new Option("--format <format>", "text: FILE:LINE:COL lines; json: one object; github: annotations").choices(ISSUE_FORMATS).default("text")
  ).action(async (path, options) => {
    process.exitCode = await check(path, options.format);
  });
}
async function check(input, format) {
  const project = await readProjectFile(input);
  if (!project.ok) {
    writeStderr(`trestle check: ${project.message}
`);
    return EXIT_USAGE;
  }
  const result = loadPipeline(project.bytes);
  const file = format === "github" ? workspacePath(project.display, process.env.GITHUB_WORKSPACE || process.cwd()) : project.display;
  writeStdout(formatIssues(result, { file, format }));
  if (format !== "json") writeStderr(`${formatVerdict(result, project.display)}
`);
  return result.valid ? EXIT_OK : EXIT_FAILED;
}
export {
  check,
  registerCheck
};
