// The repository settings the App reads from `.github/opensafely.yml` on the default branch. The schema
// is the single source of their shape and defaults; unknown keys are errors, so a typo is reported
// rather than silently ignored.
import { z } from "zod";
import { commandsSettingsSchema, jobRequestSettingsSchema } from "../commands/command-settings.ts";

export const SETTINGS_FILE = "opensafely.yml";
export const SETTINGS_PATH = `.github/${SETTINGS_FILE}`;

/** The platform runs `project.yaml` at the repository's root; it is not configurable. */
export const PROJECT_FILE = "project.yaml";

export const settingsSchema = z.strictObject({
  comment: z
    .strictObject({
      /** Post (and keep up to date) one comment per pull request. */
      enabled: z.boolean().default(true),
      /** Include the job graph as a Mermaid diagram. */
      graph: z.boolean().default(true),
    })
    .prefault({}),
  checks: z
    .strictObject({
      /** Report validity as a check run on each commit. */
      enabled: z.boolean().default(true),
      /** The check run's name, as shown in the pull request's checks list. */
      name: z.string().min(1).max(100).default("Trestle: project.yaml"),
    })
    .prefault({}),
  /** Slash commands in pull-request comments: the word, and who may run jobs. */
  commands: commandsSettingsSchema,
  /** How job requests are named on the backend: workspace, project and organisation. */
  job_requests: jobRequestSettingsSchema,
});

export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
