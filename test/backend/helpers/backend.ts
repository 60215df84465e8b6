// Starting a backend for a test, and speaking to it over real HTTP on loopback.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { type BackendOptions, type RunningBackend, startBackend } from "../../../src/backend/backend.ts";
import { parseTokens, type TokenTable } from "../../../src/backend/tokens.ts";
import { base32, type CreateRequest, RapClient, type RapJob } from "../../../src/rap/index.ts";

export const TOKEN_TEST = "token-for-test-backend-0001";
export const TOKEN_OTHER = "token-for-other-backend-002";
export const TOKEN_BOTH = "token-for-both-backends-003";
export const TOKENS_ENV = `${TOKEN_TEST}:test;${TOKEN_OTHER}:other;${TOKEN_BOTH}:test,other`;

export function testTokens(): TokenTable {
  const parsed = parseTokens(TOKENS_ENV);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.tokens;
}

export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `trestle-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function newRapId(): string {
  return base32(randomBytes(10));
}

export function createBody(
  overrides: Partial<CreateRequest> & Pick<CreateRequest, "repo_url" | "commit">,
): CreateRequest {
  return {
    rap_id: newRapId(),
    backend: "test",
    workspace: "study",
    branch: "main",
    database_name: "default",
    requested_actions: ["run_all"],
    codelists_ok: true,
    force_run_dependencies: false,
    created_by: "researcher",
    project: "demo-project",
    orgs: ["opensafely"],
    ...overrides,
  };
}

export async function startTestBackend(
  dataDir: string,
  options: Partial<BackendOptions> = {},
): Promise<RunningBackend> {
  return startBackend({ dataDir, port: 0, tokens: testTokens(), logger: false, ...options });
}

export function client(backend: { apiUrl: string }, token = TOKEN_TEST): RapClient {
  return new RapClient({ baseUrl: backend.apiUrl, token, retries: 0 });
}

/** A raw request, for bodies and headers the typed client would never send. */
export async function raw(
  backend: { apiUrl: string },
  path: string,
  init: { method?: string; body?: string | Uint8Array; token?: string | null; contentType?: string } = {},
): Promise<{ status: number; json: unknown; text: string }> {
  const headers: Record<string, string> = {};
  if (init.token !== null) headers.Authorization = init.token ?? TOKEN_TEST;
  if (init.contentType !== undefined) headers["Content-Type"] = init.contentType;
  else if (init.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(new URL(path, backend.apiUrl), {
    method: init.method ?? "POST",
    headers,
    body: init.body,
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Left null: the caller asserts on text.
  }
  return { status: response.status, json, text };
}

/** Every row of every table, to prove a request changed nothing. Read through a second connection. */
export function snapshot(dataDir: string): string {
  const db = new Database(join(dataDir, "trestle.db"), { readonly: true });
  try {
    const tables = ["job_requests", "jobs"];
    return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
  } finally {
    db.close();
  }
}

/** Polls `check` until it returns a value, or fails after the deadline. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The jobs of a request, by action. */
export async function jobsOf(api: RapClient, rapId: string): Promise<Map<string, RapJob>> {
  const result = await api.status([rapId]);
  if (!result.ok) throw new Error(`status failed: ${JSON.stringify(result.body)}`);
  return new Map(result.body.jobs.map((j) => [j.action, j]));
}

/** Waits until every job of the request has ended, and returns them by action. */
export function settled(api: RapClient, rapId: string, timeoutMs = 90_000): Promise<Map<string, RapJob>> {
  return eventually(
    async () => {
      const jobs = await jobsOf(api, rapId);
      const done =
        jobs.size > 0 && [...jobs.values()].every((j) => j.status === "succeeded" || j.status === "failed");
      return done ? jobs : undefined;
    },
    `the jobs of ${rapId} to finish`,
    timeoutMs,
  );
}
