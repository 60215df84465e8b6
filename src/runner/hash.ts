// Content hashes (sha256, hex) of files, streamed so that large dummy-data files are fine.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";

const SMALL = 1024 * 1024;

export async function hashFile(path: string): Promise<string> {
  const info = await stat(path);
  if (info.size <= SMALL)
    return createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Hashes each path at most once; a missing or unreadable file hashes to null. */
export class HashCache {
  readonly #hashes = new Map<string, Promise<string | null>>();

  get(path: string): Promise<string | null> {
    let hash = this.#hashes.get(path);
    if (!hash) {
      hash = hashFile(path).catch(() => null);
      this.#hashes.set(path, hash);
    }
    return hash;
  }
}
