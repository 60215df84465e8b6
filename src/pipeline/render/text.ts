// The graph as an indented tree for terminals. Each action is written out once, under the last of its
// needs to appear, so that reading down the tree follows the order the work can run in; under its
// other needs it appears as a one-line reference ("see above" / "see below").
import type { JobGraph } from "../graph.ts";
import type { Pipeline } from "../model.ts";
import { buildView, type GraphView, type RenderOptions } from "./view.ts";

/**
 * Levels drawn with indentation. Deeper levels stay at this indentation and say their depth, so a
 * long chain of needs costs a bounded width per line instead of output that grows with its square.
 */
export const MAX_INDENT = 32;

export function renderText(_pipeline: Pipeline, graph: JobGraph, options: RenderOptions = {}): string {
  const view = buildView(graph, options);
  const lines: string[] = [];
  const written = new Set<number>();
  const label = (i: number) => {
    const node = view.nodes[i]!;
    return node.class === null ? textName(node.name) : `${textName(node.name)} [${node.class}]`;
  };
  const ready = (i: number) => view.nodes[i]!.needs.every((j) => written.has(j));

  // Iterative, so that a long chain of needs cannot overflow the stack.
  const writeTree = (root: number) => {
    written.add(root);
    lines.push(label(root));
    const stack = [{ node: root, prefix: "", depth: 0, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const children = view.nodes[frame.node]!.dependents;
      if (frame.next >= children.length) {
        stack.pop();
        continue;
      }
      const child = children[frame.next++]!;
      const last = frame.next === children.length;
      const depth = frame.depth + 1;
      const branch = `${frame.prefix}${last ? "└── " : "├── "}${depth > MAX_INDENT ? `(depth ${depth}) ` : ""}`;
      if (written.has(child)) {
        lines.push(`${branch}${label(child)} (see above)`);
      } else if (!ready(child)) {
        lines.push(`${branch}${label(child)} (see below)`);
      } else {
        written.add(child);
        lines.push(`${branch}${label(child)}`);
        const prefix = depth < MAX_INDENT ? `${frame.prefix}${last ? "    " : "│   "}` : frame.prefix;
        stack.push({ node: child, prefix, depth, next: 0 });
      }
    }
  };

  for (const i of rootsFirst(view)) if (!written.has(i)) writeTree(i);
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/**
 * Actions with no needs in file order, then (only reachable when the graph has a cycle, which a valid
 * pipeline never has) the rest in file order, so every action is written even then.
 */
function rootsFirst(view: GraphView): number[] {
  const roots: number[] = [];
  const rest: number[] = [];
  view.nodes.forEach((node, i) => {
    (node.needs.length === 0 ? roots : rest).push(i);
  });
  return [...roots, ...rest];
}

// A name is written as a JSON string when writing it raw could mislead: empty, padded with spaces,
// holding an invisible character or a line break, tree-drawing characters, or looking quoted already.
const INVISIBLE = /[\p{C}\p{Zl}\p{Zp}]/gu;
const MARKER = /^\(depth \d|\(see (above|below)\)|\[[^\]]*\]$/;
const PLAIN = /^(?!["\s])[^\p{C}\p{Zl}\p{Zp}\u2500-\u257f]+(?<!\s)$/u;

export function textName(name: string): string {
  if (PLAIN.test(name) && !MARKER.test(name)) return name;
  // JSON leaves format characters (bidi overrides, zero-width spaces) and U+2028 as they are.
  return JSON.stringify(name).replace(INVISIBLE, (ch) =>
    ch
      .split("")
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`)
      .join(""),
  );
}
