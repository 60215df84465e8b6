// The pipeline core's public API: load and validate project.yaml, the job graph, and renderers.
// Nothing here imports a host (@actions/*, probot); hosts pass in what they need.

export { count, thousands } from "./counting.ts";
export {
  formatIssues,
  formatVerdict,
  githubIssue,
  ISSUE_FORMATS,
  type IssueFormat,
  type IssueJson,
  type ResultJson,
  resultJson,
  sortedIssues,
  textIssue,
} from "./format.ts";
export {
  buildGraph,
  closure,
  downstream,
  expandRequested,
  findCycle,
  type JobGraph,
  topologicalOrder,
} from "./graph.ts";
export { loadPipeline, loadPipelineAsync, loadPipelineFile } from "./load-pipeline.ts";
export * from "./model.ts";
export * from "./render/index.ts";
export { LEVEL4_FILE_TYPES } from "./rules/output-pattern.ts";
