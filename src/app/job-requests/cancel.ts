// Cancels a job request's jobs with rap/cancel, as job-server does: only jobs still pending or
// running, and not already cancelled. A request the backend has not accepted yet is withdrawn
// without asking it. Every outcome is a value for the reply.
import { RapClientError } from "../../rap/index.ts";
import type { BackendClients } from "./backend-clients.ts";
import { isActive, type JobRequest } from "./job-request.ts";
import { pollJobRequests } from "./poll.ts";
import type { JobRequestStore } from "./store.ts";

export type CancelOutcome =
  | { readonly kind: "cancelled"; readonly request: JobRequest; readonly actions: readonly string[] }
  | { readonly kind: "withdrawn"; readonly request: JobRequest }
  | { readonly kind: "not-active"; readonly request: JobRequest }
  /** The backend has not reported any job yet; there is nothing to name in a cancel. */
  | { readonly kind: "no-jobs-yet"; readonly request: JobRequest }
  /** None of the named actions is pending or running in this request. */
  | { readonly kind: "nothing-to-cancel"; readonly request: JobRequest; readonly notFound: readonly string[] }
  | { readonly kind: "unreachable"; readonly request: JobRequest; readonly problem: string };

const CANCELLABLE = new Set(["pending", "running"]);

/** Cancels `actions` (or, when null, every pending or running job) of one request. */
export async function cancelJobRequest(
  store: JobRequestStore,
  clients: BackendClients,
  request: JobRequest,
  actions: readonly string[] | null,
): Promise<CancelOutcome> {
  if (request.submission === "waiting") {
    const withdrawn = store.settleSubmission(
      request.id,
      "withdrawn",
      "failed",
      "Cancelled before the backend accepted it.",
    );
    return { kind: "withdrawn", request: withdrawn };
  }
  if (!isActive(request)) return { kind: "not-active", request };
  const client = clients.get(request.backend);
  if (client === undefined) {
    return { kind: "unreachable", request, problem: `the backend ${request.backend} is not configured` };
  }
  // What runs is what the backend says now, not what the last poll saw.
  const refreshed = await pollJobRequests(store, clients, [request]);
  const current = store.get(request.id)!;
  if (refreshed.unreachable.has(request.backend)) {
    return { kind: "unreachable", request: current, problem: refreshed.unreachable.get(request.backend)! };
  }
  if (!isActive(current)) return { kind: "not-active", request: current };
  const jobs = store.jobs(request.id);
  if (jobs.length === 0) return { kind: "no-jobs-yet", request: current };
  const running = jobs.filter(
    (j) => CANCELLABLE.has(j.status) && !current.cancelledActions.includes(j.action),
  );
  const wanted = actions === null ? running : running.filter((j) => actions.includes(j.action));
  const notFound = actions === null ? [] : actions.filter((a) => !running.some((j) => j.action === a));
  if (wanted.length === 0) return { kind: "nothing-to-cancel", request: current, notFound };
  const names = wanted.map((j) => j.action);
  try {
    const result = await client.cancel({ rap_id: request.id, actions: names });
    if (!result.ok) {
      // 404: the jobs ended between the refresh and the cancel.
      if (result.status === 404) return { kind: "nothing-to-cancel", request: current, notFound: names };
      return {
        kind: "unreachable",
        request: current,
        problem: `${result.body.error}: ${result.body.details}`,
      };
    }
  } catch (error) {
    if (!(error instanceof RapClientError)) throw error;
    return { kind: "unreachable", request: current, problem: error.message };
  }
  return { kind: "cancelled", request: store.addCancelled(request.id, names), actions: names };
}
