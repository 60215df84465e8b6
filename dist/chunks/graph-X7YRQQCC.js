#!/usr/bin/env node
import {
  readProjectFile
} from "./chunk-6NLLHL7J.js";
import {
  GRAPH_FORMATS,
  RENDERERS,
  buildGraph,
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

// src/cli/commands/graph.ts
import { Option } from "commander";
function registerGraph(program) {
  program.command("graph").description("Print the job graph of project.yaml.").argument("[path]", "a folder holding project.yaml, or a YAML file", ".").addOption(
    new Option(
      "--format <format>",
      "mermaid: Markdown for GitHub; dot: Graphviz; json: for tools; text: a tree for the terminal"
    ).choices(GRAPH_FORMATS).default("mermaid")
  ).action(async (path, options) => {
    process.exitCode = await graph(path, options.format);
  });
}
async function graph(input, format) {
  const project = await readProjectFile(input);
  if (!project.ok) {
    writeStderr(`trestle graph: ${project.message}
`);
    return EXIT_USAGE;
  }
  const result = loadPipeline(project.bytes);
  writeStderr(formatIssues(result, { file: project.display, format: "text" }));
  if (result.pipeline === null || !result.valid) {
    writeStderr(`${formatVerdict(result, project.display)}
`);
    return EXIT_FAILED;
  }
  writeStdout(RENDERERS[format](result.pipeline, buildGraph(result.pipeline)));
  return EXIT_OK;
}
export {
  graph,
  registerGraph
};
