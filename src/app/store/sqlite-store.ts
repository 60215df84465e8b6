// The App's store in SQLite, beside its job requests: deliveries handled, and what the App last wrote
// on GitHub (its comment on each pull request, the newest head it saw, its check runs), so that a
// restarted App neither acts on a delivery twice nor writes what GitHub already shows. Old delivery
// ids are dropped after a while; GitHub redelivers within days.
import type { PublishedCheckRun } from "../github/check-run.ts";
import type { KnownComment } from "../github/sticky-comment.ts";
import type { Db } from "../job-requests/database.ts";
import {
  type AppStore,
  type CheckRunKey,
  checkRunKeyString,
  type PullHead,
  type PullKey,
  pullKeyString,
} from "./store.ts";

/** Delivery ids older than this are forgotten. */
export const DELIVERY_MEMORY_MS = 30 * 24 * 60 * 60 * 1000;

type Kind = "comment" | "head" | "check";

export class SqliteStore implements AppStore {
  readonly #db: Db;
  readonly #now: () => number;
  #claims = 0;

  constructor(db: Db, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  async claimDelivery(id: string): Promise<boolean> {
    // Now and then, forget ids too old to be redelivered.
    if (++this.#claims % 1000 === 1) {
      this.#db.prepare("DELETE FROM deliveries WHERE claimed_at < ?").run(this.#now() - DELIVERY_MEMORY_MS);
    }
    const result = this.#db
      .prepare("INSERT OR IGNORE INTO deliveries (id, claimed_at) VALUES (?, ?)")
      .run(id, this.#now());
    return result.changes === 1;
  }

  async releaseDelivery(id: string): Promise<void> {
    this.#db.prepare("DELETE FROM deliveries WHERE id = ?").run(id);
  }

  async getStickyComment(key: PullKey): Promise<KnownComment | null> {
    return this.#get<KnownComment>("comment", pullKeyString(key));
  }

  async setStickyComment(key: PullKey, comment: KnownComment): Promise<void> {
    this.#set("comment", pullKeyString(key), comment);
  }

  async getPullHead(key: PullKey): Promise<PullHead | null> {
    return this.#get<PullHead>("head", pullKeyString(key));
  }

  async setPullHead(key: PullKey, head: PullHead): Promise<void> {
    this.#set("head", pullKeyString(key), head);
  }

  async getCheckRun(key: CheckRunKey): Promise<PublishedCheckRun | null> {
    return this.#get<PublishedCheckRun>("check", checkRunKeyString(key));
  }

  async setCheckRun(key: CheckRunKey, run: PublishedCheckRun): Promise<void> {
    this.#set("check", checkRunKeyString(key), run);
  }

  #get<T>(kind: Kind, key: string): T | null {
    const row = this.#db
      .prepare<[string, string], { value: string }>("SELECT value FROM memory WHERE kind = ? AND key = ?")
      .get(kind, key);
    return row === undefined ? null : (JSON.parse(row.value) as T);
  }

  #set(kind: Kind, key: string, value: unknown): void {
    this.#db
      .prepare(
        `INSERT INTO memory (kind, key, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(kind, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(kind, key, JSON.stringify(value), this.#now());
  }
}
