// Loading a large project.yaml takes tens of milliseconds, and the base commit of a pull request is
// loaded again on every push. Results are kept by a hash of the text (not by commit), so identical
// files at different commits share one entry. Bounded, least recently used first out.
import { createHash } from "node:crypto";
import { buildGraph, type JobGraph, type LoadResult, loadPipeline } from "../../pipeline/index.ts";

export interface LoadedProject {
  readonly result: LoadResult;
  /** The job graph when the project is valid. */
  readonly graph: JobGraph | null;
}

export class LoadCache {
  readonly #entries = new Map<string, LoadedProject>();
  readonly #capacity: number;

  constructor(capacity = 64) {
    this.#capacity = capacity;
  }

  load(text: string, filename: string): LoadedProject {
    const key = createHash("sha256").update(filename).update("\0").update(text).digest("hex");
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const result = loadPipeline(text);
    const loaded = { result, graph: result.pipeline === null ? null : buildGraph(result.pipeline) };
    this.#entries.set(key, loaded);
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return loaded;
  }

  get size(): number {
    return this.#entries.size;
  }
}
