// `trestle graph [PATH] [--format mermaid|dot|json|text]`: print the job graph (DESIGN.md, "Contracts").
import { type Command, Option } from "commander";
import {
  buildGraph,
  formatIssues,
  formatVerdict,
  GRAPH_FORMATS,
  type GraphFormat,
  loadPipeline,
  RENDERERS,
} from "../../pipeline/index.ts";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from "../exit-codes.ts";
import { readProjectFile } from "../project-file.ts";
import { writeStderr, writeStdout } from "../write-output.ts";

export function registerGraph(program: Command): void {
  program
    .command("graph")
    .description("Print the job graph of project.yaml.")
    .argument("[path]", "a folder holding project.yaml, or a YAML file", ".")
    .addOption(
      new Option(
        "--format <format>",
        "mermaid: Markdown for GitHub; dot: Graphviz; json: for tools; text: a tree for the terminal",
      )
        .choices(GRAPH_FORMATS)
        .default("mermaid"),
    )
    .action(async (path: string, options: { format: GraphFormat }) => {
      process.exitCode = await graph(path, options.format);
    });
}

export async function graph(input: string, format: GraphFormat): Promise<number> {
  const project = await readProjectFile(input);
  if (!project.ok) {
    writeStderr(`trestle graph: ${project.message}\n`);
    return EXIT_USAGE;
  }
  const result = loadPipeline(project.bytes);
  // Issues go to stderr whatever the format, so that stdout holds only the graph.
  writeStderr(formatIssues(result, { file: project.display, format: "text" }));
  if (result.pipeline === null || !result.valid) {
    writeStderr(`${formatVerdict(result, project.display)}\n`);
    return EXIT_FAILED;
  }
  writeStdout(RENDERERS[format](result.pipeline, buildGraph(result.pipeline)));
  return EXIT_OK;
}
