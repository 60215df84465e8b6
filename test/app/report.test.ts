// The Markdown the App writes: names shown literally, code that cannot be broken out of, and a comment
// that always fits GitHub's limit whatever the project.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProjectReport } from "../../src/app/analysis/analyse.ts";
import { compareProjects } from "../../src/app/analysis/changes.ts";
import { renderComment } from "../../src/app/report/comment-body.ts";
import { codeBlock, codeSpan, mdName, mdText, shellWord } from "../../src/app/report/markdown.ts";
import { buildGraph, loadPipeline } from "../../src/pipeline/index.ts";
import { bigProject } from "./helpers/projects.ts";

describe("markdown helpers", () => {
  it("escapes every Markdown and HTML special in text", () => {
    expect(mdText("<b>*x*</b> [a](b) & `c` | d")).toBe(
      "&lt;b&gt;\\*x\\*&lt;\\/b&gt; \\[a\\]\\(b\\) &amp; \\`c\\` \\| d",
    );
  });

  it("makes code spans whose fence the content cannot close", () => {
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("`x`")).toBe("`` `x` ``");
    expect(codeSpan("a|b", true)).toBe("`a\\|b`");
    expect(codeBlock("```\nx\n", "text")).toBe("````text\n```\nx\n````\n");
  });

  it("shows invisible characters in names and shortens long ones", () => {
    expect(mdName("a\u202eb\nc")).toBe("`a<U+202E>b␊c`");
    expect(mdName("")).toBe('`""`');
    expect(mdName("x".repeat(150))).toBe(`\`${"x".repeat(99)}…\``);
  });

  it("quotes shell words that need it", () => {
    expect(shellWord("make_safe")).toBe("make_safe");
    expect(shellWord("it's")).toBe(`'it'"'"'s'`);
  });
});

describe("renderComment", () => {
  it("fits any budget it is given, for projects of any size", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 4_000, max: 60_000 }),
        (n, fanIn, budget) => {
          const base = loadPipeline(bigProject(n, fanIn)).pipeline!;
          const head = loadPipeline(bigProject(n, fanIn).replace("--step 0\n", "--step 0 -v\n")).pipeline!;
          const graph = buildGraph(head);
          const report: ProjectReport = {
            kind: "valid",
            path: "project.yaml",
            result: { valid: true, errors: [], warnings: [], pipeline: head },
            pipeline: head,
            graph,
            base: { kind: "valid" },
            changes: compareProjects(base, head, graph),
          };
          expect(
            renderComment(report, { showGraph: true, annotated: true, budget }).length,
          ).toBeLessThanOrEqual(budget);
        },
      ),
      { numRuns: 25 },
    );
  });
});
