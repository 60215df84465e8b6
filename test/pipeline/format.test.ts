import { describe, expect, it } from "vitest";
import {
  formatIssues,
  formatVerdict,
  githubIssue,
  resultJson,
  sortedIssues,
  textIssue,
} from "../../src/pipeline/format.ts";
import type { Issue, LoadResult } from "../../src/pipeline/model.ts";
import { makePipeline } from "./render/make-pipeline.ts";

function issue(partial: Partial<Issue> & Pick<Issue, "message">): Issue {
  return { severity: "error", code: "test", line: null, column: null, path: [], ...partial };
}

const INVALID: LoadResult = {
  valid: false,
  pipeline: null,
  errors: [
    issue({
      message: "Action `b` references an unknown action in its `needs` list: x",
      line: 9,
      column: 12,
      path: ["actions", "b", "needs", 0],
    }),
    issue({ message: "Project file must have a `version` attribute", path: [] }),
    issue({
      message: "`outputs` must be a dictionary",
      line: 4,
      column: null,
      path: ["actions", "a", "outputs"],
    }),
  ],
  warnings: [
    issue({
      severity: "warning",
      message: "`run_all` is a reserved action name",
      line: 4,
      column: 3,
      path: ["actions", "run_all"],
    }),
  ],
};

const VALID: LoadResult = {
  valid: true,
  pipeline: makePipeline([
    ["a", []],
    ["b", ["a"]],
  ]),
  errors: [],
  warnings: [
    issue({ severity: "warning", message: "old version (4.0)", line: 1, column: 10, path: ["version"] }),
  ],
};

describe("text format", () => {
  it("writes FILE:LINE:COL, FILE:LINE or FILE, then the severity and the message", () => {
    expect(formatIssues(INVALID, { file: "project.yaml", format: "text" })).toMatchInlineSnapshot(`
      "project.yaml: error: Project file must have a \`version\` attribute
      project.yaml:4: error: \`outputs\` must be a dictionary
      project.yaml:4:3: warning: \`run_all\` is a reserved action name
      project.yaml:9:12: error: Action \`b\` references an unknown action in its \`needs\` list: x
      "
    `);
  });

  it("indents the later lines of a multi-line message so each issue still starts a line", () => {
    const text = textIssue(
      issue({ message: "Syntax error:\r\n\n  a: b\n  ^\n\n", line: 2, column: 1 }),
      "examples/demo/project.yaml",
    );
    expect(text).toBe("examples/demo/project.yaml:2:1: error: Syntax error:\n    \n      a: b\n      ^");
  });

  it("shows control and bidi characters instead of passing them to the terminal", () => {
    const text = textIssue(issue({ message: "bad name `\u001b[2J\u202e`\ttab" }), "p.yaml");
    expect(text).toBe("p.yaml: error: bad name `␛[2J<U+202E>`␉tab");
  });

  it("writes nothing for a result with no issues", () => {
    expect(formatIssues({ ...VALID, warnings: [] }, { file: "project.yaml", format: "text" })).toBe("");
  });
});

describe("github format", () => {
  it("writes workflow commands with file, line and column", () => {
    expect(formatIssues(INVALID, { file: "study/project.yaml", format: "github" })).toMatchInlineSnapshot(`
      "::error file=study/project.yaml::Project file must have a \`version\` attribute
      ::error file=study/project.yaml,line=4::\`outputs\` must be a dictionary
      ::warning file=study/project.yaml,line=4,col=3::\`run_all\` is a reserved action name
      ::error file=study/project.yaml,line=9,col=12::Action \`b\` references an unknown action in its \`needs\` list: x
      "
    `);
  });

  it("escapes %, CR and LF in the message, and also : and , in properties", () => {
    const line = githubIssue(
      issue({ message: "100% wrong\nsecond: line, here\r\nthird %0A", line: 3, column: 5 }),
      "dir:with,odd%name/project.yaml",
    );
    expect(line).toBe(
      "::error file=dir%3Awith%2Codd%25name/project.yaml,line=3,col=5::100%25 wrong%0Asecond: line, here%0Athird %250A",
    );
    expect(line.split("\n")).toHaveLength(1);
  });

  it("cannot be made to issue a second command by a message", () => {
    const line = githubIssue(
      issue({ message: "x\n::error file=evil::injected\r::set-output name=a::b" }),
      "p.yaml",
    );
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toBe("::error file=p.yaml::x%0A::error file=evil::injected%0A::set-output name=a::b");
  });
});

describe("json format", () => {
  it("is exactly the contract: valid, errors and warnings with message/line/column/path, actions", () => {
    const out = JSON.parse(formatIssues(VALID, { file: "project.yaml", format: "json" }));
    expect(out).toEqual({
      valid: true,
      errors: [],
      warnings: [{ message: "old version (4.0)", line: 1, column: 10, path: ["version"] }],
      actions: ["a", "b"],
    });
  });

  it("keeps the loader's order of issues and gives no actions when invalid", () => {
    const out = resultJson(INVALID);
    expect(out.valid).toBe(false);
    expect(out.actions).toEqual([]);
    expect(out.errors.map((e) => e.line)).toEqual([9, null, 4]);
    expect(Object.keys(out.errors[0]!)).toEqual(["message", "line", "column", "path"]);
    expect(out.errors[0]!.path).toEqual(["actions", "b", "needs", 0]);
  });

  it("keeps messages exactly as they are (JSON escaping is enough)", () => {
    const message = 'multi\nline "quoted" \u001b \u202e';
    const out = JSON.parse(
      formatIssues({ ...INVALID, errors: [issue({ message })] }, { file: "p", format: "json" }),
    );
    expect(out.errors[0].message).toBe(message);
  });
});

describe("sortedIssues and formatVerdict", () => {
  it("orders by position, issues without a line first, keeping the loader's order for ties", () => {
    expect(sortedIssues(INVALID).map((i) => [i.line, i.column])).toEqual([
      [null, null],
      [4, null],
      [4, 3],
      [9, 12],
    ]);
  });

  it("says valid or invalid with counts", () => {
    expect(formatVerdict(VALID, "project.yaml")).toBe("project.yaml: valid (2 actions, 1 warning)");
    expect(formatVerdict(INVALID, "x.yaml")).toBe("x.yaml: invalid (3 errors, 1 warning)");
    expect(formatVerdict({ ...VALID, warnings: [] }, "p.yaml")).toBe("p.yaml: valid (2 actions)");
  });
});
