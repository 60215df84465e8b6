// The YAML dialect (YAML 1.2 core, as the platform reads it) and hostile input.
import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../src/pipeline/index.ts";
import { expectFirstError, expectValid, load, oneAction } from "./helpers.ts";

const valid = oneAction("run: python:v2 a.py\noutputs:\n  highly_sensitive:\n    x: output/a.csv");

describe("dialect", () => {
  it("yes and no stay strings (so they are valid output patterns' names and values)", () => {
    const result = expectValid(
      oneAction(
        "run: python:v2 a.py\nconfig:\n  a: yes\n  b: no\n  c: on\noutputs:\n  highly_sensitive:\n    x: output/a.csv",
      ),
    );
    expect(result.pipeline!.actions.get("a")!.config).toEqual({ a: "yes", b: "no", c: "on" });
  });
  it("true is a boolean, so `run: true` is not a string", () => {
    expectFirstError(
      oneAction("run: true\noutputs:\n  highly_sensitive:\n    x: a.csv"),
      "`run` section for action a must be a string",
    );
  });
  it("a date is not a string, so a date pattern is refused", () => {
    expectFirstError(
      oneAction("run: python:v2 a.py\noutputs:\n  highly_sensitive:\n    x: 2020-01-01"),
      "`x` output for action a must be a string",
    );
  });
  it("12:30 stays a string", () => {
    expectFirstError(
      oneAction("run: python:v2 a.py\noutputs:\n  highly_sensitive:\n    x: 12:30"),
      "Output path 12:30 is invalid",
    );
  });
  it("integers: leading zeros are decimal, underscores, octal, hex, binary", () => {
    const config = expectValid(
      oneAction(
        "run: python:v2 a.py\nconfig: {a: 010, b: 1_000, c: 0o17, d: 0x1F, e: 0b101, f: 1.5, g: .inf, h: ~}\noutputs:\n  highly_sensitive:\n    x: a.csv",
      ),
    ).pipeline!.actions.get("a")!;
    expect(config.config).toEqual({ a: 10, b: 1000, c: 15, d: 31, e: 5, f: 1.5, g: Infinity, h: null });
    expect(config.jobCommand).toBe(
      `python:v2 a.py --config '{"a": 10, "b": 1000, "c": 15, "d": 31, "e": 5, "f": 1.5, "g": Infinity, "h": null}'`,
    );
  });
  it("anchors, aliases and merge keys work", () => {
    const text = `version: 5
defaults: &defaults
  outputs:
    highly_sensitive:
      x: output/a.csv
`;
    // An unknown top-level key used only to hold an anchor is still an unknown key, as in the reference.
    expectFirstError(text, "Unexpected parameters (defaults) in project");
    const merged = expectValid(`version: 5
actions:
  a: &a
    run: python:v2 a.py
    config: &conf {x: 1}
    outputs:
      highly_sensitive:
        x: output/a.csv
  b:
    <<: *a
    run: python:v2 b.py
    config: *conf
    outputs:
      highly_sensitive:
        y: output/b.csv
`);
    const b = merged.pipeline!.actions.get("b")!;
    expect(b.run.raw).toBe("python:v2 b.py");
    expect(b.config).toEqual({ x: 1 });
    expect(b.outputs).toEqual({ highly_sensitive: { y: "output/b.csv" } });
  });
  it("a BOM and CRLF line endings are accepted", () => {
    expectValid(`\uFEFF${valid.replaceAll("\n", "\r\n")}`);
    expect(loadPipeline(new TextEncoder().encode(`\uFEFF${valid}`)).valid).toBe(true);
  });
  it("a YAML 1.1 directive does not turn yes into a boolean for later files", () => {
    load(`%YAML 1.1\n---\n${valid}`);
    expect(
      expectValid(
        oneAction("run: python:v2 a.py\nconfig: {a: yes}\noutputs:\n  highly_sensitive:\n    x: a.csv"),
      ).pipeline!.actions.get("a")!.config,
    ).toEqual({ a: "yes" });
  });
  it("integer action names keep file order", () => {
    const result = expectValid(
      "version: 5\nactions:\n  zeta:\n    run: python:v2 z.py\n    outputs: {highly_sensitive: {x: z.csv}}\n  2017:\n    run: python:v2 a.py\n    outputs: {highly_sensitive: {x: a.csv}}\n",
    );
    expect([...result.pipeline!.actions.keys()]).toEqual(["zeta", "2017"]);
  });
  it("a comment may follow a quoted value, a flow collection or a block scalar header without a space", () => {
    const text = [
      "version: '5'#format",
      "actions:",
      "  a:",
      "    run: python:v2 a.py",
      "    outputs:",
      "      highly_sensitive:",
      "        x: 'output/a.csv'#quoted",
      "  c:",
      "    run: python:v2 c.py",
      "    outputs: {highly_sensitive: {x: output/c.csv}}#after the mapping",
      "  b:",
      "    run: python:v2 b.py",
      "    needs: [a,#after a comma",
      "      c]#after the list",
      "    config:",
      "      note: |#header",
      "        two lines",
      "        here",
      "    outputs:",
      "      highly_sensitive:",
      "        x: output/b.csv",
      "",
    ].join("\n");
    // Both parsers are asked for every input (load); the positioned one must give the same values.
    const fast = expectValid(text).pipeline!.actions.get("b")!;
    const positioned = loadPipeline(text, { positioned: true }).pipeline!.actions.get("b")!;
    expect(positioned).toEqual(fast);
    expect(fast.needs).toEqual(["a", "c"]);
    expect(fast.config).toEqual({ note: "two lines\nhere\n" });
  });
  it("an unknown tag is an inert value that fails type checks, not a crash", () => {
    expectFirstError("version: !foo 5\nactions: {}\n", "`version` must be a number between 1 and 5");
  });
});

describe("syntax errors carry line and column", () => {
  it.each([
    [
      "a duplicate top-level key",
      "version: 5\nversion: 4\nactions: {}\n",
      2,
      1,
      'found duplicate key "version" with value "4" (original value: "5")',
    ],
    ["a duplicate action", `${valid}  a:\n    run: x\n`, 8, 3, 'found duplicate key "a"'],
    [
      "a duplicate key inside an action",
      "version: 5\nactions:\n  a:\n    run: x\n    run: y\n",
      5,
      5,
      'found duplicate key "run"',
    ],
    [
      "a duplicate privacy level",
      "version: 5\nactions:\n  a:\n    outputs:\n      highly_sensitive: {}\n      highly_sensitive: {}\n",
      6,
      7,
      'found duplicate key "highly_sensitive"',
    ],
    [
      "a duplicate output name",
      "version: 5\nactions:\n  a:\n    outputs:\n      highly_sensitive:\n        x: a.csv\n        x: b.csv\n",
      7,
      9,
      'found duplicate key "x"',
    ],
    [
      "a duplicate key in a flow mapping",
      "version: 5\nactions: {a: 1, a: 2}\n",
      2,
      17,
      'found duplicate key "a"',
    ],
    [
      "quoted and unquoted spellings of one key",
      "version: 5\n'version': 4\nactions: {}\n",
      2,
      1,
      'found duplicate key "version"',
    ],
    [
      "several documents",
      `${valid}---\nversion: 5\n`,
      8,
      1,
      "expected a single document in the stream, but found another document",
    ],
    [
      "a tab in indentation",
      "version: 5\nactions:\n\ta: 1\n",
      3,
      1,
      "found character '\\t' that cannot start any token",
    ],
    [
      "an unclosed quote",
      'version: 5\nactions:\n  a:\n    run: "python:v2\n',
      5,
      1,
      'Missing closing "quote',
    ],
    [
      "a bad indent",
      "version: 5\nactions:\n  a:\n    run: x\n   outputs: y\n",
      5,
      1,
      "All mapping items must start at the same column",
    ],
  ])("%s", (_, text, line, column, message) => {
    const result = load(text);
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatchObject({ line, column });
    expect(result.errors[0]!.message).toContain(message);
    expect(result.pipeline).toBeNull();
  });
  it("duplicate keys at different levels are all reported", () => {
    const result = load("version: 5\nversion: 4\nactions:\n  a:\n    run: x\n    run: y\n");
    expect(result.errors.map((e) => e.line)).toEqual([2, 6]);
  });
});

describe("hostile input is bounded", () => {
  it("alias expansion (billion laughs) ends in a clear error, quickly", () => {
    const lines = ["version: 5", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(",")}]`,
      );
    lines.push(
      "actions:\n  x:\n    run: python:v2 a.py\n    config: {bomb: *a11}\n    outputs: {highly_sensitive: {o: a.csv}}",
    );
    const started = Date.now();
    const result = load(lines.join("\n"));
    expect(result.valid).toBe(false);
    expect(result.errors[0]!.message).toMatch(/resource exhaustion|expands to more than/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
  it("a very large file is refused with its size", () => {
    const result = loadPipeline(`# ${"x".repeat(9 * 1024 * 1024)}\nversion: 5\n`);
    expect(result.errors[0]!.message).toMatch(/is 9\.0 MiB; Trestle reads project files up to 8 MiB/);
  });
  it("deep nesting is refused, not a stack overflow", () => {
    const deep = `version: 5\nactions: {}\nexpectations: ${"[".repeat(5000)}${"]".repeat(5000)}\n`;
    const result = loadPipeline(deep);
    expect(result.valid).toBe(false);
    expect(result.errors[0]!.message).toMatch(/nest/);
  });
  it("binary garbage is an error, not a throw", () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const result = loadPipeline(bytes);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });
  it.each(["", "   \n", "# only a comment\n"])("%j is empty", (text) =>
    expectFirstError(text, "The project file is empty"),
  );
  it.each([
    ["- a\n- b\n", "not a list"],
    ["just a string\n", "not a single value"],
  ])("%j is not a mapping", (text, what) => expectFirstError(text, what.replace("not ", "not ")));
  it("a non-string top-level key is an unknown key, not a crash", () =>
    expectFirstError("1: a\nversion: 5\nactions: {}\n", "Unexpected parameters (1) in project"));
});

// Inputs the fast parser (js-yaml 4) reads more leniently than YAML allows: each must get the
// positioned parser's answer. `load` checks that both paths agree.
describe("what the fast parser would read too leniently", () => {
  const base = "version: 5\nactions:\n  a:\n    run: python:v2 a.py\n";
  const outputs = "    outputs:\n      moderately_sensitive:\n        x: output/a.csv\n";
  it.each([
    [
      "a quoted scalar continued at the left margin",
      `${base}    config:\n      b: "one\n      two"\n${outputs}`,
    ],
    [
      "a flow sequence continued at the left margin",
      `${base}    config:\n      l: [b,\n      c]\n${outputs}`,
    ],
    ["a flow mapping continued at the left margin", `${base}    config: {b: 1,\n    c: 2}\n${outputs}`],
    [
      "a single-quoted scalar in a sequence entry",
      `${base}    config:\n      l:\n        - 'one\n        two'\n${outputs}`,
    ],
    [
      "a line break inside a flow sequence from a lone CR",
      `${base}    config:\n      l: [b\r, c]\n${outputs}`,
    ],
  ])("%s is a syntax error with its line", (_name, text) => {
    const result = load(text);
    expect(result.valid).toBe(false);
    expect(result.errors[0]!.line).not.toBeNull();
  });
  it("a flow sequence continued deeper than its key is read", () => {
    const text = `${base}    needs: [b,\n      c]\n${outputs}  b:\n    run: python:v2 b.py\n${outputs.replace("a.csv", "b.csv")}  c:\n    run: python:v2 c.py\n${outputs.replace("a.csv", "c.csv")}`;
    expect(expectValid(text).pipeline!.actions.get("a")!.needs).toEqual(["b", "c"]);
  });
  it.each([
    ["at the top", ""],
    ["after blank and comment lines", "\n  \n# about\n\n"],
    ["after a directive and a comment", "%YAML 1.2\n# about\n"],
  ])("`---` glued to the first key %s is part of the key, not a document marker", (_name, before) => {
    // js-yaml 4 reads `version: 5` here when nothing follows at a lesser indent.
    const text = `${before}---version: 5\n`;
    const result = load(text);
    expect(result.valid).toBe(false);
    if (before.startsWith("%")) expect(result.errors[0]!.code).toMatch(/^yaml-/);
    else expect(result.errors[0]!.message).toBe("Unexpected parameters (---version) in project");
  });
  it("an empty node with a non-specific tag is an empty string, not null", () => {
    expectFirstError("version: !\nactions: {}\n", "`version` must be a number between 1 and 5");
  });
  it("a plain `_` is a string, not the number 0", () => {
    const text = oneAction(
      "run: python:v2 a.py\nconfig:\n  n: _\noutputs:\n  moderately_sensitive:\n    x: output/a.csv",
    );
    expect(expectValid(text).pipeline!.actions.get("a")!.config).toEqual({ n: "_" });
  });
});
