// Settings change only when the default branch does, so they are kept per repository until a push
// to its default branch (or to the default branch of the owner's `.github` repository, where
// Probot finds shared settings), and for at most `ttlMs` in case such a push was not seen.
import type { RepoRef } from "../github/client.ts";
import type { SettingsResult } from "./read-settings.ts";

export class SettingsCache {
  readonly #entries = new Map<string, { result: SettingsResult; at: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = 5 * 60 * 1000,
    private readonly capacity = 10_000,
  ) {}

  async get(repo: RepoRef, read: () => Promise<SettingsResult>): Promise<SettingsResult> {
    const key = keyOf(repo);
    const hit = this.#entries.get(key);
    if (hit !== undefined && this.now() - hit.at < this.ttlMs) return hit.result;
    const result = await read();
    this.#entries.delete(key);
    this.#entries.set(key, { result, at: this.now() });
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return result;
  }

  /** The default branch of `repo` moved: its settings (or, for `.github`, its owner's) may have changed. */
  forget(repo: RepoRef): void {
    if (repo.repo.toLowerCase() !== ".github") {
      this.#entries.delete(keyOf(repo));
      return;
    }
    const prefix = `${repo.owner.toLowerCase()}/`;
    for (const key of [...this.#entries.keys()]) if (key.startsWith(prefix)) this.#entries.delete(key);
  }
}

function keyOf(repo: RepoRef): string {
  return `${repo.owner}/${repo.repo}`.toLowerCase();
}
