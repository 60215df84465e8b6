// `trestle check` as a process: every exit code, every format, and the text users see.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, ROOT, tempFolder, trestle } from "./run-trestle.ts";

let temp: { path: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  temp = await tempFolder("check");
});
afterAll(async () => {
  await temp.cleanup();
});

describe("trestle check: exit 0 (valid)", () => {
  it("prints no issues and a verdict on stderr", async () => {
    const run = await trestle(["check", `${FIXTURES}/valid`]);
    expect(run).toEqual({
      code: 0,
      stdout: "",
      stderr: "test/cli/fixtures/valid/project.yaml: valid (4 actions)\n",
    });
  });

  it("still passes with warnings, printing them as FILE:LINE:COL lines", async () => {
    const run = await trestle(["check", `${FIXTURES}/old-version`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^test\/cli\/fixtures\/old-version\/project\.yaml:\d+:\d+: warning: .*old version/,
    );
    expect(run).toMatchSnapshot();
  });

  it("checks project.yaml in the current folder by default", async () => {
    const run = await trestle(["check"], { cwd: join(ROOT, FIXTURES, "valid") });
    expect(run).toEqual({ code: 0, stdout: "", stderr: "project.yaml: valid (4 actions)\n" });
  });

  it("takes a YAML file by any name", async () => {
    const file = join(temp.path, "other name.yml");
    await writeFile(
      file,
      "version: '5.0'\nactions:\n  a:\n    run: python:v2 a.py\n    outputs:\n      moderately_sensitive:\n        t: output/a.csv\n",
    );
    const run = await trestle(["check", file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`${file}: valid (1 action)\n`);
  });

  it("passes the demo study", async () => {
    const run = await trestle(["check", "examples/demo"]);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "examples/demo/project.yaml: valid (3 actions)\n" });
  });
});

describe("trestle check: exit 1 (invalid)", () => {
  it("prints every error as FILE:LINE:COL: error: MESSAGE and the verdict on stderr", async () => {
    const run = await trestle(["check", `${FIXTURES}/invalid`]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines)
      expect(line).toMatch(/^test\/cli\/fixtures\/invalid\/project\.yaml:\d+:\d+: error: \S/);
    expect(run.stderr).toBe("test/cli/fixtures/invalid/project.yaml: invalid (3 errors)\n");
    expect(run).toMatchSnapshot();
  });

  it("reports a YAML syntax error with its line and column", async () => {
    // Written here rather than kept as a fixture: the repository's YAML linting would reject it.
    const file = join(temp.path, "syntax-error.yaml");
    await writeFile(file, 'version: "5.0"\nactions:\n  a:\n    run: python:v2 a.py\n\toutputs: {}\n');
    const run = await trestle(["check", "syntax-error.yaml"], { cwd: temp.path });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^syntax-error\.yaml:5:1: error: /);
    expect(run).toMatchSnapshot();
  });

  it("--format json prints one object as in the contract", async () => {
    const run = await trestle(["check", `${FIXTURES}/invalid`, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(["valid", "errors", "warnings", "actions"]);
    expect(out.valid).toBe(false);
    expect(out.actions).toEqual([]);
    expect(out.errors).toHaveLength(3);
    for (const error of out.errors) {
      expect(Object.keys(error)).toEqual(["message", "line", "column", "path"]);
      expect(error.line).toBeGreaterThan(0);
      expect(error.path[0]).toBe("actions");
    }
    expect(run.stdout).toMatchSnapshot();
  });

  it("--format github prints one workflow command per issue", async () => {
    const run = await trestle(["check", `${FIXTURES}/invalid`, "--format", "github"]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toMatch(/^::error file=test\/cli\/fixtures\/invalid\/project\.yaml,line=\d+,col=\d+::\S/);
    }
    expect(run).toMatchSnapshot();
  });

  it("--format github names the file relative to GITHUB_WORKSPACE", async () => {
    const run = await trestle(["check", join(ROOT, FIXTURES, "invalid"), "--format", "github"], {
      cwd: temp.path,
      env: { GITHUB_WORKSPACE: ROOT },
    });
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n")[0]).toMatch(
      /^::error file=test\/cli\/fixtures\/invalid\/project\.yaml,line=/,
    );
  });
});

describe("trestle check: valid output in json and github", () => {
  it("--format json lists the actions", async () => {
    const run = await trestle(["check", `${FIXTURES}/valid`, "--format", "json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      valid: true,
      errors: [],
      warnings: [],
      actions: ["extract_cohort", "extract_events", "tabulate", "report"],
    });
  });

  it("--format github prints warnings as ::warning commands", async () => {
    const run = await trestle(["check", `${FIXTURES}/old-version`, "--format", "github"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^::warning file=test\/cli\/fixtures\/old-version\/project\.yaml,line=\d+,col=\d+::/,
    );
  });
});

describe("trestle check: exit 2 (cannot run)", () => {
  const cases: [string, () => string[], RegExp][] = [
    [
      "no such file",
      () => ["check", "no/such/project.yaml"],
      /^trestle check: no\/such\/project\.yaml: no such file or folder\n$/,
    ],
    ["a folder without project.yaml", () => ["check", temp.path], /: no project\.yaml in this folder\n$/],
    [
      "project.yaml that is a folder",
      () => ["check", join(temp.path, "dir-as-file")],
      /project\.yaml: is a folder, not a file\n$/,
    ],
    ["an unknown flag", () => ["check", "--strict"], /unknown option '--strict'/],
    [
      "an unknown format",
      () => ["check", "--format", "xml"],
      /argument 'xml' is invalid\. Allowed choices are text, json, github/,
    ],
    ["a missing format", () => ["check", "--format"], /option '--format <format>' argument missing/],
    ["two paths", () => ["check", "a", "b"], /too many arguments/],
  ];
  beforeAll(async () => {
    await mkdir(join(temp.path, "dir-as-file", "project.yaml"), { recursive: true });
  });
  for (const [name, args, message] of cases) {
    it(`for ${name}`, async () => {
      const run = await trestle(args());
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(message);
    });
  }
});
