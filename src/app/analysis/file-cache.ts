// A file at a commit never changes, so what the contents API said about it (its text, or that it is
// missing) can be kept. A pull request's base is read on every push; with this it is read once.
// Bounded by total size, least recently used first out. Only full commit ids are cached: a branch
// name is not a fixed point.
import type { FileAtRef } from "../github/read-file.ts";

const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export class FileCache {
  readonly #entries = new Map<string, FileAtRef>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.#maxBytes = maxBytes;
  }

  static key(repo: string, ref: string, path: string): string | null {
    return COMMIT_ID.test(ref) ? `${repo.toLowerCase()}@${ref}:${path}` : null;
  }

  get(key: string): FileAtRef | undefined {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, file: FileAtRef): void {
    const size = sizeOf(file);
    if (size > this.#maxBytes / 4) return;
    const old = this.#entries.get(key);
    if (old !== undefined) {
      this.#bytes -= sizeOf(old);
      this.#entries.delete(key);
    }
    this.#entries.set(key, file);
    this.#bytes += size;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= sizeOf(entry);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

function sizeOf(file: FileAtRef): number {
  // JavaScript strings take two bytes a character; the rest is a rough allowance for the entry.
  return (file.kind === "found" ? file.text.length * 2 : 0) + 200;
}
