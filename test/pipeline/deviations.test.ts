// Where Trestle deliberately differs from the reference (docs/deviations.md).
import { describe, expect, it } from "vitest";
import { expectFirstError, expectValid, load, oneAction, project } from "./helpers.ts";

const action = (name: string, needs: string) =>
  `${name}:\n  run: python:v2 ${name}.py\n  needs: ${needs}\n  outputs:\n    highly_sensitive:\n      x: output/${name}.csv`;

describe("cycles in needs are errors that print the cycle", () => {
  it("a self-reference", () => {
    const result = load(project(5, action("a", "[a]")));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      code: "needs-cycle",
      message: "Action `a` needs itself: a -> a",
      line: 5,
      column: 5,
    });
  });
  it("a two-action cycle", () => {
    expectFirstError(
      project(5, `${action("a", "[b]")}\n${action("b", "[a]")}`),
      "Actions form a cycle through their `needs`: a -> b -> a",
    );
  });
  it("a longer cycle reached from outside it, and a second independent cycle, are both reported", () => {
    const text = project(
      5,
      [
        action("start", "[a]"),
        action("a", "[b]"),
        action("b", "[c]"),
        action("c", "[a]"),
        action("x", "[y]"),
        action("y", "[x]"),
      ].join("\n"),
    );
    expect(load(text).errors.map((e) => e.message)).toEqual([
      "Actions form a cycle through their `needs`: a -> b -> c -> a",
      "Actions form a cycle through their `needs`: x -> y -> x",
    ]);
  });
  it("cycles are reported after every rule the reference checks", () => {
    const result = load(project(5, `${action("a", "[a]")}\n${action("b", "[zz]")}`));
    expect(result.errors.map((e) => e.code)).toEqual(["unknown-needs", "needs-cycle"]);
  });
  it("a diamond is not a cycle", () => {
    expectValid(
      project(
        5,
        [action("a", "[]"), action("b", "[a]"), action("c", "[a]"), action("d", "[b, c]")].join("\n"),
      ),
    );
  });
});

describe("output patterns may not leave the workspace", () => {
  it.each(["../a.csv", "../../out/a.csv", "../*.csv"])("%s is refused", (pattern) => {
    expectFirstError(
      oneAction(`run: python:v2 a.py\noutputs:\n  highly_sensitive:\n    x: ${pattern}`),
      `Output path ${pattern} is invalid: leaves the workspace (starts with '..')`,
    );
  });
  it("a dot-dot inside a name is fine", () => {
    expectValid(oneAction("run: python:v2 a.py\noutputs:\n  highly_sensitive:\n    x: output/a..b.csv"));
  });
});

describe("all errors at once, in the reference's order", () => {
  it("reports every problem, the reference's first error first", () => {
    const text = `version: 5
actions:
  a:
    run: python:latest a.py
    outputs:
      highly_sensitive:
        x: output/a
  b:
    run: python:v2 b.py
    needs: [nope]
    outputs:
      moderately_sensitive:
        y: output/b.pdf
  c:
    run: python:v2 b.py
    outputs:
      highly_sensitive:
        z: output/c.csv
`;
    const result = load(text);
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [7, "Output path output/a is invalid: output paths must have a file type extension at the end"],
      [
        13,
        "Output path output/b.pdf is invalid: output/b.pdf is not an allowed file type for moderately_sensitive outputs",
      ],
      [4, "Action a uses `python:latest`, which is not supported. Provide a version e.g. `:v2` instead"],
      [15, "Action c has the same 'run' command as other actions: b"],
      [10, "Action `b` references an unknown action in its `needs` list: nope"],
    ]);
  });
});
