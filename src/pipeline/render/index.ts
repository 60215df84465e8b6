// Renderers: each a pure function from (Pipeline, JobGraph, options) to a string.
export { renderActionList, renderMarkdownList } from "./action-list.ts";
export { type DotOptions, renderDot } from "./dot.ts";
export { type GraphJson, graphJson, renderJson } from "./json.ts";
export {
  MERMAID_MAX_EDGES,
  MERMAID_MAX_TEXT_SIZE,
  type MermaidOptions,
  mermaidDiagram,
  renderMermaid,
} from "./mermaid.ts";
export { isNodeClass, NODE_CLASSES, NODE_STYLES, type NodeClass, type NodeStyle } from "./node-classes.ts";
export { renderText } from "./text.ts";
export { buildView, type GraphView, type RenderOptions, type ViewNode } from "./view.ts";

import type { JobGraph } from "../graph.ts";
import type { Pipeline } from "../model.ts";
import { renderDot } from "./dot.ts";
import { renderJson } from "./json.ts";
import { renderMermaid } from "./mermaid.ts";
import { renderText } from "./text.ts";
import type { RenderOptions } from "./view.ts";

export const GRAPH_FORMATS = ["mermaid", "dot", "json", "text"] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** The renderer for a format, for callers that choose the format at run time. */
export const RENDERERS: Readonly<
  Record<GraphFormat, (pipeline: Pipeline, graph: JobGraph, options?: RenderOptions) => string>
> = { mermaid: renderMermaid, dot: renderDot, json: renderJson, text: renderText };
