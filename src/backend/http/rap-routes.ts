// The four RAP API endpoints under /controller/v1/. Each authenticates first, then decodes and
// validates the body, then acts; every refusal is a JSON error body and leaves the store untouched.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  type CancelResponse,
  cancelRequestSchema,
  createRequestSchema,
  type ErrorResponse,
  parseBody,
  RAP_BASE_PATH,
  statusRequestSchema,
} from "../../rap/index.ts";
import { type CreateDeps, createJobRequest } from "../create.ts";
import type { Store } from "../store/store.ts";
import type { TokenTable } from "../tokens.ts";
import { backendToApi, jobToApi } from "./api-format.ts";

export interface RapRouteDeps extends CreateDeps {
  readonly store: Store;
  readonly tokens: TokenTable;
  /** Called after a cancel marked jobs, so the scheduler acts on it at once. */
  readonly onCancelled: () => void;
}

function fail(reply: FastifyReply, status: number, body: ErrorResponse): FastifyReply {
  return reply.code(status).send(body);
}

/** The backends the request's token may act on, or null after answering 401. */
function authenticate(
  deps: RapRouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): readonly string[] | null {
  const token = request.headers.authorization;
  if (token === undefined || token === "") {
    fail(reply, 401, { error: "Unauthorized", details: "No token provided" });
    return null;
  }
  const backends = deps.tokens.backendsFor(token);
  if (backends === null) {
    fail(reply, 401, { error: "Unauthorized", details: "Invalid token" });
    return null;
  }
  return backends;
}

/** Decodes the raw body as JSON and validates it, or answers 400 and returns null. */
function decode<S extends z.ZodType>(
  schema: S,
  request: FastifyRequest,
  reply: FastifyReply,
): z.infer<S> | null {
  let data: unknown;
  try {
    data = JSON.parse(typeof request.body === "string" ? request.body : "");
  } catch {
    fail(reply, 400, { error: "Validation error", details: "could not parse JSON from request body" });
    return null;
  }
  const parsed = parseBody(schema, data);
  if (!parsed.ok) {
    fail(reply, 400, { error: "Validation error", details: parsed.details });
    return null;
  }
  return parsed.value;
}

const ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Other methods on an endpoint get 405, as the controller's `require_POST`/`require_GET` give. */
function onlyMethod(app: FastifyInstance, url: string, allowed: "GET" | "POST"): void {
  const others = ALL_METHODS.filter((m) => m !== allowed && !(allowed === "GET" && m === "HEAD"));
  app.route({
    method: [...others],
    url,
    handler: (_request, reply) =>
      reply
        .code(405)
        .header("Allow", allowed)
        .send({ error: "Method not allowed", details: `Use ${allowed} for this endpoint` }),
  });
}

export function registerRapRoutes(app: FastifyInstance, deps: RapRouteDeps): void {
  const base = RAP_BASE_PATH;

  app.post(`${base}rap/create/`, async (request, reply) => {
    const backends = authenticate(deps, request, reply);
    if (backends === null) return reply;
    const body = decode(createRequestSchema, request, reply);
    if (body === null) return reply;
    const result = await createJobRequest(deps, body, backends);
    request.log.info({ rap_id: body.rap_id, status: result.status }, "create");
    return reply.code(result.status).send(result.body);
  });
  onlyMethod(app, `${base}rap/create/`, "POST");

  app.post(`${base}rap/cancel/`, async (request, reply) => {
    const backends = authenticate(deps, request, reply);
    if (backends === null) return reply;
    const body = decode(cancelRequestSchema, request, reply);
    if (body === null) return reply;
    const outcome = deps.store.cancel(body.rap_id, body.actions, backends);
    if (outcome.kind === "no_jobs") {
      return fail(reply, 404, {
        error: "jobs not found",
        details: `No jobs found for rap_id ${body.rap_id}`,
        rap_id: body.rap_id,
      });
    }
    if (outcome.kind === "not_found") {
      return fail(reply, 404, {
        error: "jobs not found",
        details: `Jobs matching requested cancelled actions could not be found: ${outcome.notFound.join(",")}`,
        rap_id: body.rap_id,
        not_found: [...outcome.notFound],
      });
    }
    request.log.info({ rap_id: body.rap_id, actions: body.actions }, "cancel");
    deps.onCancelled();
    const answer: CancelResponse = {
      result: "Success",
      details: `${outcome.count} actions cancelled`,
      count: outcome.count,
    };
    return reply.code(200).send(answer);
  });
  onlyMethod(app, `${base}rap/cancel/`, "POST");

  app.post(`${base}rap/status/`, async (request, reply) => {
    const backends = authenticate(deps, request, reply);
    if (backends === null) return reply;
    const body = decode(statusRequestSchema, request, reply);
    if (body === null) return reply;
    const jobs = deps.store.jobsFor(body.rap_ids, backends);
    const seen = new Set(jobs.map((j) => j.rap_id));
    // Ids on backends this token cannot see are reported exactly like ids that do not exist.
    const unrecognised = [...new Set(body.rap_ids.filter((id) => !seen.has(id)))];
    return reply.code(200).send({ jobs: jobs.map(jobToApi), unrecognised_rap_ids: unrecognised });
  });
  onlyMethod(app, `${base}rap/status/`, "POST");

  app.get(`${base}backend/status/`, async (request, reply) => {
    const backends = authenticate(deps, request, reply);
    if (backends === null) return reply;
    return reply
      .code(200)
      .send({ backends: backends.map((slug) => backendToApi(slug, deps.store.backend(slug))) });
  });
  onlyMethod(app, `${base}backend/status/`, "GET");
}
