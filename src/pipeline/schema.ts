// The shape of project.yaml as a zod schema, for editors (the generated JSON Schema) and docs. It
// describes structure only; the exact rules and messages live in rules/, which is what validates.
import { z } from "zod";

const pattern = z
  .string()
  .describe("A file path or glob (only `*` is supported) relative to the workspace, with a file extension.");

const level = z.record(z.string(), pattern).nullable();

export const outputsSchema = z
  .object({
    highly_sensitive: level.optional().describe("Outputs that stay on the secure server (level 3)."),
    moderately_sensitive: level
      .optional()
      .describe(
        "Outputs that may be reviewed for release (level 4): .csv .jpg .jpeg .png .svg .svgz .html .txt .log .json .md",
      ),
    minimally_sensitive: level.optional().describe("Outputs with minimal disclosure risk."),
  })
  .strict()
  .describe("Files the action produces, by privacy level; at least one level is required.");

export const actionSchema = z
  .object({
    run: z
      .string()
      .min(1)
      .describe("The command: `image:tag` (e.g. `python:v2`, `ehrql:v1`) followed by its arguments."),
    outputs: outputsSchema,
    needs: z.array(z.string()).nullable().optional().describe("Actions whose outputs this action reads."),
    config: z
      .record(z.string(), z.unknown())
      .nullable()
      .optional()
      .describe("Passed to the command as `--config '<json>'`."),
    dummy_data_file: z
      .string()
      .nullable()
      .optional()
      .describe("Dummy data used by cohortextractor `generate_cohort` in local runs."),
  })
  .strict();

export const projectSchema = z
  .object({
    version: z
      .union([z.number(), z.string()])
      .describe("The project format version: 1 to 5 (5 is the latest)."),
    actions: z.record(z.string(), actionSchema).describe("The pipeline's actions, by name."),
    expectations: z
      .object({ population_size: z.union([z.number().int(), z.string()]) })
      .strict()
      .nullable()
      .optional()
      .describe("Dummy population size; required in version 3, forbidden from version 4."),
  })
  .strict()
  .describe("An OpenSAFELY-style research pipeline (project.yaml).");

export type ProjectFile = z.input<typeof projectSchema>;
