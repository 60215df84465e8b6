// Further verified behaviours of the reference (spec/project-yaml.md §15), one scenario per case.
// Base case: v5, one action `a` with `run: python:v2 a.py` and highly_sensitive `x: output/a.csv`.
import { describe, expect, it } from "vitest";
import { expectFirstError, expectValid, load, oneAction, project } from "./helpers.ts";

const base = (version: string) =>
  `version: ${version}\nactions:\n  a:\n    run: python:v2 a.py\n    outputs:\n      highly_sensitive:\n        x: output/a.csv\n`;
const withRun = (run: string, version = 5) =>
  oneAction(`run: ${JSON.stringify(run)}\noutputs:\n  highly_sensitive:\n    x: output/a.csv`, version);
const withPattern = (pattern: string, level = "highly_sensitive") =>
  oneAction(`run: python:v2 a.py\noutputs:\n  ${level}:\n    x: ${JSON.stringify(pattern)}`);
const withNeeds = (needs: string) =>
  project(
    5,
    `a:\n  run: python:v2 a.py\n  needs: ${needs}\n  outputs:\n    highly_sensitive:\n      x: output/a.csv\nb:\n  run: python:v2 b.py\n  outputs:\n    highly_sensitive:\n      y: output/b.csv`,
  );

describe("top level and version", () => {
  it.each(["5", "'5'", "5.0", "'5.0'", "' 5 '", "0x5"])("version %s is 5 with no warning", (v) => {
    const result = expectValid(base(v));
    expect(result.pipeline!.version).toBe(5);
    expect(result.pipeline!.expectations).toBeNull();
    expect(result.warnings).toEqual([]);
  });
  it.each([
    ["4", "4.0"],
    ["4.5", "4.5"],
  ])("version %s warns with (%s)", (v, shown) => {
    expect(expectValid(base(v)).warnings[0]!.message).toBe(
      `Your project file is using an old version (${shown}); consider updating to version 5`,
    );
  });
  it("3.5 ignores a bad expectations section and uses 1000", () => {
    expect(expectValid(`${base("3.5")}expectations:\n  population_size: x\n`).pipeline!.expectations).toEqual(
      { populationSize: 1000 },
    );
  });
  it.each(["0", "-1", "true", "1e0", "1.0e0", ".nan"])("version %s is accepted and behaves like v1", (v) => {
    expect(expectValid(base(v)).pipeline!.expectations).toEqual({ populationSize: 1000 });
  });
  it.each([
    ["6", "v6.0"],
    ["5.1", "v5.1"],
    ["'1_0'", "v10.0"],
    [".inf", "vinf"],
  ])("version %s is too new: got %s", (v, shown) =>
    expectFirstError(base(v), `The latest version is v5, but got ${shown}`),
  );
  it.each(["null", "~"])("version %s is missing", (v) =>
    expectFirstError(base(v), "must have a `version` attribute"),
  );
  it.each(["abc", "[5]", "'0x5'"])("version %s is not a number", (v) =>
    expectFirstError(base(v), "`version` must be a number between 1 and 5"),
  );
  it("unknown top-level keys are listed in file order", () => {
    expectFirstError(`foo: 1\n${base("5")}bar: 2\n`, "Unexpected parameters (foo, bar) in project");
  });
  it.each(["", "actions: null", "actions: []"])("actions %j is not a mapping", (actions) => {
    expectFirstError(
      `version: 5\n${actions}\n`,
      "Project `actions` section must be a dictionary of key/value pairs",
    );
  });
  it("actions: {} is valid with no actions", () =>
    expect(expectValid("version: 5\nactions: {}\n").pipeline!.actions.size).toBe(0));
});

describe("actions", () => {
  it.each(["[]", "foo"])("an action value %s is not a mapping", (v) =>
    expectFirstError(
      project(5, `a: ${v}`),
      "Configuration for action a must be a dictionary of key/value pairs",
    ),
  );
  it("outputs without run", () =>
    expectFirstError(
      oneAction("outputs:\n  highly_sensitive:\n    x: a.csv"),
      "Action a must contain a configuration for 'run'",
    ));
  it("extra keys foo and bar", () =>
    expectFirstError(
      oneAction("run: python:v2 a.py\nfoo: 1\nbar: 2\noutputs:\n  highly_sensitive:\n    x: a.csv"),
      "Unexpected parameters (foo, bar) in action a",
    ));
  it("an extra key and a missing outputs report the missing key first", () =>
    expectFirstError(
      oneAction("run: python:v2 a.py\nfoo: 1"),
      "Action a must contain a configuration for 'outputs'",
    ));
  it.each(["null", "[]"])("outputs: %s is not a mapping", (v) =>
    expectFirstError(
      oneAction(`run: python:v2 a.py\noutputs: ${v}`),
      "`outputs` section for action a must be a dictionary of key/value pairs",
    ),
  );
  it("an unknown level alone", () =>
    expectFirstError(
      oneAction("run: python:v2 a.py\noutputs:\n  secret:\n    x: a.csv"),
      "must specify at least one output of",
    ));
  it("an unknown level beside a valid one", () =>
    expectFirstError(
      oneAction("run: python:v2 a.py\noutputs:\n  secret:\n    x: a.csv\n  highly_sensitive:\n    y: b.csv"),
      "Unexpected parameters (secret) in `outputs` section for action a",
    ));
  it("a null level beside a valid one is fine", () =>
    void expectValid(
      oneAction(
        "run: python:v2 a.py\noutputs:\n  highly_sensitive: null\n  moderately_sensitive:\n    x: a.csv",
      ),
    ));
  it("an empty level is fine", () =>
    void expectValid(oneAction("run: python:v2 a.py\noutputs:\n  highly_sensitive: {}")));
  it.each(["[]", "foo"])("a level given as %s", (v) =>
    expectFirstError(
      oneAction(`run: python:v2 a.py\noutputs:\n  highly_sensitive: ${v}`),
      "`highly_sensitive` section for action a must be a dictionary of key/value pairs",
    ),
  );
  it.each(["1", "null"])("an output value %s", (v) =>
    expectFirstError(
      oneAction(`run: python:v2 a.py\noutputs:\n  highly_sensitive:\n    x: ${v}`),
      "`x` output for action a must be a string",
    ),
  );
  it("an integer output name is fine", () =>
    void expectValid(oneAction("run: python:v2 a.py\noutputs:\n  highly_sensitive:\n    1: a.csv")));
  it("levels are checked highly first, whatever the file order", () =>
    expectFirstError(
      oneAction(
        "run: python:v2 a.py\noutputs:\n  moderately_sensitive:\n    x: a.pdf\n  highly_sensitive:\n    y: b",
      ),
      "Output path b is invalid: output paths must have a file type extension at the end",
    ));
  it.each(["1", "null"])("run: %s is not a string", (v) =>
    expectFirstError(
      oneAction(`run: ${v}\noutputs:\n  highly_sensitive:\n    x: a.csv`),
      "`run` section for action a must be a string",
    ),
  );
  it.each([
    " python:v2 a.py",
    '"python:v2" a.py',
    ":v2 a.py",
    "python:v. a.py",
    "python:v1..2 a.py",
    "python:v1-pre",
    "python:dev",
  ])("run %j is valid", (run) => void expectValid(withRun(run)));
  it("a folded multi-line run is valid", () =>
    void expectValid(oneAction("run: >\n  python:v2\n  a.py\noutputs:\n  highly_sensitive:\n    x: a.csv")));
  it("a literal multi-line run is valid", () =>
    void expectValid(oneAction("run: |\n  python:v2\n  a.py\noutputs:\n  highly_sensitive:\n    x: a.csv")));
  it.each([
    ["python a.py", "python"],
    ["python:v2:x", "python"],
    ["python:V1", "python"],
    ["python:v1-rc", "python"],
    ["python:1.0", "python"],
    ["Some Weird/Image:v2 a.py", "Some"],
  ])("run %j fails the version rule for %s", (run, name) =>
    expectFirstError(
      withRun(run),
      `Action command ${name} must have a version specified in the form :vN (e.g. ${name}:v2)`,
    ),
  );
  it("python:latest is refused in v5", () =>
    expectFirstError(
      withRun("python:latest"),
      "Action a uses `python:latest`, which is not supported. Provide a version e.g. `:v2` instead",
    ));
  it("python:latest is fine in v4", () => void expectValid(withRun("python:latest", 4)));
});

describe("needs", () => {
  it("needs: b is not a list", () =>
    expectFirstError(withNeeds("b"), "`needs` section for action a must be a list"));
  it.each(["null", "[]", "[a]", "[b, a]", "[a, a]", "[b]"])(
    "needs: %s is fine (self, cycles and repeats are the reference's; see deviations)",
    (needs) => {
      const result = load(withNeeds(needs));
      expect(result.errors.filter((e) => e.code !== "needs-cycle").map((e) => e.message)).toEqual([]);
    },
  );
  it("a forward reference is fine", () => void expectValid(withNeeds("[b]")));
  it("the first unknown name is reported first", () =>
    expectFirstError(
      withNeeds("[zz, yy]"),
      "Action `a` references an unknown action in its `needs` list: zz",
    ));
  it("a space separates names wrongly", () =>
    expectFirstError(
      withNeeds("['b c']"),
      "`needs` actions should be separated with commas, but a needs `b c`",
    ));
  it.each(["['b,c']", '["b\\tc"]'])("%s is an unknown name", (needs) =>
    expectFirstError(withNeeds(needs), "references an unknown action"),
  );
  it("the commas message comes before an unknown name", () =>
    expectFirstError(withNeeds("[zz, 'b c']"), "should be separated with commas"));
});

describe("config and dummy_data_file", () => {
  it.each(["[]", "foo"])("config: %s is not a mapping", (v) =>
    expectFirstError(
      oneAction(`run: python:v2 a.py\nconfig: ${v}\noutputs:\n  highly_sensitive:\n    x: a.csv`),
      "`config` section for action a must be a dictionary of key/value pairs",
    ),
  );
  it.each(["null", "{}", "{a: {b: [1, 2020-01-01]}}"])(
    "config: %s is fine",
    (v) =>
      void expectValid(
        oneAction(`run: python:v2 a.py\nconfig: ${v}\noutputs:\n  highly_sensitive:\n    x: a.csv`),
      ),
  );
  it("dummy_data_file: 1 is not a string", () =>
    expectFirstError(
      oneAction("run: python:v2 a.py\ndummy_data_file: 1\noutputs:\n  highly_sensitive:\n    x: a.csv"),
      "`dummy_data_file` section for action a must be a string",
    ));
});

describe("action names", () => {
  it.each(["'a b/c:d!'", "1", "''", "~", "__error__"])(
    "%s is an acceptable action name",
    (name) =>
      void expectValid(
        project(5, `${name}:\n  run: python:v2 a.py\n  outputs:\n    highly_sensitive:\n      x: a.csv`),
      ),
  );
});

describe("output patterns", () => {
  it.each([
    "output/a.csv",
    "a.csv",
    "output/*.csv",
    "*.csv",
    "output/*/a.csv",
    "out*/a*.csv",
    "output/a.csv.gz",
    "output/a.feather",
    "output/a.arrow",
    "output/a.c*v",
    "output/a.*.csv",
    "c:a.csv",
    "metadata.csv",
    "Metadata/a.csv",
    "output/metadata/a.csv",
    "output/a].csv",
    "output/{a,b}.csv",
    "output/a b.csv",
    "output/a .csv",
    "output/a. csv",
    "~/a.csv",
    "$HOME/a.csv",
    "output/a.CSV",
    "output/.hidden.csv",
  ])("%j is valid", (pattern) => void expectValid(withPattern(pattern)));
  it.each([
    "output/a",
    "output/a.",
    "output/.csv",
    "output/a.*",
    "output/*",
    "output/",
    ".",
    "..",
    "metadata",
    "",
    " ",
    "d:",
    "output/.hidden",
  ])("%j has no extension", (pattern) =>
    expectFirstError(withPattern(pattern), "output paths must have a file type extension at the end"),
  );
  it.each(["/abs/a.csv", "//server/share/a.csv", "c:/a.csv", "1:/a.csv"])("%j is absolute", (p) =>
    expectFirstError(withPattern(p), "is an absolute path"),
  );
  it.each(["C:\\a.csv", "output\\a.csv"])("%j has a backslash", (p) =>
    expectFirstError(withPattern(p), "contains back slashes (use forward slashes only)"),
  );
  it.each([
    "output/../a.csv",
    "a/../../b.csv",
    "./a.csv",
    "output/./a.csv",
    "output//a.csv",
    "output/a.csv/",
  ])("%j is not in standard form", (p) =>
    expectFirstError(withPattern(p), "is not in standard form (contains double slashes or '..' elements)"),
  );
  it("metadata/a.csv is in the metadata directory", () =>
    expectFirstError(withPattern("metadata/a.csv"), "should not include the metadata directory"));
  it.each([
    ["output/**/a.csv", "'**'"],
    ["output/a?.csv", "'?'"],
    ["output/[ab].csv", "'['"],
  ])("%j contains %s", (p, token) =>
    expectFirstError(withPattern(p), `contains ${token} (only the * wildcard character is supported)`),
  );
  it.each([".csv", ".jpg", ".jpeg", ".png", ".svg", ".svgz", ".html", ".txt", ".log", ".json", ".md"])(
    "moderately_sensitive %s is allowed",
    (ext) => void expectValid(withPattern(`output/a${ext}`, "moderately_sensitive")),
  );
  it.each(["a.CSV", "a.pdf", "a.tsv", "a.rds", "a.csv.gz", "a.htm", "a.gif", "a.xlsx", "a.dta"])(
    "moderately_sensitive %s is not",
    (p) =>
      expectFirstError(
        withPattern(p, "moderately_sensitive"),
        `${p} is not an allowed file type for moderately_sensitive outputs`,
      ),
  );
  it.each(["./x/a.pdf", "x//a.pdf"])("moderately_sensitive %s is shown normalised as x/a.pdf", (p) =>
    expectFirstError(
      withPattern(p, "moderately_sensitive"),
      `Output path ${p} is invalid: x/a.pdf is not an allowed file type`,
    ),
  );
  it.each(["a.pdf", "a.rds", "a.csv.gz"])(
    "minimally_sensitive %s is allowed",
    (p) => void expectValid(withPattern(p, "minimally_sensitive")),
  );
});

describe("across actions", () => {
  const two = (a: string, b: string, version = 5) => project(version, `a:\n${a}\nb:\n${b}`);
  const act = (run: string, out: string, extra = "") =>
    `  run: ${run}\n${extra}  outputs:\n    highly_sensitive:\n      x: ${out}`;
  it("the same path in one level", () =>
    expectFirstError(
      oneAction("run: python:v2 a.py\noutputs:\n  highly_sensitive:\n    x: a.csv\n    y: a.csv"),
      "Output path a.csv is not unique",
    ));
  it("the same path across levels", () =>
    expectFirstError(
      oneAction(
        "run: python:v2 a.py\noutputs:\n  highly_sensitive:\n    x: a.csv\n  minimally_sensitive:\n    y: a.csv",
      ),
      "Output path a.csv is not unique",
    ));
  it("the same path across actions", () =>
    expectFirstError(
      two(act("python:v2 a.py", "a.csv"), act("python:v2 b.py", "a.csv")),
      "Output path a.csv is not unique",
    ));
  it("the same path across actions in v1 is fine", () =>
    void expectValid(two(act("python:v2 a.py", "a.csv"), act("python:v2 b.py", "a.csv"), 1)));
  it("overlapping globs are fine", () =>
    void expectValid(two(act("python:v2 a.py", "output/*.csv"), act("python:v2 b.py", "output/a.csv"))));
  it("the same run", () =>
    expectFirstError(
      two(act("python:v2 a.py", "a.csv"), act("python:v2 a.py", "b.csv")),
      "Action b has the same 'run' command as other actions: a",
    ));
  it("the third repeating the first names the first", () =>
    expectFirstError(
      project(
        5,
        `a:\n${act("python:v2 a.py", "a.csv")}\nb:\n${act("python:v2 b.py", "b.csv")}\nc:\n${act("python:v2 a.py", "c.csv")}`,
      ),
      "Action c has the same 'run' command as other actions: a",
    ));
  it("a different config does not make runs different", () =>
    expectFirstError(
      two(
        act("python:v2 a.py", "a.csv", "  config: {x: 1}\n"),
        act("python:v2 a.py", "b.csv", "  config: {x: 2}\n"),
      ),
      "has the same 'run' command",
    ));
  it("a double space makes runs different", () =>
    void expectValid(two(act("python:v2 a.py", "a.csv"), act("python:v2  a.py", "b.csv"))));
  it("duplicate run, path and unknown need: the run first", () =>
    expectFirstError(
      two(act("python:v2 a.py", "a.csv"), act("python:v2 a.py", "a.csv", "  needs: [zz]\n")),
      "has the same 'run' command",
    ));
  it("duplicate path and unknown need: the path first", () =>
    expectFirstError(
      two(act("python:v2 a.py", "a.csv"), act("python:v2 b.py", "a.csv", "  needs: [zz]\n")),
      "is not unique",
    ));
  it(":latest and duplicate run: :latest first", () =>
    expectFirstError(
      two(act("python:latest a.py", "a.csv"), act("python:latest a.py", "b.csv")),
      "which is not supported",
    ));
  it("cohortextractor in the second and :latest in the first: cohortextractor first", () =>
    expectFirstError(
      two(act("python:latest a.py", "a.csv"), act("cohortextractor:v1 generate_cohort", "b.csv")),
      "uses cohortextractor actions",
    ));
  it("a bad pattern in the second and :latest in the first: the pattern first", () =>
    expectFirstError(
      two(act("python:latest a.py", "a.csv"), act("python:v2 b.py", "b")),
      "Output path b is invalid",
    ));
});

describe("expectations", () => {
  it.each([
    ["1", ""],
    ["1", "expectations: garbage"],
    ["2", "expectations:\n  population_size: 5"],
  ])("v%s %j: population 1000", (v, extra) =>
    expect(expectValid(`${base(v)}${extra}\n`).pipeline!.expectations).toEqual({ populationSize: 1000 }),
  );
  it.each(["", "expectations:", "expectations: null"])("v3 with %j must include it", (extra) =>
    expectFirstError(`${base("3")}${extra}\n`, "Project must include `expectations` section"),
  );
  it("v3 with a list", () =>
    expectFirstError(
      `${base("3")}expectations: []\n`,
      "Project `expectations` section must be a dictionary of key/value pairs",
    ));
  it.each(["{}", "{foo: 1}"])("v3 with %s must include population_size", (v) =>
    expectFirstError(`${base("3")}expectations: ${v}\n`, "must include `population_size` section"),
  );
  it("v3 with an extra key", () =>
    expectFirstError(
      `${base("3")}expectations: {population_size: 10, foo: 1}\n`,
      "Unexpected parameters (foo) in project `expectations` section",
    ));
  it.each([
    ["10", 10],
    ["'10'", 10],
    ["' 7 '", 7],
    ["'1_000'", 1000],
    ["0x10", 16],
    ["10.7", 10],
    ["-5", -5],
    ["0", 0],
    ["true", 1],
    ["1e3", 1000],
  ])("v3 population_size %s is %s", (v, n) =>
    expect(
      expectValid(`${base("3")}expectations:\n  population_size: ${v}\n`).pipeline!.expectations,
    ).toEqual({ populationSize: n }),
  );
  it.each(["'10.7'", "'1e3'", "null", "abc", "[1]"])("v3 population_size %s is not a number", (v) =>
    expectFirstError(
      `${base("3")}expectations:\n  population_size: ${v}\n`,
      "Project expectations population size must be a number",
    ),
  );
  it.each(["4", "5"])("v%s with expectations is refused", (v) =>
    expectFirstError(
      `${base(v)}expectations:\n  population_size: 10\n`,
      "which is not supported in this version",
    ),
  );
  it("v4 with a null expectations is fine", () => void expectValid(`${base("4")}expectations:\n`));
  it("v3 with a bad pattern and no expectations: the pattern first", () =>
    expectFirstError(
      oneAction("run: python:v2 a.py\noutputs:\n  highly_sensitive:\n    x: a", 3),
      "Output path a is invalid",
    ));
});

describe("ehrQL generate-dataset", () => {
  const ehrql = (run: string, outputs: string) =>
    oneAction(`run: ${JSON.stringify(run)}\noutputs:\n${outputs}`);
  const hs = (...patterns: string[]) =>
    `  highly_sensitive:\n${patterns.map((p, i) => `    o${i}: ${p}`).join("\n")}`;
  it.each([
    ["ehrql:v1 generate-dataset d.py --output output/dataset.csv.gz", hs("output/dataset.csv.gz")],
    ["ehrql:v1 generate-dataset d.py --output=output/dataset.csv.gz", hs("output/dataset.csv.gz")],
    [
      "ehrql:v1 generate-dataset d.py --output output/dataset.csv.gz",
      hs("output/other.csv", "output/dataset.csv.gz"),
    ],
    ["ehrql:v1 generate-dataset d.py --output 'output/dataset.csv.gz'", hs("output/dataset.csv.gz")],
    ["ehrql:v1 generate-dataset --output=output/dataset.csv.gz d.py", hs("output/dataset.csv.gz")],
    [
      "ehrql:v1 generate-dataset d.py --output output/dataset.csv.gz --output output/x.csv",
      hs("output/dataset.csv.gz"),
    ],
    ["ehrql:v1 generate-dataset d.py --output output/ds:csv", hs("output/ds/*.csv")],
    ["ehrql:v1 generate-dataset d.py --output output/ds:csv", hs("output/ds/a.csv", "output/ds/b.csv")],
    ["ehrql:v1 generate-dataset d.py --output output/ds:csv", hs("output/ds/sub/a.csv")],
    ["ehrql:v1 generate-dataset d.py --output output/ds/:csv", hs("output/ds/*.csv")],
    ["ehrql:v1 generate-measures m.py --output output/m.csv", "  moderately_sensitive:\n    m: output/m.csv"],
    ["ehrql:v1 dump-dataset-sql d.py --output output/d.sql", "  moderately_sensitive:\n    m: output/d.txt"],
    ["ehrql:v1  generate-dataset d.py", "  moderately_sensitive:\n    m: output/m.csv"],
    [" ehrql:v1 generate-dataset d.py", "  moderately_sensitive:\n    m: output/m.csv"],
    ["ehrqlx:v1 generate-dataset d.py", "  moderately_sensitive:\n    m: output/m.csv"],
    [
      "ehrql:v1 generate-dataset d.py --output output/d.csv",
      `${hs("output/d.csv")}\n  moderately_sensitive: {}`,
    ],
  ])("%j is valid", (run, outputs) => void expectValid(ehrql(run, outputs)));
  it.each([
    "ehrql:v1 generate-dataset d.py",
    "ehrql:v1 generate-dataset d.py -o output/d.csv",
    "ehrql:v1 generate-dataset d.py --output",
    "ehrql:v1 generate-dataset d.py --output=",
    "ehrql:v1 generate_dataset d.py",
  ])("%j does not provide an --output", (run) =>
    expectFirstError(ehrql(run, hs("output/d.csv")), "`a` action does not provide an `--output` argument"),
  );
  it.each([
    ["ehrql:v1 generate-dataset d.py --output output/m.csv", "  moderately_sensitive:\n    m: output/m.csv"],
    [
      "ehrql:v1 generate-dataset d.py --output output/d.csv",
      `${hs("output/d.csv")}\n  minimally_sensitive:\n    m: output/m.csv`,
    ],
    ["ehrql:v1 generate-datasetfoo d.py", "  moderately_sensitive:\n    m: output/m.csv"],
  ])("%j must label all outputs highly_sensitive", (run, outputs) =>
    expectFirstError(
      ehrql(run, outputs),
      "`a` action uses `generate-dataset` and so all outputs must be labelled `highly_sensitive`",
    ),
  );
  it("a file spec mismatch says exactly what it got and expected", () => {
    expect(
      load(ehrql("ehrql:v1 generate-dataset d.py --output output/other.csv.gz", hs("output/dataset.csv.gz")))
        .errors[0]!.message,
    ).toBe(
      "output specification must match the `--output` argument in the `run` command\n              got: output/dataset.csv.gz\nbut was expecting: output/other.csv.gz",
    );
  });
  it("a directory spec mismatch lists every pattern", () => {
    expect(
      load(
        ehrql(
          "ehrql:v1 generate-dataset d.py --output output/ds:arrow",
          hs("output/ds/*.csv", "output/ds/x.csv"),
        ),
      ).errors[0]!.message,
    ).toBe(
      `output specification must match the \`--output\` argument in the \`run\` command\n              got: output/ds/*.csv${" ".repeat(19)}\noutput/ds/x.csv\nbut was expecting: output/ds/:arrow`,
    );
  });
  it("an empty highly_sensitive with a file spec shows nothing after got:", () => {
    expect(
      load(ehrql("ehrql:v1 generate-dataset d.py --output output/d.csv", "  highly_sensitive: {}")).errors[0]!
        .message,
    ).toContain("              got: \n");
  });
  it("databuilder is still checked in v5", () =>
    expectFirstError(
      ehrql("databuilder:v0 generate-dataset d.py --output output/x.csv", hs("output/dataset.csv.gz")),
      "output specification must match",
    ));
});

describe("cohortextractor generate_cohort", () => {
  const cohort = (run: string, outputs: string, version = 3) =>
    oneAction(
      `run: ${JSON.stringify(run)}\noutputs:\n${outputs}`,
      version,
      version === 3 ? "expectations:\n  population_size: 10" : "",
    );
  it.each([
    [
      "cohortextractor:latest generate_cohort --study-definition sd",
      "  highly_sensitive:\n    c: output/input.csv",
    ],
    [
      "cohortextractor:latest generate_cohort --output-dir output",
      "  highly_sensitive:\n    c: output/input.csv\n    d: other/input.csv",
    ],
    ["cohortextractor:latest generate_cohort", "  moderately_sensitive:\n    c: output/input.csv"],
    ["cohortextractor:latest generate_cohort", "  highly_sensitive:\n    c: input.csv\n    d: other.csv"],
  ])("%j with %j is valid", (run, outputs) => void expectValid(cohort(run, outputs)));
  it("two directories without --output-dir list each directory (sorted)", () => {
    expect(
      load(
        cohort(
          "cohortextractor:latest generate_cohort",
          "  highly_sensitive:\n    c: output/input.csv\n    d: other/input.csv",
        ),
      ).errors[0]!.message,
    ).toBe(
      "generate_cohort command should produce output in only one directory, found 2:\n - other/\n - output/",
    );
  });
  it.each([
    "  highly_sensitive:\n    c: output/input.csv\n  minimally_sensitive:\n    d: output/m.csv",
    "  highly_sensitive: {}\n  moderately_sensitive:\n    d: output/m.csv",
  ])("two levels: %j", (outputs) =>
    expectFirstError(
      cohort("cohortextractor:latest generate_cohort", outputs),
      "A `generate_cohort` action must have exactly one output; a had 2",
    ),
  );
  it("only an empty highly_sensitive finds no directory", () => {
    expect(
      load(cohort("cohortextractor:latest generate_cohort", "  highly_sensitive: {}")).errors[0]!.message,
    ).toBe("generate_cohort command should produce output in only one directory, found 0:");
  });
  it.each([
    "cohortextractor:latest generate_cohort",
    "cohortextractor:latest generate_measures",
    "cohortextractor-v2:latest generate_cohort",
  ])("v4 %j is refused", (run) =>
    expectFirstError(
      cohort(run, "  highly_sensitive:\n    c: output/input.csv", 4),
      "Action a uses cohortextractor actions, which are not supported in this version.",
    ),
  );
});
