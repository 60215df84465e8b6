// Where the reference crashes (spec §13), Trestle answers with a clean validation error.
import { describe, expect, it } from "vitest";
import { expectFirstError, load, oneAction, project } from "./helpers.ts";

const hs = "outputs:\n  highly_sensitive:\n    x: a.csv";

describe("inputs the reference crashes on", () => {
  it.each([
    ["an empty file (TypeError)", "", "The project file is empty"],
    ["comments only (TypeError)", "# nothing here\n", "The project file is empty"],
    ["a top-level list (TypeError)", "- version: 5\n", "not a list"],
    ["a top-level scalar (TypeError)", "version 5\n", "not a single value"],
    [
      "a non-string top-level key (TypeError)",
      "5: x\nversion: 5\nactions: {}\n",
      "Unexpected parameters (5) in project",
    ],
    [
      "version 6 (ValueError)",
      oneAction(`run: python:v2 a.py\n${hs}`, 6),
      "The latest version is v5, but got v6.0",
    ],
    [
      "version 5.1 (ValueError)",
      oneAction(`run: python:v2 a.py\n${hs}`, 5.1),
      "The latest version is v5, but got v5.1",
    ],
    [
      "a whitespace-only run (IndexError)",
      oneAction(`run: "   "\n${hs}`),
      "run must have a value, a has an empty run key",
    ],
    [
      "an unclosed quote in run (ValueError)",
      oneAction(`run: "python:v2 'a.py"\n${hs}`),
      "has a quote that is never closed (No closing quotation)",
    ],
    [
      "a trailing backslash in run (ValueError)",
      oneAction(`run: "python:v2 a.py \\\\"\n${hs}`),
      "ends with a backslash that escapes nothing (No escaped character)",
    ],
    [
      "an integer needs entry (TypeError)",
      oneAction(`run: python:v2 a.py\nneeds: [1]\n${hs}`),
      "`needs` entries for action a must be action names (strings), but it needs `1` (quote it: '1')",
    ],
    [
      "a boolean needs entry (TypeError)",
      oneAction(`run: python:v2 a.py\nneeds: [true]\n${hs}`),
      "but it needs `True`",
    ],
    [
      "an action key named action_id (TypeError)",
      oneAction(`run: python:v2 a.py\naction_id: x\n${hs}`),
      "Unexpected parameters (action_id) in action a",
    ],
    [
      "an outputs key named action_id (TypeError)",
      oneAction("run: python:v2 a.py\noutputs:\n  highly_sensitive:\n    x: a.csv\n  action_id: x"),
      "Unexpected parameters (action_id) in `outputs` section for action a",
    ],
  ])("%s", (_, text, message) => {
    expectFirstError(text, message);
  });
  it("the run error points at the run line", () => {
    const result = load(project(5, `a:\n  run: "python:v2 'a.py"\n  ${hs.replaceAll("\n", "\n  ")}`));
    expect(result.errors[0]).toMatchObject({ line: 4, column: 5, path: ["actions", "a", "run"] });
  });
});
