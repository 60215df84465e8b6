// What makes a previous result reusable: the action's definition, the content of its inputs, the
// content of every code file it read, and the folders it listed. Any difference makes it stale.
import type { Action, Pipeline } from "../pipeline/index.ts";
import type { CodeTree } from "./code-tree.ts";
import { listings } from "./code-tree.ts";
import { type HashCache, hashText } from "./hash.ts";
import { outputSpec } from "./patterns.ts";
import type { Fingerprint } from "./state/records.ts";

// Bump when the meaning of a fingerprint changes, so that old records are not trusted.
const FINGERPRINT_VERSION = 1;

export function definitionHash(action: Action, pipeline: Pipeline): string {
  const isCohortExtractor = action.run.image === "cohortextractor";
  return hashText(
    JSON.stringify({
      v: FINGERPRINT_VERSION,
      run: action.jobCommand,
      outputs: outputSpec(action.outputs).sort((a, b) => (a.pattern < b.pattern ? -1 : 1)),
      needs: [...action.needs].sort(),
      dummyDataFile: action.dummyDataFile,
      populationSize: isCohortExtractor ? (pipeline.expectations?.populationSize ?? null) : null,
    }),
  );
}

export function listingHash(names: readonly string[]): string {
  return hashText(names.join("\0"));
}

export interface CurrentView {
  readonly definition: string;
  /** The inputs the job would get now: path → sha256 from its needs' records. */
  readonly inputs: Readonly<Record<string, string>>;
  readonly tree: CodeTree;
  readonly hashes: HashCache;
}

/** Null when the fingerprint still holds; otherwise why not, in words. */
export async function staleBecause(fp: Fingerprint, now: CurrentView): Promise<string | null> {
  if (fp.definition !== now.definition) return "its definition in project.yaml changed";
  const before = Object.keys(fp.inputs);
  const after = Object.keys(now.inputs);
  if (before.length !== after.length || after.some((p) => !(p in fp.inputs)))
    return "its set of input files changed";
  for (const path of after) if (fp.inputs[path] !== now.inputs[path]) return `input ${path} changed`;
  for (const [path, sha] of Object.entries(fp.reads)) {
    const abs = now.tree.files.get(path);
    if (abs === undefined) return `${path} was removed`;
    if ((await now.hashes.get(abs)) !== sha) return `${path} changed`;
  }
  const dirs = Object.keys(fp.listings);
  if (dirs.length > 0) {
    const current = listings([...now.tree.files.keys(), ...after]);
    for (const dir of dirs) {
      if (listingHash(current.get(dir) ?? []) !== fp.listings[dir]) {
        return `files were added to or removed from ${dir === "" ? "the project folder" : `${dir}/`}`;
      }
    }
  }
  return null;
}
