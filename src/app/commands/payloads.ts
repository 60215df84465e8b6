// The parts of comment and check-run payloads that commands read, checked before anything is done
// with them; a malformed delivery is refused with what is missing, and nothing is written.
import { z } from "zod";

const login = z.string().min(1).max(100);
const repository = z.object({
  name: z.string().min(1).max(100),
  owner: z.object({ login }),
  html_url: z.string().url().max(2_000).optional(),
});
const installation = z.object({ id: z.number().int().positive() });
const sender = z.object({ login, type: z.string() });

export const commandCommentPayload = z.object({
  comment: z.object({
    id: z.number().int().positive(),
    body: z.string().nullable(),
    user: z.object({ login, type: z.string() }).nullable(),
    performed_via_github_app: z.object({ id: z.number().int() }).nullable().optional(),
  }),
  issue: z.object({ number: z.number().int().positive(), pull_request: z.unknown().optional() }),
  repository,
  installation,
  sender,
});

export const checkRunButtonPayload = z.object({
  action: z.string(),
  check_run: z.object({
    id: z.number().int().positive(),
    head_sha: z.string(),
    external_id: z.string().nullable(),
    app: z.object({ id: z.number().int() }).nullable(),
  }),
  requested_action: z.object({ identifier: z.string().max(100) }).nullish(),
  repository,
  installation,
  sender,
});

/** The repository's web page, from the payload when it says, else github.com's. */
export function htmlUrlOf(payload: { repository: z.infer<typeof repository> }): string {
  return (
    payload.repository.html_url ??
    `https://github.com/${payload.repository.owner.login}/${payload.repository.name}`
  );
}
