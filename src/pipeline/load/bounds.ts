// Hostile input is bounded: aliases can make a small file stand for a huge tree ("billion laughs"),
// and every consumer walks the tree, so the expanded size is measured once, in linear time, before
// anything else touches it.
import { thousands } from "../counting.ts";
import type { YValue } from "./values.ts";

/** More values than any real project has (the largest known file has about 60,000). */
export const MAX_EXPANDED_VALUES = 2_000_000;
export const MAX_DEPTH = 200;
export const MAX_BYTES = 8 * 1024 * 1024;

export type BoundsProblem = { readonly code: string; readonly message: string } | null;

export function checkBounds(root: YValue): BoundsProblem {
  const sizes = new Map<object, number>();
  let tooDeep = false;
  const size = (value: YValue, depth: number): number => {
    if (value === null || typeof value !== "object" || !(value instanceof Map || Array.isArray(value)))
      return 1;
    if (depth > MAX_DEPTH) {
      tooDeep = true;
      return 1;
    }
    const known = sizes.get(value);
    if (known !== undefined) return known;
    let total = 1;
    for (const child of value instanceof Map ? value.values() : value) {
      total += size(child, depth + 1);
      if (total > MAX_EXPANDED_VALUES || tooDeep) break;
    }
    sizes.set(value, total);
    return total;
  };
  const total = size(root, 0);
  if (tooDeep) {
    return { code: "yaml-too-deep", message: `the file nests values more than ${MAX_DEPTH} levels deep` };
  }
  if (total > MAX_EXPANDED_VALUES) {
    return {
      code: "yaml-too-large",
      message: `the file expands to more than ${thousands(MAX_EXPANDED_VALUES)} values (through aliases); this looks like a resource exhaustion attack`,
    };
  }
  return null;
}
