#!/usr/bin/env node

// src/cli/stop-signal.ts
function untilStopSignal() {
  return new Promise((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
}

// src/rap/openapi.ts
import { z as z2 } from "zod";

// src/rap/schemas.ts
import { z } from "zod";

// src/rap/ids.ts
import { createHash } from "node:crypto";
var RAP_ID_PATTERN = /^[a-z0-9]{16}$/;
var COMMIT_PATTERN = /^[0-9a-f]{40}$/;
var WORKSPACE_PATTERN = /^[a-zA-Z0-9_-]+$/;
var BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
function base32(bytes) {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = buffer << 8 | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[buffer >>> bits - 5 & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[buffer << 5 - bits & 31];
  return out;
}
function jobIdentifier(rapId2, action) {
  const digest = createHash("sha1").update(`${rapId2}
${action}`, "utf8").digest();
  return base32(digest.subarray(0, 10));
}
function newRapId(random) {
  return base32(random(10));
}

// src/rap/statuses.ts
var JOB_STATES = ["pending", "running", "succeeded", "failed"];
var STATUS_CODE_STATES = {
  created: "pending",
  initiated: "running",
  paused: "pending",
  waiting_db_maintenance: "pending",
  waiting_on_dependencies: "pending",
  waiting_on_workers: "pending",
  waiting_on_db_workers: "pending",
  waiting_on_reboot: "pending",
  waiting_on_new_task: "pending",
  preparing: "running",
  prepared: "running",
  executing: "running",
  executed: "running",
  finalizing: "running",
  finalized: "running",
  succeeded: "succeeded",
  dependency_failed: "failed",
  nonzero_exit: "failed",
  cancelled_by_user: "failed",
  unmatched_patterns: "failed",
  internal_error: "failed",
  killed_by_admin: "failed",
  stale_codelists: "failed",
  job_error: "failed"
};
var STATUS_CODES = Object.keys(STATUS_CODE_STATES);
var RESET_STATUS_CODES = /* @__PURE__ */ new Set([
  "waiting_on_reboot",
  "waiting_db_maintenance",
  "waiting_on_new_task"
]);
function stateOfStatusCode(code) {
  return STATUS_CODE_STATES[code];
}
function isCompletedState(state) {
  return state === "succeeded" || state === "failed";
}
var JOB_REQUEST_STATUSES = [
  "pending",
  "running",
  "failed",
  "succeeded",
  "nothing_to_do",
  "unknown",
  "unknown_error_creating_jobs"
];
var TERMINAL_REQUEST_STATUSES = /* @__PURE__ */ new Set(["failed", "succeeded", "nothing_to_do"]);
function isCompletedRequestStatus(status) {
  return TERMINAL_REQUEST_STATUSES.has(status);
}
function isJobRequestStatus(value) {
  return JOB_REQUEST_STATUSES.includes(value);
}

// src/rap/schemas.ts
var LIMITS = {
  name: 200,
  text: 2e3,
  actions: 2e3,
  rapIds: 1e4,
  orgs: 100
};
var rapId = z.string().max(16).regex(RAP_ID_PATTERN, "must be 16 lower-case letters or digits").describe("Job-request identifier, 16 characters from a-z and 0-9");
var name = (what) => z.string().min(1).max(LIMITS.name).describe(what);
var actionName = z.string().min(1).max(LIMITS.name).describe("An action name from project.yaml, or run_all");
var isoTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, "must be an ISO-8601 UTC timestamp ending in Z");
var analysisScopeSchema = z.object({
  dataset_permissions: z.array(z.string().max(LIMITS.name)).max(LIMITS.orgs).optional(),
  population_permissions: z.array(z.string().max(LIMITS.name)).max(LIMITS.orgs).optional(),
  component_access: z.array(z.string().max(LIMITS.name)).max(LIMITS.orgs).optional()
}).describe("Per-project permissions job-server derives from its allow-lists");
var createRequestSchema = z.object({
  rap_id: rapId,
  backend: z.string().min(1).max(LIMITS.name).regex(/^[A-Za-z0-9_-]+$/, "must be a backend slug").describe("The backend this job request runs on"),
  workspace: z.string().min(1).max(LIMITS.name).regex(WORKSPACE_PATTERN, "Invalid workspace name (allowed are alphanumeric, dash and underscore)").describe("Workspace name; also the output folder on the backend"),
  repo_url: z.string().min(1).max(LIMITS.text).describe("The study repository"),
  branch: z.string().max(LIMITS.name).describe("The workspace branch; the commit must be on it"),
  commit: z.string().max(40).regex(COMMIT_PATTERN, "must be a 40-character lower-case hex sha"),
  database_name: z.enum(["default"]),
  requested_actions: z.array(actionName).min(1).max(LIMITS.actions).describe("Actions to run; their unmet dependencies run too"),
  codelists_ok: z.boolean(),
  force_run_dependencies: z.boolean(),
  created_by: name("Username of the requester"),
  project: name("Project slug"),
  orgs: z.array(z.string().max(LIMITS.name)).max(LIMITS.orgs).describe("Org slugs"),
  analysis_scope: analysisScopeSchema.optional()
}).describe("POST rap/create/ body");
var createResponseSchema = z.object({
  result: z.enum(["Success", "No change", "Nothing to do"]),
  details: z.string(),
  rap_id: z.string().optional(),
  count: z.number().int().nonnegative().describe("Jobs created (Success) or held (No change)")
}).describe("201 Success, or 200 No change / Nothing to do");
var cancelRequestSchema = z.object({
  rap_id: rapId,
  actions: z.array(actionName).min(1).max(LIMITS.actions)
}).describe("POST rap/cancel/ body");
var cancelResponseSchema = z.object({
  result: z.literal("Success"),
  details: z.string(),
  count: z.number().int().nonnegative()
});
var statusRequestSchema = z.object({ rap_ids: z.array(rapId).min(1).max(LIMITS.rapIds) }).describe("POST rap/status/ body (POST so that long lists fit)");
var jobSchema = z.object({
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
  requires_db: z.boolean()
});
var statusResponseSchema = z.object({
  jobs: z.array(jobSchema),
  unrecognised_rap_ids: z.array(z.string()).describe("Unknown ids, and ids on backends the token cannot see")
});
var flagStatus = z.enum(["on", "off"]);
var backendStatusSchema = z.object({
  slug: z.string(),
  name: z.string().optional().describe("The same slug, under the name older controllers used"),
  last_seen: isoTimestamp.nullable(),
  paused: z.object({ status: flagStatus, since: isoTimestamp.nullable() }),
  db_maintenance: z.object({
    status: flagStatus,
    since: isoTimestamp.nullable(),
    type: z.enum(["scheduled", "manual"]).nullable()
  })
});
var backendStatusResponseSchema = z.object({ backends: z.array(backendStatusSchema) });
var errorResponseSchema = z.object({
  error: z.string(),
  details: z.string(),
  rap_id: z.string().optional(),
  not_found: z.array(z.string()).optional()
});

// src/rap/openapi.ts
var RAP_BASE_PATH = "/controller/v1/";
function jsonSchema(schema, io) {
  const { $schema: _dialect, ...rest } = z2.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest;
}
var ref = (name2) => ({ $ref: `#/components/schemas/${name2}` });
var json = (schema) => ({ "application/json": { schema } });
var errorReply = (description) => ({ description, content: json(ref("errorResponse")) });
var COMMON_ERRORS = {
  "400": errorReply("Validation error: the body is not JSON or does not fit the schema"),
  "401": errorReply("Unauthorized: no token, or a token the server does not know")
};
function post(description, request, responses) {
  return {
    post: {
      description,
      security: [{ tokenAuth: [] }],
      requestBody: { required: true, content: json(ref(request)) },
      responses: { ...COMMON_ERRORS, ...responses }
    }
  };
}
function openApiDocument(serverUrl = RAP_BASE_PATH) {
  return {
    openapi: "3.1.0",
    info: {
      title: "RAP API",
      description: "Reproducible Analytic Pipeline API: create, cancel and follow job requests on a backend.",
      version: "v1"
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/rap/create/": post("Create a job request (a RAP) and plan its jobs.", "createRequestBody", {
        "201": { description: "Success: jobs were created", content: json(ref("createResponse")) },
        "200": {
          description: "No change (the rap_id already exists) or Nothing to do",
          content: json(ref("createResponse"))
        },
        "400": errorReply(
          "Validation error, Inconsistent request data, or Error creating jobs (git, project.yaml, unknown action)"
        )
      }),
      "/rap/cancel/": post("Cancel actions of a job request.", "cancelRequestBody", {
        "200": {
          description: "The actions are marked for cancellation",
          content: json(ref("cancelResponse"))
        },
        "404": errorReply("No jobs for this rap_id on the token's backends, or no job for some actions")
      }),
      "/rap/status/": post("The jobs of some job requests.", "statusRequestBody", {
        "200": {
          description: "Jobs, and the ids this token cannot see",
          content: json(ref("statusResponse"))
        }
      }),
      "/backend/status/": {
        get: {
          description: "Status flags of the backends the token may act on.",
          security: [{ tokenAuth: [] }],
          responses: {
            "200": { description: "OK", content: json(ref("backendStatusResponse")) },
            "401": COMMON_ERRORS["401"]
          }
        }
      }
    },
    components: {
      securitySchemes: {
        // job-server sends the raw token, without a `Bearer` prefix.
        tokenAuth: { type: "apiKey", in: "header", name: "Authorization" }
      },
      schemas: {
        createRequestBody: jsonSchema(createRequestSchema, "input"),
        createResponse: jsonSchema(createResponseSchema, "output"),
        cancelRequestBody: jsonSchema(cancelRequestSchema, "input"),
        cancelResponse: jsonSchema(cancelResponseSchema, "output"),
        statusRequestBody: jsonSchema(statusRequestSchema, "input"),
        statusResponse: jsonSchema(statusResponseSchema, "output"),
        backendStatusResponse: jsonSchema(backendStatusResponseSchema, "output"),
        errorResponse: jsonSchema(errorResponseSchema, "output")
      }
    }
  };
}

// src/rap/errors.ts
var REDACTED = "[REDACTED]";
function redact(text, secrets) {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}
function redactedCause(cause, secrets) {
  if (cause === void 0) return void 0;
  const source = cause instanceof Error ? cause : new Error(String(cause));
  const copy = new Error(redact(source.message, secrets));
  copy.name = source.name;
  const nested = source.cause;
  const code = source.code ?? nested?.code;
  if (typeof code === "string") copy.code = code;
  return copy;
}
var RapClientError = class extends Error {
  name = "RapClientError";
  constructor(message, options = {}) {
    const secrets = options.secrets ?? [];
    const cause = redactedCause(options.cause, secrets);
    super(redact(message, secrets), cause === void 0 ? void 0 : { cause });
  }
};
var RapNetworkError = class extends RapClientError {
  name = "RapNetworkError";
};
var RapTimeoutError = class extends RapClientError {
  name = "RapTimeoutError";
};
var RapResponseError = class extends RapClientError {
  constructor(message, status, options = {}) {
    super(message, options);
    this.status = status;
  }
  status;
  name = "RapResponseError";
};

// src/rap/client.ts
var RETRYABLE_STATUS = /* @__PURE__ */ new Set([429, 502, 503, 504]);
function errorCode(error) {
  const cause = error.cause;
  return typeof cause?.code === "string" ? cause.code : void 0;
}
function shouldRetry(idempotency, result, failure) {
  if (idempotency === "create")
    return failure instanceof RapNetworkError && errorCode(failure) === "ECONNREFUSED";
  if (result !== void 0) return !result.ok && RETRYABLE_STATUS.has(result.status);
  return failure instanceof RapNetworkError || failure instanceof RapTimeoutError || failure instanceof RapResponseError && failure.status >= 500;
}
var RapClient = class {
  #token;
  #base;
  #timeoutMs;
  #retries;
  #retryDelayMs;
  #fetch;
  #sleep;
  constructor(options) {
    this.#token = options.token;
    const base = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
    this.#base = new URL(base);
    this.#timeoutMs = options.timeoutMs ?? 1e4;
    this.#retries = options.retries ?? 2;
    this.#retryDelayMs = options.retryDelayMs ?? ((n) => 250 * 2 ** (n - 1));
    this.#fetch = options.fetch ?? fetch;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }
  /**
   * Creates a job request. Not retried after the request may have reached the server (a retry would
   * turn "Success" into "No change"); retried only when the connection was refused.
   */
  create(body, signal) {
    return this.#call("POST", "rap/create/", body, createResponseSchema, "create", signal);
  }
  cancel(body, signal) {
    return this.#call("POST", "rap/cancel/", body, cancelResponseSchema, "idempotent", signal);
  }
  status(rapIds, signal) {
    return this.#call("POST", "rap/status/", { rap_ids: rapIds }, statusResponseSchema, "idempotent", signal);
  }
  backendStatus(signal) {
    return this.#call("GET", "backend/status/", void 0, backendStatusResponseSchema, "idempotent", signal);
  }
  async #call(method, path, body, schema, idempotency, signal) {
    const url = new URL(path, this.#base);
    for (let attempt = 1; ; attempt++) {
      let result;
      let failure;
      try {
        result = await this.#once(method, url, body, schema, signal);
      } catch (error) {
        failure = error;
      }
      const retry = attempt <= this.#retries && !signal?.aborted && shouldRetry(idempotency, result, failure);
      if (!retry) {
        if (result !== void 0) return result;
        throw failure;
      }
      await this.#sleep(this.#retryDelayMs(attempt));
    }
  }
  async #once(method, url, body, schema, signal) {
    const secrets = [this.#token];
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const combined = signal === void 0 ? timeout : AbortSignal.any([signal, timeout]);
    const where = `${method} ${url.pathname}`;
    let response;
    let text;
    try {
      response = await this.#fetch(url, {
        method,
        headers: {
          Authorization: this.#token,
          Accept: "application/json",
          ...body === void 0 ? {} : { "Content-Type": "application/json" }
        },
        body: body === void 0 ? void 0 : JSON.stringify(body),
        signal: combined
      });
      text = await response.text();
    } catch (error) {
      if (timeout.aborted && !signal?.aborted) {
        throw new RapTimeoutError(`${where} timed out after ${this.#timeoutMs} ms`, {
          cause: error,
          secrets
        });
      }
      if (signal?.aborted) throw new RapClientError(`${where} was aborted`, { cause: error, secrets });
      throw new RapNetworkError(`${where} failed: ${error.message}`, { cause: error, secrets });
    }
    let json2;
    try {
      json2 = JSON.parse(text);
    } catch (error) {
      throw new RapResponseError(
        `${where} answered ${response.status} with a body that is not JSON`,
        response.status,
        {
          cause: error,
          secrets
        }
      );
    }
    if (response.ok) {
      const parsed2 = schema.safeParse(json2);
      if (parsed2.success) return { ok: true, status: response.status, body: parsed2.data };
      throw new RapResponseError(
        `${where} answered ${response.status} with an unexpected body`,
        response.status,
        {
          cause: parsed2.error,
          secrets
        }
      );
    }
    const parsed = errorResponseSchema.safeParse(json2);
    if (response.status < 500 && parsed.success)
      return { ok: false, status: response.status, body: parsed.data };
    throw new RapResponseError(`${where} answered ${response.status}`, response.status, { secrets });
  }
};

// src/rap/request-status.ts
var FAILED_DUE_TO_JOB_FAILURE = "Failed due to job failure";
function deriveJobRequestStatus(stored, jobStatuses) {
  if (isCompletedRequestStatus(stored.status)) return stored;
  if (jobStatuses.length === 0) return stored;
  const statuses = jobStatuses.map((s) => (s ?? "").toLowerCase());
  const distinct = new Set(statuses);
  let status;
  let message = null;
  if (distinct.size === 1) {
    const only = statuses[0];
    status = only === "" ? "pending" : isJobRequestStatus(only) ? only : "unknown";
    if (status === "failed") message = FAILED_DUE_TO_JOB_FAILURE;
  } else if (distinct.has("running") || distinct.has("pending")) {
    status = "running";
  } else if (distinct.has("failed")) {
    status = "failed";
    message = FAILED_DUE_TO_JOB_FAILURE;
  } else {
    status = "unknown";
  }
  if (status === stored.status) return stored;
  return { status, message };
}
function jobRequestRuntimeSeconds(jobs) {
  let total = 0;
  for (const job of jobs) {
    const status = job.status.toLowerCase();
    if (status !== "failed" && status !== "succeeded") continue;
    if (job.started_at === null || job.completed_at === null) continue;
    const started = Date.parse(job.started_at);
    const completed = Date.parse(job.completed_at);
    if (Number.isNaN(started) || Number.isNaN(completed) || completed <= started) continue;
    total += (completed - started) / 1e3;
  }
  return total;
}
function formatRuntime(seconds) {
  const whole = Math.floor(seconds);
  if (whole <= 0) return "-";
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor(whole % 3600 / 60);
  const secs = whole % 60;
  const pad = (n) => String(n).padStart(2, "0");
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}`;
}

// src/rap/validation.ts
var MAX_ISSUES = 5;
function formatPath(path) {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}
function formatIssue(issue) {
  const path = formatPath(issue.path);
  const missing = issue.code === "invalid_type" && issue.input === void 0 && issue.path.length > 0;
  if (missing) return `'${path}' is a required property`;
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}
function formatValidationError(error) {
  const issues = error.issues.slice(0, MAX_ISSUES).map(formatIssue);
  const more = error.issues.length - MAX_ISSUES;
  const suffix = more > 0 ? `; and ${more} more` : "";
  return `Invalid request body received: ${issues.join("; ")}${suffix}`;
}
function parseBody(schema, data) {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { ok: false, details: "Invalid request body received: the body must be a JSON object" };
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, details: formatValidationError(result.error) };
}

// src/sqlite/open-sqlite.ts
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
function openSqlite(path, migrations, Failure) {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let db;
  try {
    db = new Database(path);
  } catch (cause) {
    throw new Failure(`cannot open the database ${path}`, { cause });
  }
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrateSqlite(db, migrations, Failure);
  } catch (cause) {
    db.close();
    if (cause instanceof Failure) throw cause;
    throw new Failure(`cannot prepare the database ${path}`, { cause });
  }
  return db;
}
function migrateSqlite(db, migrations, Failure) {
  const current = db.pragma("user_version", { simple: true });
  if (current > migrations.length) {
    throw new Failure(
      `the database is at schema version ${current}, newer than this Trestle knows (${migrations.length})`
    );
  }
  let applied = 0;
  for (let version = current + 1; version <= migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version - 1]);
      db.pragma(`user_version = ${version}`);
    })();
    applied += 1;
  }
  return applied;
}

export {
  RapClientError,
  jobIdentifier,
  newRapId,
  RESET_STATUS_CODES,
  stateOfStatusCode,
  isCompletedState,
  isCompletedRequestStatus,
  isJobRequestStatus,
  createRequestSchema,
  cancelRequestSchema,
  statusRequestSchema,
  RapClient,
  RAP_BASE_PATH,
  openApiDocument,
  deriveJobRequestStatus,
  jobRequestRuntimeSeconds,
  formatRuntime,
  parseBody,
  openSqlite,
  untilStopSignal
};
