// One RAP API client per configured backend. Tokens stay inside the clients, which redact them
// from every error they raise.
import { RapClient, type RapClientOptions } from "../../rap/index.ts";
import type { BackendConfig } from "./config.ts";

export type ClientTuning = Partial<
  Pick<RapClientOptions, "timeoutMs" | "retries" | "retryDelayMs" | "fetch">
>;

export class BackendClients {
  readonly #clients = new Map<string, RapClient>();

  constructor(backends: readonly BackendConfig[], tuning: ClientTuning = {}) {
    for (const backend of backends) {
      this.#clients.set(
        backend.slug,
        new RapClient({ baseUrl: backend.apiUrl, token: backend.token, ...tuning }),
      );
    }
  }

  get(slug: string): RapClient | undefined {
    return this.#clients.get(slug);
  }

  get slugs(): readonly string[] {
    return [...this.#clients.keys()];
  }
}
