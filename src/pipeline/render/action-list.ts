// The graph as a Markdown list, for when it is too big for GitHub to draw: one line per action, in
// run order, with what it needs. Cut short to fit a character budget when the caller has one.

import { count } from "../counting.ts";
import type { JobGraph } from "../graph.ts";
import type { Pipeline } from "../model.ts";
import { buildView, type GraphView, type RenderOptions } from "./view.ts";
import { visibleName } from "./visible-name.ts";

export interface ActionListOptions {
  /** Why the graph is shown as a list; completes "The job graph has N actions and …". */
  readonly reason?: string;
  /** The most characters the result may have. */
  readonly maxChars?: number;
}

/** The graph as a Markdown list (a public entry point with the same shape as the other renderers). */
export function renderMarkdownList(
  _pipeline: Pipeline,
  graph: JobGraph,
  options: RenderOptions & ActionListOptions = {},
): string {
  return renderActionList(buildView(graph, options), options);
}

export function renderActionList(view: GraphView, options: ActionListOptions = {}): string {
  const shown = view.order.length;
  const why = options.reason === undefined ? "" : ` and ${options.reason}`;
  const intro = `The job graph has ${count(shown, "action", "actions")}${why}; here it is as a list, in run order.`;
  const head = `${intro}\n\n<details>\n<summary>${count(shown, "action", "actions")}</summary>\n\n`;
  const tail = "\n</details>\n";
  const items = [...view.order, ...view.nodes.flatMap((n, i) => (n.inGraph ? [] : [i]))];
  const lines = items.map((i) => {
    const node = view.nodes[i]!;
    const cls = node.class === null ? "" : ` (${node.class.replaceAll("_", " ")})`;
    const needs =
      node.needs.length === 0 ? "" : `: needs ${node.needs.map((j) => md(view.nodes[j]!.name)).join(", ")}`;
    return `- **${md(node.name)}**${cls}${needs}`;
  });
  const max = options.maxChars;
  const full = `${head}${lines.join("\n")}${tail}`;
  if (max === undefined || full.length <= max) return full;

  // Keep whole lines while they fit, leaving room for the line that says how many were left out.
  let body = "";
  let kept = 0;
  const room = max - head.length - tail.length;
  for (const line of lines) {
    const more = `- … and ${count(lines.length - kept - 1, "more action", "more actions")}`;
    if (body.length + line.length + 1 + more.length + 1 > room) break;
    body += `${line}\n`;
    kept++;
  }
  const result = `${head}${body}- … and ${count(lines.length - kept, "more action", "more actions")}${tail}`;
  if (result.length <= max) return result;
  // A budget smaller than the frame itself: say so in as much of one sentence as fits.
  return Array.from(`The job graph has ${count(shown, "action", "actions")}; too many to list here.`)
    .slice(0, Math.max(0, max))
    .join("");
}

/**
 * A name as literal Markdown text: HTML's specials become entities and every other ASCII mark is
 * backslash-escaped (CommonMark allows that for all of them), so no name can start a link, a table,
 * a code span or an HTML tag.
 */
export function md(name: string): string {
  return visibleName(name).replace(/[&<>]|[!-/:-@[-`{-~]/g, (ch) => {
    if (ch === "&") return "&amp;";
    if (ch === "<") return "&lt;";
    if (ch === ">") return "&gt;";
    return `\\${ch}`;
  });
}
