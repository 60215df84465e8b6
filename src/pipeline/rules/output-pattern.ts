// Output pattern rules (spec §7.2), in the reference's order: the first failing rule's reason is
// reported. One deliberate addition: a pattern that leaves the workspace (a leading `..`) is refused.
import { normpath, pureParts, purePath, pureSuffix } from "../python/paths.ts";

/** The file types allowed at moderately_sensitive (level 4). Case-sensitive, last suffix only. */
export const LEVEL4_FILE_TYPES = [
  ".csv",
  ".jpg",
  ".jpeg",
  ".png",
  ".svg",
  ".svgz",
  ".html",
  ".txt",
  ".log",
  ".json",
  ".md",
] as const;

const SIMPLE = /^(?:[\w*-]+\/)*[\w*-]+\.\w+$/;

function isAbsolute(pattern: string): boolean {
  // POSIX root, or a Windows drive followed by a root (any single character counts as a drive from
  // Python 3.12, which the platform runs); `c:a.csv` is drive-relative and allowed.
  return pattern.startsWith("/") || (pattern.length >= 3 && pattern[1] === ":" && pattern[2] === "/");
}

/** The reason a pattern is invalid at this level, or null when it is fine. */
export function patternProblem(pattern: string, moderatelySensitive: boolean): string | null {
  if (SIMPLE.test(pattern) && !pattern.includes("**") && !pattern.startsWith("metadata/")) {
    // A relative path of plain components ending in a plain extension passes every structural
    // rule below; only the level-4 file type remains to check.
    const suffix = pattern.slice(pattern.lastIndexOf("."));
    if (!moderatelySensitive || (LEVEL4_FILE_TYPES as readonly string[]).includes(suffix)) return null;
  }
  if (pattern.includes("\\")) return "contains back slashes (use forward slashes only)";
  for (const token of ["**", "?", "["]) {
    if (pattern.includes(token)) return `contains '${token}' (only the * wildcard character is supported)`;
  }
  const suffix = pureSuffix(pattern);
  if (suffix === "" || suffix.endsWith("*")) return "output paths must have a file type extension at the end";
  if (moderatelySensitive && !(LEVEL4_FILE_TYPES as readonly string[]).includes(suffix)) {
    return `${purePath(pattern)} is not an allowed file type for moderately_sensitive outputs`;
  }
  if (pattern !== normpath(pattern))
    return "is not in standard form (contains double slashes or '..' elements)";
  if (pureParts(pattern).parts[0] === "..") return "leaves the workspace (starts with '..')";
  if (pattern === "metadata" || pattern.startsWith("metadata/"))
    return "should not include the metadata directory";
  if (isAbsolute(pattern)) return "is an absolute path";
  return null;
}
