// metadata/manifest.json (spec/backend.md §4.6): one entry per output file of the workspace, updated
// after each job and written atomically. Updates are queued so that jobs ending together do not
// overwrite each other's entries.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { PrivacyLevel } from "../pipeline/index.ts";
import { writeFileAtomic } from "./fs-util.ts";
import { MANIFEST_FILE } from "./state/paths.ts";

export interface ManifestOutput {
  readonly level: PrivacyLevel;
  readonly job_id: string;
  readonly job_request: string;
  readonly action: string;
  readonly user: string | null;
  readonly repo: string | null;
  readonly commit: string | null;
  readonly size: number;
  readonly timestamp: number;
  readonly content_hash: string;
  readonly excluded: boolean;
  readonly message: string | null;
  readonly row_count: number | null;
  readonly col_count: number | null;
  readonly out_of_date_action?: boolean;
}

export interface Manifest {
  readonly workspace: string;
  readonly repo: string | null;
  readonly outputs: Record<string, ManifestOutput>;
}

export class ManifestWriter {
  #queue: Promise<void> = Promise.resolve();
  // Read once per run: during a run only this writer changes the file.
  #current: Manifest | null = null;

  constructor(
    readonly projectDir: string,
    readonly workspace: string,
    readonly repo: string | null,
    readonly actions: ReadonlySet<string>,
  ) {}

  /** Replaces an action's entries: drops `removed`, sets `outputs`. */
  update(removed: readonly string[], outputs: Readonly<Record<string, ManifestOutput>>): Promise<void> {
    const next = this.#queue.then(async () => {
      this.#current ??= await this.read();
      const manifest = this.#current;
      for (const path of removed) delete manifest.outputs[path];
      Object.assign(manifest.outputs, outputs);
      for (const [path, entry] of Object.entries(manifest.outputs)) {
        const { out_of_date_action: _, ...rest } = entry;
        manifest.outputs[path] = this.actions.has(entry.action)
          ? rest
          : { ...rest, out_of_date_action: true };
      }
      await writeFileAtomic(join(this.projectDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async read(): Promise<Manifest> {
    try {
      const data = JSON.parse(
        await readFile(join(this.projectDir, MANIFEST_FILE), "utf8"),
      ) as Partial<Manifest>;
      if (data && typeof data.outputs === "object" && data.outputs !== null) {
        return { workspace: this.workspace, repo: this.repo, outputs: { ...data.outputs } };
      }
    } catch {
      // Missing or not JSON: start a new one.
    }
    return { workspace: this.workspace, repo: this.repo, outputs: {} };
  }
}
