// The RAP API contract (spec/backend.md §3.2) as zod schemas: one schema per request and response
// body. The server validates with them, the client parses with them, and the OpenAPI document is
// generated from them, so the three cannot drift apart.
import { z } from "zod";
import { COMMIT_PATTERN, RAP_ID_PATTERN, WORKSPACE_PATTERN } from "./ids.ts";
import { JOB_STATES, STATUS_CODES } from "./statuses.ts";

/** Upper bounds that keep one request small; the platform's own values are far below them. */
export const LIMITS = {
  name: 200,
  text: 2_000,
  actions: 2_000,
  rapIds: 10_000,
  orgs: 100,
} as const;

const rapId = z
  .string()
  .max(16)
  .regex(RAP_ID_PATTERN, "must be 16 lower-case letters or digits")
  .describe("Job-request identifier, 16 characters from a-z and 0-9");
const name = (what: string) => z.string().min(1).max(LIMITS.name).describe(what);
const actionName = z
  .string()
  .min(1)
  .max(LIMITS.name)
  .describe("An action name from project.yaml, or run_all");
const isoTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, "must be an ISO-8601 UTC timestamp ending in Z");

export const analysisScopeSchema = z
  .object({
    dataset_permissions: z.array(z.string().max(LIMITS.name)).max(LIMITS.orgs).optional(),
    population_permissions: z.array(z.string().max(LIMITS.name)).max(LIMITS.orgs).optional(),
    component_access: z.array(z.string().max(LIMITS.name)).max(LIMITS.orgs).optional(),
  })
  .describe("Per-project permissions job-server derives from its allow-lists");

export const createRequestSchema = z
  .object({
    rap_id: rapId,
    backend: z
      .string()
      .min(1)
      .max(LIMITS.name)
      .regex(/^[A-Za-z0-9_-]+$/, "must be a backend slug")
      .describe("The backend this job request runs on"),
    workspace: z
      .string()
      .min(1)
      .max(LIMITS.name)
      .regex(WORKSPACE_PATTERN, "Invalid workspace name (allowed are alphanumeric, dash and underscore)")
      .describe("Workspace name; also the output folder on the backend"),
    repo_url: z.string().min(1).max(LIMITS.text).describe("The study repository"),
    branch: z.string().max(LIMITS.name).describe("The workspace branch; the commit must be on it"),
    commit: z.string().max(40).regex(COMMIT_PATTERN, "must be a 40-character lower-case hex sha"),
    database_name: z.enum(["default"]),
    requested_actions: z
      .array(actionName)
      .min(1)
      .max(LIMITS.actions)
      .describe("Actions to run; their unmet dependencies run too"),
    codelists_ok: z.boolean(),
    force_run_dependencies: z.boolean(),
    created_by: name("Username of the requester"),
    project: name("Project slug"),
    orgs: z.array(z.string().max(LIMITS.name)).max(LIMITS.orgs).describe("Org slugs"),
    analysis_scope: analysisScopeSchema.optional(),
  })
  .describe("POST rap/create/ body");
export type CreateRequest = z.infer<typeof createRequestSchema>;

export const createResponseSchema = z
  .object({
    result: z.enum(["Success", "No change", "Nothing to do"]),
    details: z.string(),
    rap_id: z.string().optional(),
    count: z.number().int().nonnegative().describe("Jobs created (Success) or held (No change)"),
  })
  .describe("201 Success, or 200 No change / Nothing to do");
export type CreateResponse = z.infer<typeof createResponseSchema>;

export const cancelRequestSchema = z
  .object({
    rap_id: rapId,
    actions: z.array(actionName).min(1).max(LIMITS.actions),
  })
  .describe("POST rap/cancel/ body");
export type CancelRequest = z.infer<typeof cancelRequestSchema>;

export const cancelResponseSchema = z.object({
  result: z.literal("Success"),
  details: z.string(),
  count: z.number().int().nonnegative(),
});
export type CancelResponse = z.infer<typeof cancelResponseSchema>;

export const statusRequestSchema = z
  .object({ rap_ids: z.array(rapId).min(1).max(LIMITS.rapIds) })
  .describe("POST rap/status/ body (POST so that long lists fit)");
export type StatusRequest = z.infer<typeof statusRequestSchema>;

export const jobSchema = z.object({
  identifier: z.string(),
  rap_id: z.string(),
  backend: z.string(),
  action: z.string(),
  run_command: z.string(),
  status: z.enum(JOB_STATES),
  status_code: z.string().describe(`One of: ${STATUS_CODES.join(", ")}`),
  status_message: z.string(),
  created_at: isoTimestamp,
  updated_at: isoTimestamp,
  started_at: isoTimestamp.nullable(),
  completed_at: isoTimestamp.nullable(),
  trace_context: z.record(z.string(), z.string()).nullable(),
  metrics: z.record(z.string(), z.unknown()),
  requires_db: z.boolean(),
});
export type RapJob = z.infer<typeof jobSchema>;

export const statusResponseSchema = z.object({
  jobs: z.array(jobSchema),
  unrecognised_rap_ids: z.array(z.string()).describe("Unknown ids, and ids on backends the token cannot see"),
});
export type StatusResponse = z.infer<typeof statusResponseSchema>;

const flagStatus = z.enum(["on", "off"]);
export const backendStatusSchema = z.object({
  slug: z.string(),
  name: z.string().optional().describe("The same slug, under the name older controllers used"),
  last_seen: isoTimestamp.nullable(),
  paused: z.object({ status: flagStatus, since: isoTimestamp.nullable() }),
  db_maintenance: z.object({
    status: flagStatus,
    since: isoTimestamp.nullable(),
    type: z.enum(["scheduled", "manual"]).nullable(),
  }),
});
export type BackendStatus = z.infer<typeof backendStatusSchema>;

export const backendStatusResponseSchema = z.object({ backends: z.array(backendStatusSchema) });
export type BackendStatusResponse = z.infer<typeof backendStatusResponseSchema>;

export const errorResponseSchema = z.object({
  error: z.string(),
  details: z.string(),
  rap_id: z.string().optional(),
  not_found: z.array(z.string()).optional(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
