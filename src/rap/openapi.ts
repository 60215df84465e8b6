// The OpenAPI 3.1 document of the RAP API, generated from the zod schemas in schemas.ts so that the
// published contract is exactly what the server validates and the client parses.
import { z } from "zod";
import {
  backendStatusResponseSchema,
  cancelRequestSchema,
  cancelResponseSchema,
  createRequestSchema,
  createResponseSchema,
  errorResponseSchema,
  statusRequestSchema,
  statusResponseSchema,
} from "./schemas.ts";

export const RAP_BASE_PATH = "/controller/v1/";

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonObject;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonObject) => ({ "application/json": { schema } });
const errorReply = (description: string) => ({ description, content: json(ref("errorResponse")) });

const COMMON_ERRORS = {
  "400": errorReply("Validation error: the body is not JSON or does not fit the schema"),
  "401": errorReply("Unauthorized: no token, or a token the server does not know"),
};

function post(description: string, request: string, responses: JsonObject): JsonObject {
  return {
    post: {
      description,
      security: [{ tokenAuth: [] }],
      requestBody: { required: true, content: json(ref(request)) },
      responses: { ...COMMON_ERRORS, ...responses },
    },
  };
}

/** Builds the document. `serverUrl` is where clients reach the API (default: the base path). */
export function openApiDocument(serverUrl: string = RAP_BASE_PATH): JsonObject {
  return {
    openapi: "3.1.0",
    info: {
      title: "RAP API",
      description: "Reproducible Analytic Pipeline API: create, cancel and follow job requests on a backend.",
      version: "v1",
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/rap/create/": post("Create a job request (a RAP) and plan its jobs.", "createRequestBody", {
        "201": { description: "Success: jobs were created", content: json(ref("createResponse")) },
        "200": {
          description: "No change (the rap_id already exists) or Nothing to do",
          content: json(ref("createResponse")),
        },
        "400": errorReply(
          "Validation error, Inconsistent request data, or Error creating jobs (git, project.yaml, unknown action)",
        ),
      }),
      "/rap/cancel/": post("Cancel actions of a job request.", "cancelRequestBody", {
        "200": {
          description: "The actions are marked for cancellation",
          content: json(ref("cancelResponse")),
        },
        "404": errorReply("No jobs for this rap_id on the token's backends, or no job for some actions"),
      }),
      "/rap/status/": post("The jobs of some job requests.", "statusRequestBody", {
        "200": {
          description: "Jobs, and the ids this token cannot see",
          content: json(ref("statusResponse")),
        },
      }),
      "/backend/status/": {
        get: {
          description: "Status flags of the backends the token may act on.",
          security: [{ tokenAuth: [] }],
          responses: {
            "200": { description: "OK", content: json(ref("backendStatusResponse")) },
            "401": COMMON_ERRORS["401"],
          },
        },
      },
    },
    components: {
      securitySchemes: {
        // job-server sends the raw token, without a `Bearer` prefix.
        tokenAuth: { type: "apiKey", in: "header", name: "Authorization" },
      },
      schemas: {
        createRequestBody: jsonSchema(createRequestSchema, "input"),
        createResponse: jsonSchema(createResponseSchema, "output"),
        cancelRequestBody: jsonSchema(cancelRequestSchema, "input"),
        cancelResponse: jsonSchema(cancelResponseSchema, "output"),
        statusRequestBody: jsonSchema(statusRequestSchema, "input"),
        statusResponse: jsonSchema(statusResponseSchema, "output"),
        backendStatusResponse: jsonSchema(backendStatusResponseSchema, "output"),
        errorResponse: jsonSchema(errorResponseSchema, "output"),
      },
    },
  };
}
