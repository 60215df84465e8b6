// Follows the job requests backends hold, with rap/status: one call per backend for up to 500
// requests, the jobs recorded, and each request's status derived from them. A backend that cannot be
// reached is skipped this round and asked again the next; nothing is changed meanwhile.
import { RapClientError } from "../../rap/index.ts";
import type { BackendClients } from "./backend-clients.ts";
import type { JobRequest } from "./job-request.ts";
import type { JobRequestStore } from "./store.ts";

const IDS_PER_CALL = 500;

export interface PollResult {
  /** Requests whose visible state changed. */
  readonly changed: readonly string[];
  /** Backends that could not be asked this round, with why. */
  readonly unreachable: ReadonlyMap<string, string>;
}

export async function pollJobRequests(
  store: JobRequestStore,
  clients: BackendClients,
  requests: readonly JobRequest[] = store.polled(),
): Promise<PollResult> {
  const byBackend = new Map<string, JobRequest[]>();
  for (const request of requests) {
    const list = byBackend.get(request.backend) ?? [];
    list.push(request);
    byBackend.set(request.backend, list);
  }
  const changed: string[] = [];
  const unreachable = new Map<string, string>();
  await Promise.all(
    [...byBackend].map(async ([backend, list]) => {
      const client = clients.get(backend);
      if (client === undefined) {
        unreachable.set(backend, "not configured");
        return;
      }
      for (let i = 0; i < list.length; i += IDS_PER_CALL) {
        const chunk = list.slice(i, i + IDS_PER_CALL);
        let result: Awaited<ReturnType<typeof client.status>>;
        try {
          result = await client.status(chunk.map((r) => r.id));
        } catch (error) {
          if (!(error instanceof RapClientError)) throw error;
          unreachable.set(backend, error.message);
          return;
        }
        if (!result.ok) {
          unreachable.set(backend, `${result.body.error}: ${result.body.details}`);
          return;
        }
        const unrecognised = new Set(result.body.unrecognised_rap_ids);
        for (const request of chunk) {
          if (unrecognised.has(request.id)) {
            store.settleSubmission(
              request.id,
              "accepted",
              "failed",
              `The backend ${backend} no longer knows this job request.`,
            );
            changed.push(request.id);
            continue;
          }
          const jobs = result.body.jobs.filter((j) => j.rap_id === request.id);
          if (store.applyStatus(request.id, jobs).changed) changed.push(request.id);
        }
      }
    }),
  );
  return { changed, unreachable };
}
