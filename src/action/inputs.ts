// The Action's inputs: one zod schema that names every input of action.yml (a test checks the two
// agree) and turns the strings GitHub passes into typed values, with a clear message for each bad one.
// zod/mini rather than classic zod: a quarter of the bundle's size, which the Action's cold start pays.
import * as z from "zod/mini";

/** Booleans as `core.getBooleanInput` reads them (YAML 1.2 core schema). */
const TRUE = ["true", "True", "TRUE"];
const FALSE = ["false", "False", "FALSE"];

function booleanInput(name: string, fallback: boolean) {
  return z.pipe(
    z.string(),
    z.transform((value: string, ctx) => {
      const text = value.trim();
      if (text === "") return fallback;
      if (TRUE.includes(text)) return true;
      if (FALSE.includes(text)) return false;
      ctx.issues.push({
        code: "custom",
        input: value,
        message: `Input '${name}' must be true or false (YAML 1.2 core schema), not ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }),
  );
}

function choiceInput<const T extends readonly [string, ...string[]]>(
  name: string,
  choices: T,
  fallback: T[number],
) {
  return z.pipe(
    z.string(),
    z.transform((value: string, ctx): T[number] => {
      const text = value.trim();
      if (text === "") return fallback;
      if ((choices as readonly string[]).includes(text)) return text as T[number];
      ctx.issues.push({
        code: "custom",
        input: value,
        message: `Input '${name}' must be one of ${choices.join(", ")}, not ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }),
  );
}

export const MODES = ["check", "run"] as const;
export const EXECUTORS = ["auto", "local", "docker"] as const;
/** Above this, `concurrency` is surely a typo; runners have a handful of cores. */
export const MAX_CONCURRENCY = 256;

export const inputsSchema = z.strictObject({
  directory: z.pipe(
    z.string(),
    z.transform((value: string, ctx) => {
      const text = value.trim() === "" ? "." : value.trim();
      if (text.includes("\0")) {
        ctx.issues.push({
          code: "custom",
          input: value,
          message: "Input 'directory' must not contain NUL characters",
        });
        return z.NEVER;
      }
      return text;
    }),
  ),
  actions: z.pipe(
    z.string(),
    z.transform((value: string, ctx) => {
      // Space-separated as in the research action; a YAML block scalar may also put them on lines.
      const names = value.split(/\s+/).filter((name) => name !== "");
      if (names.length > 10_000) {
        ctx.issues.push({
          code: "custom",
          input: value,
          message: `Input 'actions' names ${names.length} actions; at most 10000`,
        });
        return z.NEVER;
      }
      return names.length === 0 ? ["run_all"] : [...new Set(names)];
    }),
  ),
  mode: choiceInput("mode", MODES, "run"),
  "force-run-dependencies": booleanInput("force-run-dependencies", false),
  concurrency: z.pipe(
    z.string(),
    z.transform((value: string, ctx): number | null => {
      const text = value.trim();
      if (text === "") return null;
      const n = Number(text);
      if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1 || n > MAX_CONCURRENCY) {
        ctx.issues.push({
          code: "custom",
          input: value,
          message: `Input 'concurrency' must be a whole number from 1 to ${MAX_CONCURRENCY}, not ${JSON.stringify(value)}`,
        });
        return z.NEVER;
      }
      return n;
    }),
  ),
  executor: choiceInput("executor", EXECUTORS, "auto"),
  "continue-on-error": booleanInput("continue-on-error", true),
  upload: booleanInput("upload", true),
  cache: booleanInput("cache", true),
});

export type ActionInputs = z.output<typeof inputsSchema>;
export type InputName = keyof z.input<typeof inputsSchema>;
/** Every input, in action.yml's order. */
export const INPUT_NAMES = Object.keys(inputsSchema.shape) as InputName[];

export class InputError extends Error {
  override readonly name = "InputError";
}

/** Parses raw input strings (missing ones count as empty); throws one InputError naming every problem. */
export function parseInputs(raw: (name: InputName) => string): ActionInputs {
  const values = Object.fromEntries(INPUT_NAMES.map((name) => [name, raw(name)]));
  const parsed = inputsSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => issue.message);
  throw new InputError(
    `Invalid input${problems.length > 1 ? "s" : ""}:\n${problems.map((p) => `  ${p}`).join("\n")}`,
  );
}
