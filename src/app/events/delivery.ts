// Every delivery goes through here: a redelivery of one already handled is skipped, a failure frees
// the id so that GitHub's (or an operator's) redelivery can try again, and each delivery ends with one
// structured log line carrying its id, what it was about and what was done.
import type { Context, Logger } from "probot";
import type { KeyedQueue } from "../keyed-queue.ts";
import type { AppStore } from "../store/store.ts";

export interface DeliveryDeps {
  readonly store: AppStore;
  readonly queue: KeyedQueue;
}

type Fields = Record<string, string | number | boolean | null>;

export async function handleDelivery(
  context: Pick<Context, "id" | "name" | "log">,
  deps: DeliveryDeps,
  about: Fields & { readonly key: string },
  task: () => Promise<object>,
): Promise<void> {
  const log: Logger = context.log;
  const started = performance.now();
  const fields = { delivery: context.id, event: context.name, ...about };
  if (!(await deps.store.claimDelivery(context.id))) {
    log.info({ ...fields, outcome: "redelivery-skipped" }, "delivery already handled");
    return;
  }
  try {
    const outcome = await deps.queue.run(about.key, task);
    log.info({ ...fields, ...outcome, ms: Math.round(performance.now() - started) }, "delivery handled");
  } catch (error) {
    await deps.store.releaseDelivery(context.id);
    // Probot logs the error itself (with its stack) when it is re-thrown; this line keeps the fields.
    const message = error instanceof Error ? error.message : String(error);
    log.warn(
      { ...fields, outcome: "failed", error: message, ms: Math.round(performance.now() - started) },
      "delivery failed",
    );
    throw error;
  }
}
