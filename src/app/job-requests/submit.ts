// Sends a stored job request to its backend with rap/create. The backend's answers are values:
// accepted ("Success" or "No change": it holds the request), nothing to do, or refused with its
// reason. A backend that cannot be reached (or answers outside the contract) leaves the request
// waiting for another attempt, so nothing is lost; a repeat is safe because the id is the same.
import { type CreateRequest, type RapClient, RapClientError } from "../../rap/index.ts";
import type { JobRequest } from "./job-request.ts";
import type { JobRequestStore } from "./store.ts";

/** After this long without reaching the backend, the request fails rather than waiting forever. */
export const SUBMIT_GIVE_UP_MS = 24 * 60 * 60 * 1000;
const MAX_RETRY_DELAY_MS = 10 * 60 * 1000;

export type SubmitOutcome =
  | { readonly kind: "accepted"; readonly request: JobRequest; readonly jobs: number }
  | { readonly kind: "nothing-to-do"; readonly request: JobRequest }
  | { readonly kind: "rejected"; readonly request: JobRequest }
  | { readonly kind: "retrying"; readonly request: JobRequest; readonly problem: string };

export interface SubmitContext {
  readonly store: JobRequestStore;
  readonly client: RapClient | undefined;
  readonly now: () => number;
  /** The first retry waits this long; each further one twice as long, up to ten minutes. */
  readonly retryBaseMs: number;
}

export function createBody(request: JobRequest): CreateRequest {
  return {
    rap_id: request.id,
    backend: request.backend,
    workspace: request.workspace,
    repo_url: request.repoUrl,
    branch: request.branch,
    commit: request.commit,
    database_name: "default",
    requested_actions: [...request.requestedActions],
    // The App does not check codelists against OpenCodelists; the backend repeats its own checks.
    codelists_ok: true,
    force_run_dependencies: request.forceRunDependencies,
    created_by: request.requestedBy,
    project: request.project,
    orgs: [request.organisation],
  };
}

export async function submitJobRequest(context: SubmitContext, request: JobRequest): Promise<SubmitOutcome> {
  const { store } = context;
  if (context.client === undefined) {
    const message = `The backend ${request.backend} is not configured for this App.`;
    return { kind: "rejected", request: store.settleSubmission(request.id, "rejected", "failed", message) };
  }
  let problem: string;
  try {
    const result = await context.client.create(createBody(request));
    if (result.ok) {
      const { body } = result;
      if (body.result === "Nothing to do") {
        return {
          kind: "nothing-to-do",
          request: store.settleSubmission(request.id, "accepted", "nothing_to_do", body.details),
        };
      }
      return {
        kind: "accepted",
        request: store.settleSubmission(request.id, "accepted", "pending", null),
        jobs: body.count,
      };
    }
    if (result.status !== 401) {
      const message = `${result.body.error}: ${result.body.details}`;
      return { kind: "rejected", request: store.settleSubmission(request.id, "rejected", "failed", message) };
    }
    problem = `the backend ${request.backend} did not accept the App's token`;
  } catch (error) {
    if (!(error instanceof RapClientError)) throw error;
    problem = `the backend ${request.backend} could not be reached (${error.message})`;
  }
  const now = context.now();
  if (now - request.createdAt >= SUBMIT_GIVE_UP_MS) {
    const message = `Not submitted: ${problem} for 24 hours.`;
    return { kind: "rejected", request: store.settleSubmission(request.id, "rejected", "failed", message) };
  }
  const delay = Math.min(MAX_RETRY_DELAY_MS, context.retryBaseMs * 2 ** request.submitAttempts);
  return { kind: "retrying", request: store.retrySubmission(request.id, problem, now + delay), problem };
}
