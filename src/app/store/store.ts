// What the App remembers between deliveries. GitHub is the source of truth for comments and check
// runs; the store only saves work (where the sticky comment is) and guards against redeliveries.
// Implementations: memory-store.ts (default). A persistent store implements the same interface.
import type { RepoRef } from "../github/client.ts";

export interface PullKey {
  readonly repo: RepoRef;
  readonly number: number;
}

export interface AppStore {
  /**
   * Records a delivery id as being handled. False when it was already recorded: GitHub redelivers
   * with the same id, and a delivery that was handled once must not act twice.
   */
  claimDelivery(id: string): Promise<boolean>;
  /** Forgets a claimed delivery whose handling failed, so that a redelivery can try again. */
  releaseDelivery(id: string): Promise<void>;
  /** Where the pull request's sticky comment was last seen. */
  getStickyComment(key: PullKey): Promise<number | null>;
  setStickyComment(key: PullKey, commentId: number): Promise<void>;
}

export function pullKeyString(key: PullKey): string {
  return `${key.repo.owner}/${key.repo.repo}#${key.number}`.toLowerCase();
}
