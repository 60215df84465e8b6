// The store kept in the process: bounded, so a long-running App does not grow without limit. Losing
// it on restart costs a comment listing per pull request, a repeated check run at worst, and the
// redelivery guard for old ids.
import type { PublishedCheckRun } from "../github/check-run.ts";
import type { KnownComment } from "../github/sticky-comment.ts";
import {
  type AppStore,
  type CheckRunKey,
  checkRunKeyString,
  type PullHead,
  type PullKey,
  pullKeyString,
} from "./store.ts";

export interface MemoryStoreOptions {
  /** How many delivery ids to remember. GitHub redelivers within days, at most a few per hook. */
  readonly deliveries?: number;
  /** How many pull requests' comments (and newest heads) to remember. */
  readonly comments?: number;
  /** How many published check runs to remember. */
  readonly checkRuns?: number;
}

export class MemoryStore implements AppStore {
  readonly #deliveries: BoundedMap<string, true>;
  readonly #comments: BoundedMap<string, KnownComment>;
  readonly #checkRuns: BoundedMap<string, PublishedCheckRun>;
  readonly #heads: BoundedMap<string, PullHead>;

  constructor(options: MemoryStoreOptions = {}) {
    this.#deliveries = new BoundedMap(options.deliveries ?? 50_000);
    this.#comments = new BoundedMap(options.comments ?? 50_000);
    this.#checkRuns = new BoundedMap(options.checkRuns ?? 50_000);
    this.#heads = new BoundedMap(options.comments ?? 50_000);
  }

  async claimDelivery(id: string): Promise<boolean> {
    if (this.#deliveries.has(id)) return false;
    this.#deliveries.set(id, true);
    return true;
  }

  async releaseDelivery(id: string): Promise<void> {
    this.#deliveries.delete(id);
  }

  async getStickyComment(key: PullKey): Promise<KnownComment | null> {
    return this.#comments.get(pullKeyString(key)) ?? null;
  }

  async setStickyComment(key: PullKey, comment: KnownComment): Promise<void> {
    this.#comments.set(pullKeyString(key), comment);
  }

  async getPullHead(key: PullKey): Promise<PullHead | null> {
    return this.#heads.get(pullKeyString(key)) ?? null;
  }

  async setPullHead(key: PullKey, head: PullHead): Promise<void> {
    this.#heads.set(pullKeyString(key), head);
  }

  async getCheckRun(key: CheckRunKey): Promise<PublishedCheckRun | null> {
    return this.#checkRuns.get(checkRunKeyString(key)) ?? null;
  }

  async setCheckRun(key: CheckRunKey, run: PublishedCheckRun): Promise<void> {
    this.#checkRuns.set(checkRunKeyString(key), run);
  }
}

/** A Map that drops its oldest entry when full (insertion order; a set refreshes the entry). */
class BoundedMap<K, V> {
  readonly #map = new Map<K, V>();
  constructor(readonly capacity: number) {}

  has(key: K): boolean {
    return this.#map.has(key);
  }
  get(key: K): V | undefined {
    return this.#map.get(key);
  }
  delete(key: K): void {
    this.#map.delete(key);
  }
  set(key: K, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.capacity) {
      const oldest = this.#map.keys().next();
      if (!oldest.done) this.#map.delete(oldest.value);
    }
  }
}
