#!/usr/bin/env node
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE
} from "./chunk-LRK5QGZ7.js";

// src/cli/commands/codelists.ts
import { stat } from "node:fs/promises";
function registerCodelists(program) {
  const codelists = program.command("codelists").description("Check the codelists/ folder against codelists.txt and its manifest.");
  codelists.command("check").description(
    "Check that codelists/ matches codelists.txt and codelists.json (offline), then whether the codelists are current on OpenCodelists when it can be reached."
  ).option("--project <dir>", "the project folder", ".").option("--offline", "skip the upstream freshness check").action(async (flags) => {
    process.exitCode = await runCheck(flags);
  });
}
async function runCheck(flags) {
  const isDir = await stat(flags.project).then(
    (s) => s.isDirectory(),
    () => false
  );
  if (!isDir) {
    process.stderr.write(`trestle: no such project folder: ${flags.project}
`);
    return EXIT_USAGE;
  }
  const { checkCodelists } = await import("./codelists-UGUSCWA7.js");
  const report = await checkCodelists(flags.project, {
    inCi: Boolean(process.env.GITHUB_WORKFLOW),
    upstream: !flags.offline
  });
  for (const message of report.messages) {
    const stream = message.level === "info" ? process.stdout : process.stderr;
    stream.write(message.text.endsWith("\n") ? message.text : `${message.text}
`);
  }
  return report.outcome === "failed" ? EXIT_FAILED : EXIT_OK;
}
export {
  registerCodelists
};
