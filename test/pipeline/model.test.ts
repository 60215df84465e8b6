// The Pipeline model: frozen, in file order, with job commands built as the platform builds them.
import { describe, expect, it } from "vitest";
import { validFixture } from "./fixtures.ts";
import { expectValid, load, oneAction } from "./helpers.ts";

const hs = "outputs:\n  highly_sensitive:\n    x: output/a.csv";

describe("job commands", () => {
  it("config is appended as --config with Python's JSON and shell quoting", () => {
    const a = expectValid(
      oneAction(
        `run: python:latest python action/__main__.py output/input.csv\nconfig:\n  option: value\n${hs}`,
        4,
      ),
    ).pipeline!.actions.get("a")!;
    expect(a.jobCommand).toBe(
      `python:latest python action/__main__.py output/input.csv --config '{"option": "value"}'`,
    );
    expect(a.jobArgs.slice(-2)).toEqual(["--config", '{"option": "value"}']);
  });
  it("an empty config adds nothing", () => {
    const a = expectValid(oneAction(`run: python:v2 a.py\nconfig: {}\n${hs}`)).pipeline!.actions.get("a")!;
    expect(a.jobCommand).toBe("python:v2 a.py");
  });
  it("quotes become \\u0027, non-ASCII is escaped, key order is kept, floats print as Python prints them", () => {
    const a = expectValid(
      oneAction(
        `run: python:v2 a.py\nconfig:\n  z: "it's"\n  a: café 🙂\n  n: [1.0, 1e16, 0.0001, 1e-5, -0.0, .nan]\n  t: true\n${hs}`,
      ),
    ).pipeline!.actions.get("a")!;
    expect(a.jobArgs.at(-1)).toBe(
      '{"z": "it\\u0027s", "a": "caf\\u00e9 \\ud83d\\ude42", "n": [1.0, 1e+16, 0.0001, 1e-05, -0.0, NaN], "t": true}',
    );
  });
  it("a run word that needs quoting is quoted", () => {
    const a = expectValid(oneAction(`run: python:v2 "my script.py" a"b"c\n${hs}`)).pipeline!.actions.get(
      "a",
    )!;
    expect(a.run.parts).toEqual(["python:v2", "my script.py", "abc"]);
    expect(a.jobCommand).toBe("python:v2 'my script.py' abc");
  });
  it("a date in config is a warning: the platform cannot serialise it", () => {
    const result = expectValid(oneAction(`run: python:v2 a.py\nconfig:\n  start: 2020-01-01\n${hs}`));
    expect(result.warnings.map((w) => w.code)).toEqual(["config-unserialisable"]);
    expect(result.pipeline!.actions.get("a")!.jobArgs.at(-1)).toBe('{"start": "2020-01-01"}');
  });
});

describe("the model", () => {
  it("is frozen", () => {
    const p = expectValid(validFixture()).pipeline!;
    const a = p.actions.get("analyse_data")!;
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.needs)).toBe(true);
    expect(Object.isFrozen(a.run.parts)).toBe(true);
    expect(Object.isFrozen(a.config)).toBe(true);
  });
  it("keeps needs, config, dummy_data_file and outputs by level", () => {
    const a = expectValid(
      oneAction(
        "run: python:v2 a.py\ndummy_data_file: foo/../../bar.csv\nconfig: {k: [1, {x: y}]}\noutputs:\n  highly_sensitive:\n    h: output/h.csv\n  moderately_sensitive: null\n  minimally_sensitive:\n    m: output/m.csv",
      ),
    ).pipeline!.actions.get("a")!;
    expect(a.dummyDataFile).toBe("foo/../../bar.csv");
    expect(a.config).toEqual({ k: [1, { x: "y" }] });
    expect(a.outputs).toEqual({
      highly_sensitive: { h: "output/h.csv" },
      minimally_sensitive: { m: "output/m.csv" },
    });
  });
  it("an output named __proto__ is an ordinary name", () => {
    const a = expectValid(
      oneAction("run: python:v2 a.py\noutputs:\n  highly_sensitive:\n    __proto__: output/p.csv"),
    ).pipeline!.actions.get("a")!;
    expect(Object.keys(a.outputs.highly_sensitive!)).toEqual(["__proto__"]);
  });
  it("an invalid project has no pipeline", () => {
    expect(load("version: 5\nactions: {a: 1}\n").pipeline).toBeNull();
  });
});
