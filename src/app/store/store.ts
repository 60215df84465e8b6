// What the App remembers between deliveries: the deliveries it has handled (GitHub redelivers), and
// the comment and check runs it last wrote, so that writing the same again costs nothing. One App
// process owns its store; replicas sharing a repository would each need to see every write.
// Implementations: memory-store.ts (default). A persistent store implements the same interface.
import type { PublishedCheckRun } from "../github/check-run.ts";
import type { RepoRef } from "../github/client.ts";
import type { KnownComment } from "../github/sticky-comment.ts";

export interface PullKey {
  readonly repo: RepoRef;
  readonly number: number;
}

/** The newest head the App has seen for a pull request, with the event's `updated_at`. */
export interface PullHead {
  readonly sha: string;
  readonly updatedAt: string;
}

export interface CheckRunKey {
  readonly repo: RepoRef;
  readonly sha: string;
  readonly name: string;
}

export interface AppStore {
  /**
   * Records a delivery id as being handled. False when it was already recorded: GitHub redelivers
   * with the same id, and a delivery that was handled once must not act twice.
   */
  claimDelivery(id: string): Promise<boolean>;
  /** Forgets a claimed delivery whose handling failed, so that a redelivery can try again. */
  releaseDelivery(id: string): Promise<void>;
  /** The pull request's sticky comment as the App last wrote it. */
  getStickyComment(key: PullKey): Promise<KnownComment | null>;
  setStickyComment(key: PullKey, comment: KnownComment): Promise<void>;
  getPullHead(key: PullKey): Promise<PullHead | null>;
  setPullHead(key: PullKey, head: PullHead): Promise<void>;
  /** The check run the App last published on a commit under a name. */
  getCheckRun(key: CheckRunKey): Promise<PublishedCheckRun | null>;
  setCheckRun(key: CheckRunKey, run: PublishedCheckRun): Promise<void>;
}

export function pullKeyString(key: PullKey): string {
  return `${key.repo.owner}/${key.repo.repo}#${key.number}`.toLowerCase();
}

export function checkRunKeyString(key: CheckRunKey): string {
  const repo = `${key.repo.owner}/${key.repo.repo}`.toLowerCase();
  return `${repo}@${key.sha}:${key.name}`;
}
