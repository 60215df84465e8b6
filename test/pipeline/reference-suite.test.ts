// The reference library's own test suite (spec/project-yaml.md §14), one scenario per case.
import { describe, expect, it } from "vitest";
import { featuresFor } from "../../src/pipeline/features.ts";
import { buildGraph, expandRequested } from "../../src/pipeline/index.ts";
import { matchOutputSpec, outputArgument } from "../../src/pipeline/rules/command-outputs.ts";
import { validFixture } from "./fixtures.ts";
import { expectFirstError, expectValid, load, oneAction, project } from "./helpers.ts";

const hs = "outputs:\n  highly_sensitive:\n    cohort: output/input.csv";

describe("features (test_features.py)", () => {
  it.each([
    [1, [false, false, false, false, false]],
    [2, [true, false, false, false, false]],
    [3, [true, true, false, false, false]],
    [4, [true, false, true, false, false]],
    [5, [true, false, true, true, true]],
  ])("v%s turns on the right flags", (version, flags) => {
    const f = featuresFor(version);
    expect([
      f.uniqueOutputPath,
      f.expectationsPopulation,
      f.removeCohortExtractor,
      f.removeRunAllAction,
      f.removeLatestTag,
    ]).toEqual(flags);
  });
  it("v6 is refused: The latest version is v5, but got v6.0", () => {
    expectFirstError(oneAction(`run: python:v2 a.py\n${hs}`, 6), "The latest version is v5, but got v6.0");
  });
});

describe("legacy output patterns (test_legacy.py)", () => {
  it("collects every output pattern of a v1 project", () => {
    const result = expectValid(
      project(
        1,
        `first:
  run: python:latest python analyse1.py
  outputs:
    moderately_sensitive:
      cohort: output/input.csv
      other: output/graph_*.png
second:
  run: python:latest python analyse2.py
  outputs:
    moderately_sensitive:
      second: output/*.csv`,
      ),
    );
    const patterns = new Set(
      [...result.pipeline!.actions.values()].flatMap((a) =>
        Object.values(a.outputs).flatMap((l) => Object.values(l ?? {})),
      ),
    );
    expect(patterns).toEqual(new Set(["output/input.csv", "output/graph_*.png", "output/*.csv"]));
  });
});

describe("loading (test_loading.py, test_main.py)", () => {
  it("a duplicate key is a YAML error at the duplicate", () => {
    const result = load("test:\ntest:\n");
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatchObject({ line: 2, column: 1, code: "yaml-duplicate-key" });
    expect(result.errors[0]!.message).toContain('found duplicate key "test"');
  });
  it("a nested duplicate key names the key and the duplicated value", () => {
    expectFirstError(
      "version: 5\nactions:\n  a:\n    duplicate: 1\n    duplicate: 2\n",
      'found duplicate key "duplicate" with value "2"',
    );
  });
  it("an empty stream is a clean error, not a crash", () => {
    expect(load("").errors[0]!.message).toMatch(/empty/);
  });
  it("the valid fixture project loads from text and from bytes", () => {
    const text = validFixture();
    expect(load(text).valid).toBe(true);
    expect(expectValid(text).pipeline!.allActions).toHaveLength(7);
  });
  it("version: asdf is invalid", () => {
    expectFirstError("version: asdf\nactions: {}\n", "`version` must be a number between 1 and 5");
  });
});

describe("models (test_models.py)", () => {
  it('17: version "4" as a string with test:latest is valid', () => {
    expectValid(
      project(
        '"4"',
        `a:\n  run: test:latest\n  outputs:\n    moderately_sensitive:\n      dataset: output.csv`,
      ),
    );
  });
  it.each(["test", "test:", "test:v", "test:other", "test:vnotdigits", "test:v1x1", "test:pre"])(
    "18-24: run %s has no valid version",
    (run) => expectFirstError(oneAction(`run: "${run}"\n${hs}`, 1), "test must have a version specified"),
  );
  it.each(["v1", "v2", "v1.2", "v1.2.3", "dev", "latest", "v1-pre", "v1.2-pre"])(
    "25-32: run test:%s is valid with that tag",
    (tag) => {
      const a = expectValid(oneAction(`run: test:${tag}\n${hs}`, 1)).pipeline!.actions.get("a")!;
      expect(a.run.image).toBe("test");
      expect(a.run.tag).toBe(tag);
    },
  );
  it("33: generate_cohort with --output-dir may write to two directories", () => {
    const run = "cohortextractor:latest generate_cohort --output-dir=output";
    const a = expectValid(
      oneAction(
        `run: ${run}\noutputs:\n  moderately_sensitive:\n    cohort: output/input.csv\n    cohort2: other/graph.png`,
        1,
      ),
    ).pipeline!.actions.get("a")!;
    expect(a.run.raw).toBe(run);
  });
  it("34: generate_cohort without --output-dir may not", () => {
    expectFirstError(
      oneAction(
        "run: cohortextractor:latest generate_cohort\noutputs:\n  moderately_sensitive:\n    cohort: output/input.csv\n    cohort2: other/graph.png",
        1,
      ),
      "generate_cohort command should produce output in only one directory, found 2:",
    );
  });
  it("35: generate_cohort with two privacy levels", () => {
    expectFirstError(
      project(
        1,
        "generate_cohort:\n  run: cohortextractor:latest generate_cohort\n  outputs:\n    highly_sensitive:\n      cohort: output/input.csv\n    moderately_sensitive:\n      cohort2: other/graph.png",
      ),
      "A `generate_cohort` action must have exactly one output; generate_cohort had 2",
    );
  });
  it.each([
    ["databuilder", "moderately_sensitive"],
    ["databuilder", "minimally_sensitive"],
    ["ehrql", "moderately_sensitive"],
    ["ehrql", "minimally_sensitive"],
  ])("36-39: %s generate-dataset with only %s outputs", (image, level) => {
    expectFirstError(
      project(
        1,
        `generate_cohort:\n  run: ${image}:latest generate-dataset\n  outputs:\n    ${level}:\n      cohort: output/input.csv`,
      ),
      "`generate_cohort` action uses `generate-dataset` and so all outputs must be labelled `highly_sensitive`",
    );
  });
  it("41: generate-dataset without --output", () => {
    expectFirstError(
      project(4, `generate_dataset:\n  run: ehrql:v1 generate-dataset\n  ${hs.replaceAll("\n", "\n  ")}`),
      "`generate_dataset` action does not provide an `--output` argument specifying where the results of `generate-dataset` should be stored",
    );
  });
  it("42: generate_cohort with one highly_sensitive output has one level", () => {
    const a = expectValid(
      oneAction(`run: cohortextractor:latest generate_cohort\n${hs}`, 1),
    ).pipeline!.actions.get("a")!;
    expect(Object.keys(a.outputs)).toHaveLength(1);
  });
  it("43: a directory --output matches a glob in that directory", () => {
    expectValid(
      oneAction(
        "run: ehrql:v1 generate-dataset --output outputs:arrow\noutputs:\n  highly_sensitive:\n    d: outputs/*.arrow",
        4,
      ),
    );
  });
  it("44: a directory --output does not match a file beside it", () => {
    const message = load(
      oneAction(
        "run: ehrql:v1 generate-dataset --output outputs:arrow\noutputs:\n  highly_sensitive:\n    d: outputs.arrow",
        4,
      ),
    ).errors[0]!.message;
    expect(message).toBe(
      "output specification must match the `--output` argument in the `run` command\n              got: outputs.arrow\nbut was expecting: outputs/:arrow",
    );
  });
  it('45: version "4" refuses cohortextractor', () => {
    expectFirstError(
      oneAction(`run: cohortextractor:latest generate_cohort\n${hs}`, '"4"'),
      "uses cohortextractor actions, which are not supported in this version.",
    );
  });
  it("46: the run string is split into image, tag and args", () => {
    const a = expectValid(
      oneAction(`run: cohortextractor:latest generate_cohort another_arg\n${hs}`, 1),
    ).pipeline!.actions.get("a")!;
    expect(a.run.args).toBe("generate_cohort another_arg");
    expect(a.run.image).toBe("cohortextractor");
    expect(a.run.parts).toEqual(["cohortextractor:latest", "generate_cohort", "another_arg"]);
    expect(a.run.tag).toBe("latest");
  });
  it("47: v2 ignores the expectations given and uses 1000", () => {
    expect(
      expectValid(oneAction(`run: python:v2 a.py\n${hs}`, 2, "expectations: {}")).pipeline!.expectations,
    ).toEqual({
      populationSize: 1000,
    });
  });
  it("48: v4 refuses an expectations section", () => {
    expectFirstError(
      oneAction(`run: ehrql:v1 generate-dataset --output output/input.csv\n${hs}`, 4, "expectations: {}"),
      "Project includes `expectations` section",
    );
  });
  it("49: v3 requires expectations", () => {
    expectFirstError(
      oneAction(`run: python:v2 a.py\n${hs}`, 3),
      "Project must include `expectations` section",
    );
  });
  it("50: v3 requires population_size", () => {
    expectFirstError(
      oneAction(`run: python:v2 a.py\n${hs}`, 3, "expectations: {}"),
      "Project `expectations` section must include `population_size` section",
    );
  });
  it("51: v3 population_size must be a number", () => {
    expectFirstError(
      oneAction(`run: python:v2 a.py\n${hs}`, 3, "expectations:\n  population_size: test"),
      "Project expectations population size must be a number",
    );
  });
  it("52: all_actions lists every action in file order", () => {
    expect(expectValid(validFixture()).pipeline!.allActions).toEqual([
      "generate_dataset",
      "prepare_data_m",
      "prepare_data_f",
      "prepare_data_with_quote_in_filename",
      "analyse_data",
      "test_reusable_action",
      "test_cancellation",
    ]);
  });
  it("53: needs naming an existing action is kept", () => {
    const p = expectValid(
      project(
        1,
        `generate_cohort:\n  run: cohortextractor:latest generate_cohort\n  ${hs.replaceAll("\n", "\n  ")}\ndo_analysis:\n  run: python:latest foo.py\n  needs: [generate_cohort]\n  outputs:\n    moderately_sensitive:\n      x: output/x.csv`,
      ),
    ).pipeline!;
    expect(p.actions.get("do_analysis")!.needs).toEqual(["generate_cohort"]);
  });
  it("54: needs entries separated by a space", () => {
    expectFirstError(
      project(
        1,
        `generate_cohort:\n  run: python:latest a.py\n  ${hs.replaceAll("\n", "\n  ")}\ndo_analysis:\n  run: python:latest b.py\n  ${hs.replace("cohort:", "c2:").replace("input", "b").replaceAll("\n", "\n  ")}\ndo_further_analysis:\n  run: python:latest c.py\n  needs: ["generate_cohort do_analysis"]\n  ${hs.replace("cohort:", "c3:").replace("input", "c").replaceAll("\n", "\n  ")}`,
      ),
      "`needs` actions should be separated with commas, but do_further_analysis needs `generate_cohort do_analysis`",
    );
  });
  it("55: needs naming an unknown action", () => {
    expectFirstError(
      project(1, `action1:\n  run: python:latest a.py\n  needs: [action2]\n  ${hs.replaceAll("\n", "\n  ")}`),
      "Action `action1` references an unknown action in its `needs` list: action2",
    );
  });
  it("56: two actions with the same run", () => {
    expectFirstError(
      project(
        1,
        `action1:\n  run: test:latest\n  ${hs.replaceAll("\n", "\n  ")}\naction2:\n  run: test:latest\n  ${hs.replaceAll("\n", "\n  ")}`,
      ),
      "Action action2 has the same 'run' command as other actions: action1",
    );
  });
  it("57: an action with no body", () => {
    expectFirstError(project(1, "action1:"), "Configuration for action action1 must be a dictionary");
  });
  it("58: an empty action", () => {
    expectFirstError(project(1, "action1: {}"), "Action action1 must contain a configuration for 'run'");
  });
  it("59: an empty run", () => {
    expectFirstError(
      project(1, `action1:\n  run: ""\n  ${hs.replaceAll("\n", "\n  ")}`),
      "run must have a value, action1 has an empty run key",
    );
  });
  it("60: an action without outputs", () => {
    expectFirstError(
      project(1, "action1:\n  run: test"),
      "Action action1 must contain a configuration for 'outputs'",
    );
  });
  it.each([
    ["missing", "actions: {}\nexpectations:\n  population_size: 10\n"],
    ["null", "version: null\nactions: {}\nexpectations:\n  population_size: 10\n"],
  ])("61: version %s", (_, text) => expectFirstError(text, "Project file must have a `version` attribute"));
  it('62: version "test"', () =>
    expectFirstError("version: test\nactions: {}\n", "`version` must be a number between 1 and"));
  it("63: v2 refuses the same path twice in one action", () => {
    expectFirstError(
      oneAction(
        "run: python:latest a.py\noutputs:\n  highly_sensitive:\n    a: output/input.csv\n    b: output/input.csv",
        2,
      ),
      "Output path output/input.csv is not unique",
    );
  });
  it("64: v1 allows it", () => {
    const a = expectValid(
      oneAction(
        "run: python:latest a.py\noutputs:\n  highly_sensitive:\n    a: output/input.csv\n    b: output/input.csv",
        1,
      ),
    ).pipeline!.actions.get("a")!;
    expect(a.outputs.highly_sensitive).toEqual({ a: "output/input.csv", b: "output/input.csv" });
  });
  it.each([
    ["empty", "outputs: {}"],
    ["unknown level", "outputs:\n  test:\n    a: a.csv"],
  ])("65: outputs %s", (_, outputs) =>
    expectFirstError(
      oneAction(`run: python:latest a.py\n${outputs}`, 1),
      "must specify at least one output of: highly_sensitive, moderately_sensitive, minimally_sensitive",
    ),
  );
  it("66: a pattern without an extension", () => {
    expectFirstError(
      oneAction("run: python:latest a.py\noutputs:\n  highly_sensitive:\n    test: test/foo", 1),
      "Output path test/foo is invalid:",
    );
  });
  it.each(["databuilder:latest", "ehrql:v1"])("67-68: %s generate-dataset --output= matching", (image) => {
    expectValid(
      oneAction(
        `run: ${image} generate-dataset --output=output/dataset.csv\noutputs:\n  highly_sensitive:\n    d: output/dataset.csv`,
        1,
      ),
    );
  });
  it.each(["databuilder:latest", "ehrql:v1"])(
    "69-70: %s generate-dataset --output= not matching",
    (image) => {
      expectFirstError(
        oneAction(
          `run: ${image} generate-dataset --output=output/dataset1.csv\noutputs:\n  highly_sensitive:\n    d: output/dataset.csv`,
          1,
        ),
        "output specification must match the `--output` argument in the `run` command",
      );
    },
  );
  it("71: the underscore spelling generate_dataset triggers the same rules", () => {
    expectFirstError(
      oneAction(
        "run: databuilder:latest generate_dataset --output=output/dataset1.csv\noutputs:\n  highly_sensitive:\n    d: output/dataset.csv",
        1,
      ),
      "output specification must match",
    );
  });
  it.each([
    ["ehrql:v1 generate-dataset a.py --output=output/input.csv", true],
    ["ehrql:v1 generate-dataset b.py --output=output/input.csv", true],
    ["ehrql:v1 generate-measures args --option", true],
    ["sqlrunner:v1 foo -output=output/input.csv", true],
    ["cohortextractor:latest generate_cohort args --option", true],
    ["databuilder:v0 generate-dataset a.py --output=output/input.csv", true],
    ["cohortextractor:latest generate_measures args", false],
    ["python:latest generate-measures.py args", false],
    ["ehrql:v1", false],
  ])("72-80: %s is a database action: %s", (run, expected) => {
    const a = expectValid(oneAction(`run: ${run}\n${hs.replace("cohort:", "x:")}`, 1)).pipeline!.actions.get(
      "a",
    )!;
    expect(a.run.isDatabaseAction).toBe(expected);
  });
  it("83: v5 refuses a user action named run_all", () => {
    expectFirstError(
      project(5, "run_all:\n  run: python:v2 a.py\n  outputs: {}"),
      "`run_all` is a reserved action name",
    );
  });
  it("84: v4 warns about it, keeps it, and leaves it out of run_all", () => {
    const result = expectValid(
      project(4, `run_all:\n  run: python:v2 a.py\n  ${hs.replaceAll("\n", "\n  ")}`),
    );
    expect(result.warnings.map((w) => w.message).join("\n")).toContain("`run_all` is a reserved action name");
    expect([...result.pipeline!.actions.keys()]).toEqual(["run_all"]);
    expect(result.pipeline!.allActions).toEqual([]);
    expect(expandRequested(result.pipeline!, buildGraph(result.pipeline!), ["run_all"])).toEqual([]);
  });
  it.each([
    "ehrql:latest generate-measures x",
    "r:latest 1",
    "python:latest   do python thing",
    " reusable:latest x",
  ])("85-88: v5 refuses %j", (run) => {
    const word = run.trim().split(/\s+/)[0];
    expectFirstError(
      project(5, `my_action:\n  run: "${run}"\n  ${hs.replaceAll("\n", "\n  ")}`),
      `Action my_action uses \`${word}\`, which is not supported. Provide a version e.g. \`:v2\` instead`,
    );
  });
  it("89: v4 warns about the old version", () => {
    const result = expectValid(oneAction(`run: python:v2 a.py\n${hs}`, 4));
    expect(result.warnings[0]).toMatchObject({
      message: "Your project file is using an old version (4.0); consider updating to version 5",
      line: 1,
      column: 1,
    });
  });
});

describe("type validation (test_type_validation.py)", () => {
  const cases: [string, string, string][] = [
    [
      "92: no actions",
      "version: 3\nexpectations:\n  population_size: 10\n",
      "Project `actions` section must be a dictionary",
    ],
    [
      "93: actions as a list",
      "version: 3\nactions: []\nexpectations:\n  population_size: 10\n",
      "Project `actions` section must be a dictionary",
    ],
    [
      "94: expectations as a list",
      "version: 3\nactions: {}\nexpectations: []\n",
      "Project `expectations` section must be a dictionary",
    ],
    [
      "95: outputs as a list",
      oneAction("run: test:v1\noutputs: []", 3, "expectations:\n  population_size: 10"),
      "`outputs` section for action a must be a dictionary",
    ],
    [
      "96: run as a list",
      oneAction("run: [test:v1]\noutputs: {}", 3, "expectations:\n  population_size: 10"),
      "`run` section for action a must be a string",
    ],
    [
      "97: needs as a string",
      oneAction('run: test:v1\nneeds: ""\noutputs: {}', 3, "expectations:\n  population_size: 10"),
      "`needs` section for action a must be a list",
    ],
    [
      "98: config as a list",
      oneAction("run: test:v1\nconfig: []\noutputs: {}", 3, "expectations:\n  population_size: 10"),
      "`config` section for action a must be a dictionary",
    ],
    [
      "99: dummy_data_file as a list",
      oneAction("run: test:v1\ndummy_data_file: []\noutputs: {}", 3, "expectations:\n  population_size: 10"),
      "`dummy_data_file` section for action a must be a string",
    ],
    [
      "100: a level as a list",
      oneAction("run: test:v1\noutputs:\n  highly_sensitive: []", 3, "expectations:\n  population_size: 10"),
      "`highly_sensitive` section for action a must be a dictionary",
    ],
    [
      "101: an output as a mapping",
      oneAction(
        "run: test:v1\noutputs:\n  highly_sensitive:\n    dataset: {}",
        3,
        "expectations:\n  population_size: 10",
      ),
      "`dataset` output for action a must be a string",
    ],
    ["102: an unknown top-level key", "extra: 1\n", "Unexpected parameters (extra) in project"],
    [
      "103: an unknown action key",
      oneAction("run: test:v1\nextra: 1\noutputs: {}", 3),
      "Unexpected parameters (extra) in action a",
    ],
    [
      "104: an unknown outputs key",
      oneAction("run: test:v1\noutputs:\n  highly_sensitive:\n    dataset: {}\n  extra: 123", 3),
      "Unexpected parameters (extra) in `outputs` section for action a",
    ],
    [
      "105: an unknown expectations key",
      "version: 3\nactions: {}\nexpectations:\n  population_size: 10\n  extra: 123\n",
      "Unexpected parameters (extra) in project `expectations` section",
    ],
  ];
  it.each(cases)("%s", (_, text, expected) => expectFirstError(text, expected));
});

describe("validation (test_validation.py)", () => {
  it("106: foo/bar/*.txt is a valid pattern at either level", () => {
    expectValid(
      oneAction(
        "run: python:v2 a.py\noutputs:\n  highly_sensitive:\n    a: foo/bar/*.txt\n  moderately_sensitive:\n    b: foo/baz/*.txt",
      ),
    );
  });
  it.each([
    "/abs/path.txt",
    "not//canonical.txt",
    "path/../traversal.txt",
    "c:/windows/absolute.txt",
    "recursive/**/glob.pattern",
    "questionmark?.txt",
    "/[square]brackets.txt",
    "\\\\ftest.txt",
    "metadata",
    "metadata/test.txt",
    "outputs/*",
    "outputs/foo.*",
  ])("106: highly_sensitive %s is invalid", (pattern) => {
    expectFirstError(
      oneAction(`run: python:v2 a.py\noutputs:\n  highly_sensitive:\n    a: "${pattern}"`),
      `is invalid:`,
    );
  });
  it.each(["outputs/output.rds", "outputs/output.pdf"])(
    "106: moderately_sensitive %s is invalid",
    (pattern) => {
      expectFirstError(
        oneAction(`run: python:v2 a.py\noutputs:\n  moderately_sensitive:\n    a: ${pattern}`),
        "is not an allowed file type for moderately_sensitive outputs",
      );
    },
  );
  it.each([
    [["--output", "a.csv", "dataset.py"], "a.csv"],
    [["--output=b.csv", "dataset.py"], "b.csv"],
    [["--output=c.csv", "dataset.py"], "c.csv"],
    [["dataset.py", "--output", "d.csv"], "d.csv"],
    [["dataset.py", "--output=e.csv"], "e.csv"],
  ])("107-111: --output is found in %j", (words, expected) => expect(outputArgument(words)).toBe(expected));
  it.each([
    ["foo/bar.csv", ["foo/bar.csv"], true],
    ["foo/bar.csv", ["foo/baz.csv"], false],
    ["foo/bar:csv", ["foo/bar/*.csv"], true],
    ["foo/bar:csv", ["foo/bar/dataset.csv", "foo/bar/events.csv"], true],
    ["foo/bar/:csv", ["foo/bar/*.csv"], true],
    ["foo/bar:csv", ["foo/bar/*"], false],
    ["foo/bar:arrow", ["foo/bar/*.csv"], false],
  ] as const)("112-118: --output %s against %j matches: %s", (spec, patterns, ok) => {
    expect(matchOutputSpec(spec, patterns).matches).toBe(ok);
  });
});
