// A typed RAP API client. Responses of the contract (including error bodies such as
// "Error creating jobs") come back as values; only transport failures and answers outside the contract
// throw. Idempotent calls are retried; every error has the token redacted.
import type { z } from "zod";
import { RapClientError, RapNetworkError, RapResponseError, RapTimeoutError } from "./errors.ts";
import {
  type BackendStatusResponse,
  backendStatusResponseSchema,
  type CancelRequest,
  type CancelResponse,
  type CreateRequest,
  type CreateResponse,
  cancelResponseSchema,
  createResponseSchema,
  type ErrorResponse,
  errorResponseSchema,
  type StatusResponse,
  statusResponseSchema,
} from "./schemas.ts";

export type RapResult<T> =
  | { readonly ok: true; readonly status: number; readonly body: T }
  | { readonly ok: false; readonly status: number; readonly body: ErrorResponse };

export interface RapClientOptions {
  /** The API root, e.g. `http://127.0.0.1:8000/controller/v1/`. */
  readonly baseUrl: string;
  /** Sent raw in `Authorization`, as job-server does (no `Bearer`). */
  readonly token: string;
  /** Per attempt. Default 10 s. */
  readonly timeoutMs?: number;
  /** Extra attempts for idempotent calls. Default 2. */
  readonly retries?: number;
  /** Delay before retry `n` (1-based). Default 250 ms doubled each time. */
  readonly retryDelayMs?: (attempt: number) => number;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}

type Idempotency = "idempotent" | "create";
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

/**
 * Idempotent calls retry on any transport failure, a 5xx and 429. A create retries only when the
 * connection was refused, because then it cannot have reached the server.
 */
function shouldRetry(
  idempotency: Idempotency,
  result: RapResult<unknown> | undefined,
  failure: unknown,
): boolean {
  if (idempotency === "create")
    return failure instanceof RapNetworkError && errorCode(failure) === "ECONNREFUSED";
  if (result !== undefined) return !result.ok && RETRYABLE_STATUS.has(result.status);
  return (
    failure instanceof RapNetworkError ||
    failure instanceof RapTimeoutError ||
    (failure instanceof RapResponseError && failure.status >= 500)
  );
}

export class RapClient {
  readonly #token: string;
  readonly #base: URL;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #retryDelayMs: (attempt: number) => number;
  readonly #fetch: typeof fetch;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(options: RapClientOptions) {
    this.#token = options.token;
    const base = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
    this.#base = new URL(base);
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#retries = options.retries ?? 2;
    this.#retryDelayMs = options.retryDelayMs ?? ((n) => 250 * 2 ** (n - 1));
    this.#fetch = options.fetch ?? fetch;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Creates a job request. Not retried after the request may have reached the server (a retry would
   * turn "Success" into "No change"); retried only when the connection was refused.
   */
  create(body: CreateRequest, signal?: AbortSignal): Promise<RapResult<CreateResponse>> {
    return this.#call("POST", "rap/create/", body, createResponseSchema, "create", signal);
  }

  cancel(body: CancelRequest, signal?: AbortSignal): Promise<RapResult<CancelResponse>> {
    return this.#call("POST", "rap/cancel/", body, cancelResponseSchema, "idempotent", signal);
  }

  status(rapIds: readonly string[], signal?: AbortSignal): Promise<RapResult<StatusResponse>> {
    return this.#call("POST", "rap/status/", { rap_ids: rapIds }, statusResponseSchema, "idempotent", signal);
  }

  backendStatus(signal?: AbortSignal): Promise<RapResult<BackendStatusResponse>> {
    return this.#call("GET", "backend/status/", undefined, backendStatusResponseSchema, "idempotent", signal);
  }

  async #call<T>(
    method: "GET" | "POST",
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    idempotency: Idempotency,
    signal: AbortSignal | undefined,
  ): Promise<RapResult<T>> {
    const url = new URL(path, this.#base);
    for (let attempt = 1; ; attempt++) {
      let result: RapResult<T> | undefined;
      let failure: unknown;
      try {
        result = await this.#once(method, url, body, schema, signal);
      } catch (error) {
        failure = error;
      }
      const retry = attempt <= this.#retries && !signal?.aborted && shouldRetry(idempotency, result, failure);
      if (!retry) {
        if (result !== undefined) return result;
        throw failure;
      }
      await this.#sleep(this.#retryDelayMs(attempt));
    }
  }

  async #once<T>(
    method: "GET" | "POST",
    url: URL,
    body: unknown,
    schema: z.ZodType<T>,
    signal: AbortSignal | undefined,
  ): Promise<RapResult<T>> {
    const secrets = [this.#token];
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const combined = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
    const where = `${method} ${url.pathname}`;
    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(url, {
        method,
        headers: {
          Authorization: this.#token,
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: combined,
      });
      text = await response.text();
    } catch (error) {
      if (timeout.aborted && !signal?.aborted) {
        throw new RapTimeoutError(`${where} timed out after ${this.#timeoutMs} ms`, {
          cause: error,
          secrets,
        });
      }
      if (signal?.aborted) throw new RapClientError(`${where} was aborted`, { cause: error, secrets });
      throw new RapNetworkError(`${where} failed: ${(error as Error).message}`, { cause: error, secrets });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new RapResponseError(
        `${where} answered ${response.status} with a body that is not JSON`,
        response.status,
        {
          cause: error,
          secrets,
        },
      );
    }
    if (response.ok) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return { ok: true, status: response.status, body: parsed.data };
      throw new RapResponseError(
        `${where} answered ${response.status} with an unexpected body`,
        response.status,
        {
          cause: parsed.error,
          secrets,
        },
      );
    }
    const parsed = errorResponseSchema.safeParse(json);
    if (response.status < 500 && parsed.success)
      return { ok: false, status: response.status, body: parsed.data };
    throw new RapResponseError(`${where} answered ${response.status}`, response.status, { secrets });
  }
}
