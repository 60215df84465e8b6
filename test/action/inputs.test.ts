// The inputs schema against action.yml (every input read, same defaults) and against the way real
// study workflows pass `actions` to the research action.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { INPUT_NAMES, InputError, type InputName, parseInputs } from "../../src/action/inputs.ts";
import { ROOT } from "./harness.ts";

interface ActionYml {
  inputs: Record<string, { default?: string }>;
}
const actionYml = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as ActionYml;
const parseWith = (values: Partial<Record<InputName, string>>) => parseInputs((name) => values[name] ?? "");

describe("inputs", () => {
  it("reads exactly the inputs action.yml declares, in its order", () => {
    expect(INPUT_NAMES).toEqual(Object.keys(actionYml.inputs));
  });

  it("gives the same values for action.yml's defaults as for missing inputs", () => {
    const defaults = Object.fromEntries(
      Object.entries(actionYml.inputs).map(([name, input]) => [name, input.default ?? ""]),
    );
    expect(parseWith(defaults)).toEqual(parseWith({}));
    expect(parseWith({})).toEqual({
      directory: ".",
      actions: ["run_all"],
      mode: "run",
      "force-run-dependencies": false,
      concurrency: null,
      executor: "auto",
      "continue-on-error": true,
      upload: true,
      cache: true,
    });
  });

  it("reads booleans as the toolkit does, and trims", () => {
    expect(parseWith({ cache: "False", upload: " TRUE ", "force-run-dependencies": "true" })).toMatchObject({
      cache: false,
      upload: true,
      "force-run-dependencies": true,
    });
    expect(() => parseWith({ cache: "yes" })).toThrow(InputError);
    expect(() => parseWith({ cache: "1" })).toThrow(/Input 'cache' must be true or false/);
  });

  it.each(["0", "-1", "1.5", "2x", "257", "1e3", "99999999999999999999"])(
    "rejects concurrency %j",
    (value) => {
      expect(() => parseWith({ concurrency: value })).toThrow(
        /Input 'concurrency' must be a whole number from 1 to 256/,
      );
    },
  );

  it("accepts concurrency within bounds", () => {
    expect(parseWith({ concurrency: " 4 " }).concurrency).toBe(4);
  });

  it("splits actions on any whitespace and drops repeats", () => {
    expect(parseWith({ actions: " a  b\n\tc\r\nb " }).actions).toEqual(["a", "b", "c"]);
    expect(parseWith({ actions: "  \n " }).actions).toEqual(["run_all"]);
  });

  it("refuses absurd input", () => {
    expect(() => parseWith({ directory: "a\0b" })).toThrow(/NUL/);
    const many = Array.from({ length: 10_001 }, (_, i) => `a${i}`).join(" ");
    expect(() => parseWith({ actions: many })).toThrow(/at most 10000/);
    expect(() => parseWith({ mode: "check; rm -rf /" })).toThrow(/Input 'mode' must be one of check, run/);
  });

  it("names every bad input in one error", () => {
    expect(() => parseWith({ mode: "x", executor: "y" })).toThrow(
      /^Invalid inputs:\n {2}Input 'mode' must be one of check, run, not "x"\n {2}Input 'executor' must be one of auto, local, docker, not "y"$/,
    );
  });
});

const WORKFLOWS = join(ROOT, "../shared/corpus/workflows");

describe.skipIf(!existsSync(WORKFLOWS))("real study workflows", () => {
  interface Step {
    uses?: string;
    with?: Record<string, string>;
  }
  const steps = readdirSync(WORKFLOWS)
    .filter((f) => f.endsWith(".yaml"))
    .flatMap((file) => {
      const workflow = parse(readFileSync(join(WORKFLOWS, file), "utf8")) as {
        jobs: Record<string, { steps: Step[] }>;
      };
      return Object.values(workflow.jobs).flatMap((job) =>
        job.steps
          .filter((s) => s.uses?.trim().startsWith("opensafely-core/research-action"))
          .map((s) => ({ file, s })),
      );
    });

  it("finds the research action in six of them", () => {
    expect(steps).toHaveLength(6);
  });

  it("accepts every `with:` they pass, splitting a folded list of actions", () => {
    for (const { s } of steps) {
      const inputs = parseWith((s.with ?? {}) as Partial<Record<InputName, string>>);
      const expected = (s.with?.actions ?? "run_all").split(/\s+/).filter(Boolean);
      expect(inputs.actions).toEqual(expected);
    }
    const pathology = steps.find(({ file }) => file === "opensafely__open-pathology__test_runner.yaml")!;
    expect(parseWith(pathology.s.with as Partial<Record<InputName, string>>).actions).toHaveLength(7);
  });
});
