// action.yml checked against GitHub's metadata rules (actionlint is not packaged for Debian, so the
// rules for a JavaScript action are written down here), and against the docs that describe it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { ROOT } from "./harness.ts";

// Branding colours GitHub accepts, and a selection of the Feather icons it accepts.
const COLOURS = [
  "white",
  "black",
  "yellow",
  "blue",
  "green",
  "orange",
  "red",
  "purple",
  "gray-dark",
] as const;
const ICONS = [
  "activity",
  "check-circle",
  "git-merge",
  "git-branch",
  "play",
  "package",
  "layers",
  "share-2",
] as const;
const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

const metadata = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  author: z.string().optional(),
  branding: z.strictObject({ icon: z.enum(ICONS), color: z.enum(COLOURS) }).optional(),
  inputs: z.record(
    z.string().regex(ID),
    z.strictObject({
      description: z.string().min(1),
      required: z.boolean().optional(),
      default: z.string().optional(),
      deprecationMessage: z.string().optional(),
    }),
  ),
  outputs: z.record(z.string().regex(ID), z.strictObject({ description: z.string().min(1) })),
  runs: z.strictObject({
    using: z.literal("node24"),
    main: z.literal("dist/action.js"),
    pre: z.string().optional(),
    post: z.string().optional(),
  }),
});

const text = readFileSync(join(ROOT, "action.yml"), "utf8");
const yml = parse(text) as z.input<typeof metadata>;

describe("action.yml", () => {
  it("is valid action metadata for a node24 JavaScript action", () => {
    const result = metadata.safeParse(yml);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it("gives every optional input a default, as a string", () => {
    for (const [name, input] of Object.entries(yml.inputs)) {
      expect(input.required ?? false, name).toBe(false);
      expect(typeof input.default, name).toBe("string");
    }
  });

  it("declares the outputs the Action writes", () => {
    expect(Object.keys(yml.outputs)).toEqual(["valid", "succeeded", "failed-actions", "results"]);
  });

  it("is described in docs/action.md, input by input and output by output", () => {
    const docs = readFileSync(join(ROOT, "docs/action.md"), "utf8");
    for (const name of [...Object.keys(yml.inputs), ...Object.keys(yml.outputs)]) {
      expect(docs, name).toContain(`| \`${name}\` |`);
    }
  });

  it("is shown in the README with a complete workflow using only its inputs", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = /```yaml\n(# \.github\/workflows\/[\s\S]*?)```/.exec(readme);
    expect(block, "a yaml block starting with the workflow's path").not.toBeNull();
    const workflow = parse(block![1]!) as {
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
    };
    expect(workflow.permissions).toEqual({ contents: "read" });
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@/);
    const trestle = steps.find((s) => s.uses?.includes("trestle"));
    expect(trestle).toBeDefined();
    for (const name of Object.keys(trestle!.with ?? {})) expect(Object.keys(yml.inputs)).toContain(name);
  });
});
