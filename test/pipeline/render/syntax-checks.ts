// Strict readers for the Mermaid and dot the renderers write: every line must be one of the few
// statements they are meant to write, and every label must decode back to the action's name. A
// hostile name that leaked syntax into the output fails here.
import { expect } from "vitest";

export interface ParsedDiagram {
  /** Node id -> decoded label. */
  readonly labels: Map<string, string>;
  readonly edges: [string, string][];
  /** Node id -> class. */
  readonly classes: Map<string, string>;
}

const MERMAID_LABEL = /^(?:[\p{L}\p{M}\p{N} _.,/+=!?()'…-]|#\d+;)*$/u;

/** Reads a fenced Mermaid block as the renderer writes it; fails the test on anything else. */
export function parseMermaid(markdown: string): ParsedDiagram {
  const lines = markdown.split("\n");
  expect(lines[0]).toBe("```mermaid");
  expect(lines.at(-2)).toBe("```");
  expect(lines.at(-1)).toBe("");
  expect(lines.filter((l) => l.startsWith("```"))).toHaveLength(2);
  expect(lines[1]).toMatch(/^flowchart (LR|TD)$/);
  const labels = new Map<string, string>();
  const edges: [string, string][] = [];
  const classes = new Map<string, string>();
  const defined = new Set<string>();
  for (const line of lines.slice(2, -2)) {
    let m = /^ {2}(n\d+)\["([^"\n]*)"\]$/.exec(line);
    if (m) {
      expect(labels.has(m[1]!), `duplicate id ${m[1]}`).toBe(false);
      expect(m[2], `label of ${m[1]}`).toMatch(MERMAID_LABEL);
      labels.set(
        m[1]!,
        m[2]!.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))),
      );
      continue;
    }
    m = /^ {2}(n\d+) --> (n\d+)$/.exec(line);
    if (m) {
      edges.push([m[1]!, m[2]!]);
      continue;
    }
    m =
      /^ {2}classDef ([a-z_]+) fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},color:#[0-9a-f]{6}(,stroke-dasharray:4 3)?$/.exec(
        line,
      );
    if (m) {
      defined.add(m[1]!);
      continue;
    }
    m = /^ {2}class (n\d+(?:,n\d+)*) ([a-z_]+)$/.exec(line);
    if (m) {
      expect(defined.has(m[2]!), `class ${m[2]} used before classDef`).toBe(true);
      for (const id of m[1]!.split(",")) classes.set(id, m[2]!);
      continue;
    }
    throw new Error(`unexpected Mermaid line: ${JSON.stringify(line)}`);
  }
  for (const [a, b] of edges) expect(labels.has(a) && labels.has(b), `edge ${a} --> ${b}`).toBe(true);
  for (const id of classes.keys()) expect(labels.has(id)).toBe(true);
  return { labels, edges, classes };
}

const DOT_STRING = String.raw`"(?:[^"\\\n]|\\.)*"`;
const DOT_ATTR = new RegExp(`([a-z]+)=(${DOT_STRING})`, "g");
const DOT_NODE = new RegExp(
  String.raw`^ {2}(n\d+) \[((?:[a-z]+=${DOT_STRING})(?:, [a-z]+=${DOT_STRING})*)\];$`,
);

function unquoteDot(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\(.)/g, "$1");
}

/** Reads dot as the renderer writes it; fails the test on anything else. */
export function parseDot(dot: string): ParsedDiagram & { readonly attrs: Map<string, Map<string, string>> } {
  const lines = dot.split("\n");
  expect(lines[0]).toBe("digraph pipeline {");
  expect(lines[1]).toMatch(/^ {2}rankdir=(LR|TB);$/);
  expect(lines[2]).toBe('  node [shape=box, style="rounded", fontname="Helvetica"];');
  expect(lines.at(-2)).toBe("}");
  expect(lines.at(-1)).toBe("");
  const labels = new Map<string, string>();
  const attrs = new Map<string, Map<string, string>>();
  const edges: [string, string][] = [];
  const classes = new Map<string, string>();
  for (const line of lines.slice(3, -2)) {
    const node = DOT_NODE.exec(line);
    if (node) {
      expect(attrs.has(node[1]!), `duplicate id ${node[1]}`).toBe(false);
      const values = new Map([...node[2]!.matchAll(DOT_ATTR)].map((a) => [a[1]!, unquoteDot(a[2]!)]));
      attrs.set(node[1]!, values);
      labels.set(node[1]!, values.get("label")!);
      if (values.has("class")) classes.set(node[1]!, values.get("class")!);
      continue;
    }
    const edge = /^ {2}(n\d+) -> (n\d+);$/.exec(line);
    if (edge) {
      edges.push([edge[1]!, edge[2]!]);
      continue;
    }
    throw new Error(`unexpected dot line: ${JSON.stringify(line)}`);
  }
  for (const [a, b] of edges) expect(labels.has(a) && labels.has(b), `edge ${a} -> ${b}`).toBe(true);
  return { labels, edges, classes, attrs };
}
