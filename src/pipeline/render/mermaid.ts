// Mermaid, as GitHub draws it in comments, job summaries and Markdown files. The output is Markdown: a
// fenced `mermaid` block, or, when the graph is more than GitHub will draw, a readable list instead.
import { count } from "../counting.ts";
import type { JobGraph } from "../graph.ts";
import type { Pipeline } from "../model.ts";
import { renderActionList } from "./action-list.ts";
import { NODE_CLASSES, NODE_STYLES, type NodeClass } from "./node-classes.ts";
import { buildView, type GraphView, type RenderOptions } from "./view.ts";
import { truncate, visibleName } from "./visible-name.ts";

/** Mermaid's `maxEdges` default, which GitHub cannot raise: beyond it the diagram fails to render. */
export const MERMAID_MAX_EDGES = 500;
/** Mermaid's `maxTextSize` default: a longer diagram source shows an error instead of the graph. */
export const MERMAID_MAX_TEXT_SIZE = 50_000;

export interface MermaidOptions extends RenderOptions {
  /** `LR` (default) draws work flowing left to right; `TD` top to bottom. */
  readonly direction?: "LR" | "TD";
  /** Fall back to a list above this many edges. Default `MERMAID_MAX_EDGES`. */
  readonly maxEdges?: number;
  /** Fall back to a list when the diagram source is longer than this. Default `MERMAID_MAX_TEXT_SIZE`. */
  readonly maxTextSize?: number;
  /**
   * The most characters the whole result may have (e.g. 60,000 to leave room in a 65,536-character
   * comment). A diagram that does not fit becomes the list, and the list is cut short to fit.
   */
  readonly maxChars?: number;
  /** Labels longer than this many characters are shortened with `…`. Default 80. */
  readonly maxLabelLength?: number;
}

/** The graph as GitHub-flavoured Markdown: a mermaid block, or a list when it is too big to draw. */
export function renderMermaid(_pipeline: Pipeline, graph: JobGraph, options: MermaidOptions = {}): string {
  const view = buildView(graph, options);
  const maxEdges = options.maxEdges ?? MERMAID_MAX_EDGES;
  if (view.edges.length > maxEdges) {
    const reason = `${count(view.edges.length, "dependency", "dependencies")}, more than GitHub draws in a diagram (${maxEdges})`;
    return renderActionList(view, { reason, maxChars: options.maxChars });
  }
  const diagram = mermaidDiagram(view, options);
  const maxTextSize = options.maxTextSize ?? MERMAID_MAX_TEXT_SIZE;
  if (diagram.length > maxTextSize) {
    const reason = `a diagram of ${diagram.length} characters, more than GitHub draws (${maxTextSize})`;
    return renderActionList(view, { reason, maxChars: options.maxChars });
  }
  const fenced = `\`\`\`mermaid\n${diagram}\`\`\`\n`;
  if (options.maxChars !== undefined && fenced.length > options.maxChars) {
    const reason = `a diagram longer than the ${options.maxChars} characters there is room for`;
    return renderActionList(view, { reason, maxChars: options.maxChars });
  }
  return fenced;
}

/** The bare diagram source (no fence, no size checks), one statement a line. */
export function mermaidDiagram(view: GraphView, options: MermaidOptions = {}): string {
  const maxLabel = options.maxLabelLength ?? 80;
  const lines = [`flowchart ${options.direction ?? "LR"}`];
  for (const node of view.nodes) lines.push(`  ${node.id}["${mermaidLabel(node.name, maxLabel)}"]`);
  for (const [from, to] of view.edges) lines.push(`  ${view.nodes[from]!.id} --> ${view.nodes[to]!.id}`);
  const byClass = new Map<NodeClass, string[]>();
  for (const node of view.nodes) {
    if (node.class === null) continue;
    const ids = byClass.get(node.class) ?? [];
    ids.push(node.id);
    byClass.set(node.class, ids);
  }
  // classDef lines carry no `;`: Mermaid would otherwise read `#rrggbb;` as an entity code.
  for (const cls of NODE_CLASSES) {
    const ids = byClass.get(cls);
    if (ids === undefined) continue;
    const s = NODE_STYLES[cls];
    const dash = s.dashed ? ",stroke-dasharray:4 3" : "";
    lines.push(`  classDef ${cls} fill:${s.fill},stroke:${s.stroke},color:${s.text}${dash}`);
    lines.push(`  class ${ids.join(",")} ${cls}`);
  }
  return `${lines.join("\n")}\n`;
}

// Inside a quoted label Mermaid still reads `"` (end of label), `#…;` (entity codes), `%%{…}%%`
// (directives, matched anywhere in the text), backticks (Markdown strings), `<…>` (HTML) and
// `:` + `#…;` (style statements). Everything but letters, digits and a few plain marks is therefore
// written as a numeric entity code, which Mermaid turns back into the character.
const LABEL_SAFE = /^[\p{L}\p{M}\p{N} _.,/+=!?()'…-]$/u;

export function mermaidLabel(name: string, maxLength = 80): string {
  let out = "";
  for (const ch of truncate(visibleName(name), maxLength)) {
    out += LABEL_SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return out;
}
