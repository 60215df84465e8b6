// The parts of each webhook payload the App reads, checked before anything is done with them. A
// signed delivery can still be malformed (a proxy, a test tool, a future GitHub change); it gets a
// 400 that names what is missing, and nothing is written.
import { z } from "zod";
import { PayloadError } from "../errors/payload-error.ts";
import type { RepoRef } from "../github/client.ts";

/** A git object id: SHA-1, or SHA-256 for repositories that use it. */
const sha = z.string().regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/, "expected a commit id");
const login = z.string().min(1).max(100);
const UTC_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

const repository = z.object({
  name: z.string().min(1).max(100),
  owner: z.object({ login }),
  default_branch: z.string().min(1).max(255),
});

const installation = z.object({ id: z.number().int().positive() });

export const pullRequestPayload = z.object({
  action: z.string(),
  pull_request: z.object({
    number: z.number().int().positive(),
    state: z.string(),
    head: z.object({ sha, ref: z.string() }),
    base: z.object({ sha, ref: z.string() }),
    // Compared as text to order events, so only GitHub's one form is taken; anything else is ignored.
    updated_at: z
      .string()
      .nullish()
      .transform((v) => (v != null && UTC_SECONDS.test(v) ? v : null)),
  }),
  repository,
  installation,
});

export const pushPayload = z.object({
  ref: z.string(),
  before: sha,
  after: sha,
  deleted: z.boolean(),
  repository,
  installation,
});

export const checkRunPayload = z.object({
  action: z.string(),
  check_run: z.object({
    head_sha: sha,
    external_id: z.string().nullable(),
    app: z.object({ id: z.number().int() }).nullable(),
    pull_requests: z.array(
      z.object({ number: z.number().int().positive(), head: z.object({ sha }), base: z.object({ sha }) }),
    ),
  }),
  repository,
  installation,
});

export const issueCommentPayload = z.object({
  action: z.string(),
  comment: z.object({
    id: z.number().int(),
    body: z.string().nullable(),
    user: z.object({ login, type: z.string() }).nullable(),
    performed_via_github_app: z.object({ id: z.number().int() }).nullable().optional(),
  }),
  issue: z.object({ number: z.number().int().positive(), pull_request: z.unknown().optional() }),
  repository,
  installation,
});

export function parsePayload<T>(schema: z.ZodType<T>, event: string, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]!;
  const where = first.path.length > 0 ? first.path.map(String).join(".") : "payload";
  throw new PayloadError(event, `${where}: ${first.message}`);
}

export function repoOf(payload: { repository: z.infer<typeof repository> }): RepoRef {
  return { owner: payload.repository.owner.login, repo: payload.repository.name };
}
