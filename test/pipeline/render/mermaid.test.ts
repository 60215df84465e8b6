import { describe, expect, it } from "vitest";
import { MERMAID_MAX_EDGES, type NodeClass, renderMermaid } from "../../../src/pipeline/render/index.ts";
import { mermaidLabel } from "../../../src/pipeline/render/mermaid.ts";
import { truncate, visibleName } from "../../../src/pipeline/render/visible-name.ts";
import { HOSTILE_NAMES, makeGraph, SMALL } from "./make-pipeline.ts";
import { parseMermaid } from "./syntax-checks.ts";

/** A root and `n` actions that each need it: exactly `n` edges. */
function star(n: number) {
  return makeGraph([["root", []], ...Array.from({ length: n }, (_, i) => [`leaf_${i}`, ["root"]] as const)]);
}

describe("renderMermaid", () => {
  it("draws a small graph as a fenced flowchart, edges pointing from a need to its dependent", () => {
    const { pipeline, graph } = makeGraph(SMALL);
    expect(renderMermaid(pipeline, graph)).toMatchInlineSnapshot(`
      "\`\`\`mermaid
      flowchart LR
        n0["extract"]
        n1["codelists"]
        n2["make_safe"]
        n3["tables"]
        n4["report"]
        n0 --> n2
        n0 --> n3
        n1 --> n3
        n2 --> n4
        n3 --> n4
      \`\`\`
      "
    `);
  });

  it("gives each class one classDef and lists its nodes, in a fixed order", () => {
    const { pipeline, graph } = makeGraph(SMALL);
    const classes = new Map<string, NodeClass>([
      ["report", "failed"],
      ["extract", "succeeded"],
      ["make_safe", "succeeded"],
      ["tables", "dependency_failed"],
    ]);
    const out = renderMermaid(pipeline, graph, { classes, direction: "TD" });
    const parsed = parseMermaid(out);
    expect(out).toContain("flowchart TD\n");
    expect(out).toContain("  class n0,n2 succeeded\n");
    expect(out.match(/classDef succeeded /g)).toHaveLength(1);
    expect(out).toMatch(/classDef dependency_failed [^\n]*stroke-dasharray:4 3\n/);
    expect(Object.fromEntries(parsed.classes)).toEqual({
      n0: "succeeded",
      n2: "succeeded",
      n3: "dependency_failed",
      n4: "failed",
    });
    expect(out.indexOf("classDef succeeded")).toBeLessThan(out.indexOf("classDef failed"));
  });

  it("keeps every hostile name inside its label and recoverable from it", () => {
    // A chain, so every node has edges, and a class on every other node.
    const actions = HOSTILE_NAMES.map((name, i) => [name, i === 0 ? [] : [HOSTILE_NAMES[i - 1]!]] as const);
    const { pipeline, graph } = makeGraph(actions);
    const classes = new Map<string, NodeClass>(
      HOSTILE_NAMES.filter((_, i) => i % 2 === 0).map((n) => [n, "changed"]),
    );
    const parsed = parseMermaid(renderMermaid(pipeline, graph, { classes }));
    expect([...parsed.labels.values()]).toEqual(HOSTILE_NAMES.map((n) => truncate(visibleName(n), 80)));
    expect(parsed.edges).toHaveLength(HOSTILE_NAMES.length - 1);
    expect(parsed.classes.size).toBe(classes.size);
  });

  it("encodes every character Mermaid reads as syntax inside a label", () => {
    expect(mermaidLabel('say "hi"')).toBe("say #34;hi#34;");
    expect(mermaidLabel("%%{init}%%")).toBe("#37;#37;#123;init#125;#37;#37;");
    expect(mermaidLabel("a#35;b")).toBe("a#35;35#59;b");
    expect(mermaidLabel("`md`")).toBe("#96;md#96;");
    expect(mermaidLabel("<b>&")).toBe("#60;b#62;#38;");
    expect(mermaidLabel("style: x")).toBe("style#58; x");
    expect(mermaidLabel("")).toBe("#34;#34;");
    expect(mermaidLabel("数据 ünï")).toBe("数据 ünï");
    expect(mermaidLabel("a\nb")).toBe("a#9226;b");
  });

  it("shortens long labels but keeps the nodes apart by id", () => {
    const long = "x".repeat(300);
    const { pipeline, graph } = makeGraph([
      [`${long}1`, []],
      [`${long}2`, []],
    ]);
    const parsed = parseMermaid(renderMermaid(pipeline, graph, { maxLabelLength: 20 }));
    expect([...parsed.labels.keys()]).toEqual(["n0", "n1"]);
    expect([...parsed.labels.values()]).toEqual([`${"x".repeat(19)}…`, `${"x".repeat(19)}…`]);
  });

  it(`draws exactly ${MERMAID_MAX_EDGES} edges, and falls back to a list above that`, () => {
    const at = star(MERMAID_MAX_EDGES);
    const drawn = renderMermaid(at.pipeline, at.graph);
    expect(parseMermaid(drawn).edges).toHaveLength(MERMAID_MAX_EDGES);

    const over = star(MERMAID_MAX_EDGES + 1);
    const list = renderMermaid(over.pipeline, over.graph);
    expect(list).not.toContain("```");
    expect(list).toMatch(/^The job graph has 502 actions and 501 dependencies, more than GitHub draws/);
    expect(list).toContain(
      "<details>\n<summary>502 actions</summary>\n\n- **root**\n- **leaf\\_0**: needs root\n",
    );
    expect(list.split("\n").filter((l) => l.startsWith("- "))).toHaveLength(502);
    expect(list.endsWith("</details>\n")).toBe(true);
  });

  it("honours a lower edge limit", () => {
    const { pipeline, graph } = makeGraph(SMALL);
    expect(renderMermaid(pipeline, graph, { maxEdges: 4 })).toContain(
      "5 dependencies, more than GitHub draws in a diagram (4)",
    );
  });

  it("falls back to a list when the diagram source is longer than Mermaid accepts", () => {
    const actions = Array.from({ length: 60 }, (_, i) => [`${"long_name_".repeat(8)}${i}`, []] as const);
    const { pipeline, graph } = makeGraph(actions);
    expect(renderMermaid(pipeline, graph).startsWith("```mermaid")).toBe(true);
    const out = renderMermaid(pipeline, graph, { maxTextSize: 2000 });
    expect(out).toMatch(
      /^The job graph has 60 actions and a diagram of \d+ characters, more than GitHub draws \(2000\)/,
    );
  });

  it("keeps the whole result within maxChars, cutting the list short and saying how much was left out", () => {
    const over = star(3000);
    for (const maxChars of [60_000, 5_000, 700]) {
      const out = renderMermaid(over.pipeline, over.graph, { maxChars });
      expect(out.length).toBeLessThanOrEqual(maxChars);
      expect(out.length).toBeGreaterThan(maxChars - 40);
      const shown = out.split("\n").filter((l) => l.startsWith("- **")).length;
      expect(out).toContain(`- … and ${(3001 - shown).toLocaleString("en-US")} more actions\n</details>\n`);
    }
    // Too small even for the frame: still within the budget, and still a sentence.
    const tiny = renderMermaid(over.pipeline, over.graph, { maxChars: 40 });
    expect(tiny.length).toBeLessThanOrEqual(40);
    expect(tiny).toMatch(/^The job graph has 3,001 actions/);
  });

  it("turns a small diagram into a list when it does not fit maxChars", () => {
    const { pipeline, graph } = makeGraph(SMALL);
    expect(renderMermaid(pipeline, graph).length).toBeGreaterThan(150);
    const out = renderMermaid(pipeline, graph, { maxChars: 150 });
    expect(out.length).toBeLessThanOrEqual(150);
    expect(out).toMatch(/^The job graph has 5 actions/);
  });

  it("escapes names for Markdown in the list", () => {
    const names = ["*bold*", "<script>x</script>", "[link](http://e.x)", "a|b", "line\nbreak", "`tick`"];
    const { pipeline, graph } = makeGraph(names.map((n, i) => [n, i === 0 ? [] : [names[0]!]] as const));
    const out = renderMermaid(pipeline, graph, { maxEdges: 0 });
    expect(out).toContain("- **\\*bold\\***\n");
    expect(out).toContain("- **&lt;script&gt;x&lt;\\/script&gt;**: needs \\*bold\\*\n");
    expect(out).toContain("- **\\[link\\]\\(http\\:\\/\\/e\\.x\\)**");
    expect(out).toContain("- **a\\|b**");
    expect(out).toContain("- **line␊break**");
    expect(out).toContain("- **\\`tick\\`**");
    expect(out).not.toContain("<script>");
  });

  it("renders only the chosen actions, and a removed action as an unconnected node", () => {
    const { pipeline, graph } = makeGraph(SMALL);
    const out = renderMermaid(pipeline, graph, {
      only: ["extract", "make_safe", "no_such_action"],
      classes: new Map<string, NodeClass>([
        ["old_step", "removed"],
        ["make_safe", "changed"],
      ]),
    });
    const parsed = parseMermaid(out);
    expect([...parsed.labels.values()]).toEqual(["extract", "make_safe", "old_step"]);
    expect(parsed.edges).toEqual([["n0", "n1"]]);
    expect(Object.fromEntries(parsed.classes)).toEqual({ n1: "changed", n2: "removed" });
  });
});
