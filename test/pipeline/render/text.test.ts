import { describe, expect, it } from "vitest";
import { type NodeClass, renderText } from "../../../src/pipeline/render/index.ts";
import { MAX_INDENT, textName } from "../../../src/pipeline/render/text.ts";
import { HOSTILE_NAMES, makeGraph, SMALL } from "./make-pipeline.ts";

/** Reads the tree back: each line's depth, name (unquoted), class and reference marker. */
function parseTree(text: string) {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => {
      const m = /^((?:│ {3}| {4})*)(├── |└── )?(.*)$/u.exec(line)!;
      let rest = m[3]!.replace(/^\(depth \d+\) /, "");
      const ref = / \(see (above|below)\)$/.exec(rest)?.[1] ?? null;
      if (ref) rest = rest.slice(0, -` (see ${ref})`.length);
      const cls = / \[([a-z_]+)\]$/.exec(rest)?.[1] ?? null;
      if (cls) rest = rest.slice(0, -` [${cls}]`.length);
      const name = rest.startsWith('"') ? (JSON.parse(rest) as string) : rest;
      return { depth: m[1]!.length / 4 + (m[2] ? 1 : 0), name, cls, ref };
    });
}

describe("renderText", () => {
  it("writes each action once, under the last of its needs, and refers to it elsewhere", () => {
    const { pipeline, graph } = makeGraph(SMALL);
    expect(renderText(pipeline, graph)).toMatchInlineSnapshot(`
      "extract
      ├── make_safe
      │   └── report (see below)
      └── tables (see below)
      codelists
      └── tables
          └── report
      "
    `);
  });

  it("marks classes and reads top to bottom in an order the work can run in", () => {
    const { pipeline, graph } = makeGraph([
      ["a", []],
      ["b", ["a"]],
      ["c", ["a", "b"]],
      ["d", ["c"]],
    ]);
    const classes = new Map<string, NodeClass>([
      ["a", "succeeded"],
      ["c", "failed"],
      ["d", "dependency_failed"],
    ]);
    expect(renderText(pipeline, graph, { classes })).toMatchInlineSnapshot(`
      "a [succeeded]
      ├── b
      │   └── c [failed]
      │       └── d [dependency_failed]
      └── c [failed] (see above)
      "
    `);
  });

  it("writes every action of a hostile graph exactly once, with one line per root and per edge", () => {
    // Each name needs the two before it, so most nodes have two parents.
    const actions = HOSTILE_NAMES.map(
      (name, i) => [name, HOSTILE_NAMES.slice(Math.max(0, i - 2), i)] as const,
    );
    const { pipeline, graph } = makeGraph(actions);
    const lines = parseTree(renderText(pipeline, graph));
    const written = lines.filter((l) => l.ref === null).map((l) => l.name);
    expect(written.sort()).toEqual([...HOSTILE_NAMES].sort());
    const edges = actions.reduce((n, [, needs]) => n + needs.length, 0);
    expect(lines).toHaveLength(1 + edges);
  });

  it("quotes names that could be mistaken for tree structure or markers", () => {
    expect(textName("make_safe")).toBe("make_safe");
    expect(textName("a b/c:d 数据")).toBe("a b/c:d 数据");
    expect(textName("")).toBe('""');
    expect(textName(" padded")).toBe('" padded"');
    expect(textName("line\nbreak")).toBe('"line\\nbreak"');
    expect(textName("esc\u001b[2J")).toBe('"esc\\u001b[2J"');
    expect(textName("rtl\u202e")).toBe('"rtl\\u202e"');
    expect(textName("sep\u2028")).toBe('"sep\\u2028"');
    expect(textName("pua\u{f0000}")).toBe('"pua\\udb80\\udc00"');
    expect(textName("└── fake")).toBe('"└── fake"');
    expect(textName('"quoted"')).toBe('"\\"quoted\\""');
    expect(textName("x [failed]")).toBe('"x [failed]"');
    expect(textName("x (see above)")).toBe('"x (see above)"');
    expect(textName("(depth 3) x")).toBe('"(depth 3) x"');
  });

  it("cannot be fooled into a line break or escape sequence by a name", () => {
    const { pipeline, graph } = makeGraph(HOSTILE_NAMES.map((n) => [n, []] as const));
    const out = renderText(pipeline, graph);
    expect(out.split("\n")).toHaveLength(HOSTILE_NAMES.length + 1);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is that none are written
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/);
  });

  it("writes a deep chain without recursion or unbounded indentation, and an empty graph as nothing", () => {
    const chain = Array.from({ length: 5000 }, (_, i) => [`s${i}`, i === 0 ? [] : [`s${i - 1}`]] as const);
    const { pipeline, graph } = makeGraph(chain);
    const lines = renderText(pipeline, graph).trimEnd().split("\n");
    expect(lines).toHaveLength(5000);
    expect(lines[MAX_INDENT]).toBe(`${" ".repeat(4 * (MAX_INDENT - 1))}└── s${MAX_INDENT}`);
    expect(lines[MAX_INDENT + 1]).toBe(
      `${" ".repeat(4 * (MAX_INDENT - 1))}└── (depth ${MAX_INDENT + 1}) s${MAX_INDENT + 1}`,
    );
    expect(lines.at(-1)).toBe(`${" ".repeat(4 * (MAX_INDENT - 1))}└── (depth 4999) s4999`);
    const empty = makeGraph([]);
    expect(renderText(empty.pipeline, empty.graph)).toBe("");
  });

  it("renders only the chosen actions, plus removed ones", () => {
    const { pipeline, graph } = makeGraph(SMALL);
    const out = renderText(pipeline, graph, {
      only: ["tables", "report"],
      classes: new Map<string, NodeClass>([["old", "removed"]]),
    });
    expect(out).toBe("tables\n└── report\nold [removed]\n");
  });
});
