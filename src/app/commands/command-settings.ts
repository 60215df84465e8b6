// The settings of commands and job requests in `.github/opensafely.yml`, as zod schemas that the
// settings file's schema includes. Backends themselves (their URLs and tokens) belong to whoever runs
// the App and come from its environment; a repository only says who may use them.
import { z } from "zod";
import { ROLES } from "../permissions/roles.ts";

const login = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub user name");
const team = z
  .string()
  .regex(
    /^(?:[A-Za-z0-9][A-Za-z0-9-]{0,38}\/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/,
    "must be team-slug or org/team-slug",
  );
const backendSlug = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "must be a backend name");

const allowList = {
  /** Only these users may run jobs (besides members of `teams`); empty: no restriction. */
  users: z.array(login).max(1_000).default([]),
  /** Only members of these teams may run jobs (besides `users`); empty: no restriction. */
  teams: z.array(team).max(100).default([]),
};

export const commandsSettingsSchema = z
  .strictObject({
    /** Act on slash commands in pull-request comments. */
    enabled: z.boolean().default(true),
    /** The command word: `opensafely` makes `/opensafely run …`. */
    word: z
      .string()
      .regex(
        /^[A-Za-z][A-Za-z0-9_-]{0,38}$/,
        "must be a word of letters, digits, - and _ (without the slash)",
      )
      .default("opensafely"),
    /** The lowest repository role that may run and cancel jobs. */
    minimum_role: z.enum(ROLES).default("write"),
    ...allowList,
    /** Allow runs on pull requests from forks (their code runs on the backend). */
    forks: z.boolean().default(false),
    /** Per-backend allow-lists, by backend name. */
    backends: z
      .record(backendSlug, z.strictObject(allowList))
      .refine((r) => Object.keys(r).length <= 100, "at most 100 backends")
      .default({}),
  })
  .prefault({});

/** Placeholders: {owner}, {repo}, {branch}, {pr}. */
const template = z.string().min(1).max(200);

export const jobRequestSettingsSchema = z
  .strictObject({
    /** The backend workspace job requests run in; outputs of earlier runs in it are reused. */
    workspace: template.default("{repo}-{branch}"),
    /** The project slug sent to the backend. */
    project: template.default("{repo}"),
    /** The organisation shown on the job request page and sent to the backend. */
    organisation: template.default("{owner}"),
  })
  .prefault({});

export type CommandsSettings = z.output<typeof commandsSettingsSchema>;
export type JobRequestSettings = z.output<typeof jobRequestSettingsSchema>;

export interface NamingContext {
  readonly owner: string;
  readonly repo: string;
  readonly branch: string;
  readonly pr: number;
}

/** Fills a template; for a workspace name, characters a backend folder cannot have become `-`. */
export function fillTemplate(text: string, context: NamingContext, asWorkspace = false): string {
  const filled = text
    .replaceAll("{owner}", context.owner)
    .replaceAll("{repo}", context.repo)
    .replaceAll("{branch}", context.branch)
    .replaceAll("{pr}", String(context.pr));
  if (!asWorkspace) return filled.slice(0, 200);
  const clean = filled
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 200);
  return clean === "" ? "workspace" : clean;
}
