// "Did you mean" for typed names: the closest candidate by edit distance (insertions, deletions,
// substitutions and swaps of two neighbours, so `rnu` is one edit from `run`), if it is close enough
// to be a likely typo rather than a different word.

/** Longer inputs are not typos of a short name; comparing them would only cost time. */
const MAX_LENGTH = 200;

/** The edit distance between `a` and `b`, or `limit + 1` once it is certain to exceed `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** How far a typo of a word this long may be: one edit for short words, two for longer ones. */
export function typoAllowance(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

/**
 * The candidate closest to `typed` (case-insensitively) within the typo allowance, or null. Ties go to
 * the candidate listed first, so callers list the likeliest first.
 */
export function closest(typed: string, candidates: Iterable<string>): string | null {
  if (typed.length === 0 || typed.length > MAX_LENGTH) return null;
  const lower = typed.toLowerCase();
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate.length > MAX_LENGTH) continue;
    const limit = Math.min(typoAllowance(candidate), bestDistance - 1);
    if (limit < 0) break;
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}
