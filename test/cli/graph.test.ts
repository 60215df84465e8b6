// `trestle graph` as a process: every format, exit codes, hostile names and the large corpus files.
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_NAMES } from "../pipeline/render/make-pipeline.ts";
import { parseDot, parseMermaid } from "../pipeline/render/syntax-checks.ts";
import { CLI, FIXTURES, LARGE, projectYaml, ROOT, tempFolder, trestle } from "./run-trestle.ts";

let temp: { path: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  temp = await tempFolder("graph");
});
afterAll(async () => {
  await temp.cleanup();
});

const FORMATS = ["mermaid", "dot", "json", "text"] as const;

describe("trestle graph: the four formats", () => {
  for (const format of FORMATS) {
    it(`--format ${format} prints the graph and nothing else`, async () => {
      const run = await trestle(["graph", `${FIXTURES}/valid`, "--format", format]);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
      expect(run.stdout).toMatchSnapshot();
    });
  }

  it("prints Mermaid by default", async () => {
    const run = await trestle(["graph", `${FIXTURES}/valid`]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("```mermaid\nflowchart LR\n")).toBe(true);
  });

  it("prints warnings to stderr and the graph to stdout", async () => {
    const run = await trestle(["graph", `${FIXTURES}/old-version`, "--format", "text"]);
    expect(run).toEqual({
      code: 0,
      stdout: "make_table\n",
      stderr: expect.stringMatching(
        /^test\/cli\/fixtures\/old-version\/project\.yaml:\d+:\d+: warning: .*\n$/,
      ),
    });
  });
});

describe("trestle graph: exit codes 1 and 2", () => {
  it("prints the errors, no graph, and exits 1 for an invalid file", async () => {
    const run = await trestle(["graph", `${FIXTURES}/invalid`, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatchSnapshot();
  });

  const cases: [string, string[], RegExp][] = [
    [
      "no such file",
      ["graph", "missing-folder"],
      /^trestle graph: missing-folder: no such file or folder\n$/,
    ],
    ["an unknown format", ["graph", "--format", "png"], /Allowed choices are mermaid, dot, json, text/],
    ["an unknown flag", ["graph", "--direction", "TD"], /unknown option '--direction'/],
  ];
  for (const [name, args, message] of cases) {
    it(`exits 2 for ${name}`, async () => {
      const run = await trestle(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(message);
    });
  }
});

describe("trestle graph: hostile action names", () => {
  // Names with whitespace cannot be named in `needs` (the platform reads that as a missing comma), so
  // each action needs the nearest earlier name without any.
  const actions = HOSTILE_NAMES.map((name, i) => {
    const need = HOSTILE_NAMES.slice(0, i).findLast((n) => n !== "" && !/\s/.test(n));
    return [name, need === undefined ? [] : [need]] as const;
  });
  const edges = actions.filter(([, needs]) => needs.length > 0).length;
  let file: string;
  beforeAll(async () => {
    file = join(temp.path, "hostile.yaml");
    await writeFile(file, projectYaml(actions));
  });

  it("loads as a valid project", async () => {
    const run = await trestle(["check", file, "--format", "json"]);
    expect(JSON.parse(run.stdout).actions).toEqual(HOSTILE_NAMES);
  });

  it("--format mermaid stays within the Mermaid grammar, one node per action", async () => {
    const run = await trestle(["graph", file, "--format", "mermaid"]);
    const parsed = parseMermaid(run.stdout);
    expect(parsed.labels.size).toBe(HOSTILE_NAMES.length);
    expect(parsed.edges).toHaveLength(edges);
  });

  it("--format dot stays within the dot grammar, one node per action", async () => {
    const run = await trestle(["graph", file, "--format", "dot"]);
    const parsed = parseDot(run.stdout);
    expect(parsed.labels.size).toBe(HOSTILE_NAMES.length);
    expect(parsed.edges).toHaveLength(edges);
  });

  it("--format json keeps every name exactly", async () => {
    const run = await trestle(["graph", file, "--format", "json"]);
    const out = JSON.parse(run.stdout);
    expect(out.actions.map((a: { name: string }) => a.name)).toEqual(HOSTILE_NAMES);
    expect(out.edges).toHaveLength(edges);
  });

  it("--format text writes one line per root and per edge, and no control characters", async () => {
    const run = await trestle(["graph", file, "--format", "text"]);
    const roots = actions.filter(([, needs]) => needs.length === 0).length;
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(roots + edges);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is that none are written
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029\u202e]/);
  });
});

describe("trestle graph: more than 500 edges", () => {
  it("prints a readable list instead of a diagram GitHub would refuse", async () => {
    const file = join(temp.path, "wide.yaml");
    const leaves = Array.from({ length: 501 }, (_, i) => [`leaf_${i}`, ["root"]] as const);
    await writeFile(file, projectYaml([["root", []], ...leaves]));
    const run = await trestle(["graph", file]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("```mermaid");
    expect(run.stdout).toMatch(/^The job graph has 502 actions and 501 dependencies, more than GitHub draws/);
    expect(run.stdout.split("\n").filter((l) => l.startsWith("- **"))).toHaveLength(502);
  });
});

describe("trestle graph: the large corpus files in every format", () => {
  // The action counts are those of corpus/large/SOURCES.tsv; `graph` exits 0 only for a valid file.
  const files = [
    ["opensafely__WinterPressuresDescriptive.yaml", 51],
    ["opensafely__ehrql-test-study.yaml", 2505],
    ["opensafely__post-covid-mentalhealth.yaml", 429],
    ["opensafely__disparities-comparison.yaml", 2191],
  ] as const;
  for (const [file, actions] of files) {
    it(`renders ${file} (${actions} actions)`, async () => {
      const path = join(LARGE, file);
      const [json, mermaid, dot, text] = await Promise.all(
        ["json", "mermaid", "dot", "text"].map((format) => trestle(["graph", path, "--format", format])),
      );
      for (const run of [json, mermaid, dot, text]) {
        expect(run!.code).toBe(0);
        expect(run!.stderr).not.toMatch(/error/);
      }
      const graph = JSON.parse(json!.stdout) as {
        actions: { needs: string[] }[];
        edges: unknown[];
        order: string[];
      };
      const nodes = graph.actions.length;
      expect(nodes).toBe(actions);
      const edges = graph.edges.length;
      expect(graph.order).toHaveLength(nodes);

      if (edges > 500) {
        expect(mermaid!.stdout.split("\n").filter((l) => l.startsWith("- **"))).toHaveLength(nodes);
      } else {
        const parsed = parseMermaid(mermaid!.stdout);
        expect([parsed.labels.size, parsed.edges.length]).toEqual([nodes, edges]);
      }
      const parsedDot = parseDot(dot!.stdout);
      expect([parsedDot.labels.size, parsedDot.edges.length]).toEqual([nodes, edges]);
      const roots = graph.actions.filter((a) => a.needs.length === 0).length;
      expect(text!.stdout.trimEnd().split("\n")).toHaveLength(roots + edges);
    });
  }
});

describe("trestle graph: a reader that stops early", () => {
  it("ends quietly with exit 0 when stdout is closed (trestle graph | head)", async () => {
    const child = spawn(
      process.execPath,
      [CLI, "graph", join(LARGE, "opensafely__disparities-comparison.yaml"), "--format", "json"],
      {
        cwd: ROOT,
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(code).toBe(0);
    expect(stderr).toBe("");
  });
});
