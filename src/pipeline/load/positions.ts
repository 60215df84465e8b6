// Finds where a key path was written. Paths name keys (the position of the key itself, the line a
// user would look at) or list items.
import type { Pos, PositionIndex } from "./positioned-parse.ts";
import { isYList, isYMap, type YValue } from "./values.ts";

export function positionOf(
  root: YValue,
  index: PositionIndex,
  path: readonly (string | number)[],
): Pos | null {
  let node: YValue | undefined = root;
  let at: Pos | null = index.root;
  for (const segment of path) {
    if (isYMap(node) && typeof segment === "string") {
      const where = index.maps.get(node)?.get(segment);
      if (where === undefined) return at;
      at = where.key;
      node = node.get(segment);
    } else if (isYList(node) && typeof segment === "number") {
      const where = index.lists.get(node)?.[segment];
      if (where === undefined) return at;
      at = where;
      node = node[segment];
    } else return at;
  }
  return at;
}

/**
 * Where a top-level key starts, from the text alone: a block-style key at column 1. Lets the common
 * case (a warning about `version`) skip the positioned parse.
 */
export function topLevelKeyLine(text: string, key: string): Pos | null {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`^(?:${escaped}|"${escaped}"|'${escaped}')[ \\t]*:(?:[ \\t]|$)`, "m").exec(text);
  if (match === null) return null;
  let line = 1;
  for (let i = 0; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
  return { line, column: 1 };
}
