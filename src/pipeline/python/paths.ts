// Python's POSIX path handling as the reference applies it to output patterns: `posixpath.normpath`,
// `PurePosixPath` (its string form, name and suffix, and parent) and `fnmatch.fnmatchcase`.

/** `posixpath.normpath(path)`. */
export function normpath(path: string): string {
  if (path === "") return ".";
  let initialSlashes = path.startsWith("/") ? 1 : 0;
  if (path.startsWith("//") && !path.startsWith("///")) initialSlashes = 2;
  const out: string[] = [];
  for (const comp of path.split("/")) {
    if (comp === "" || comp === ".") continue;
    if (
      comp !== ".." ||
      (!initialSlashes && out.length === 0) ||
      (out.length > 0 && out[out.length - 1] === "..")
    ) {
      out.push(comp);
    } else if (out.length > 0) out.pop();
  }
  const joined = out.join("/");
  return "/".repeat(initialSlashes) + joined || ".";
}

export function pureParts(path: string): { root: string; parts: string[] } {
  let root = "";
  if (path.startsWith("/")) root = path.startsWith("//") && !path.startsWith("///") ? "//" : "/";
  const parts = path.split("/").filter((p) => p !== "" && p !== ".");
  return { root, parts };
}

/** `str(PurePosixPath(path))`: `//` and `.` collapsed, trailing `/` dropped, `..` kept. */
export function purePath(path: string): string {
  const { root, parts } = pureParts(path);
  return root + parts.join("/") || ".";
}

/** `PurePosixPath(path).suffix`. */
export function pureSuffix(path: string): string {
  const { parts } = pureParts(path);
  const name = parts[parts.length - 1] ?? "";
  const i = name.lastIndexOf(".");
  return i > 0 && i < name.length - 1 ? name.slice(i) : "";
}

/** `str(PurePosixPath(path).parent)`. */
export function pureParent(path: string): string {
  const { root, parts } = pureParts(path);
  if (parts.length <= 1) return root || ".";
  return root + parts.slice(0, -1).join("/");
}

/** `fnmatch.fnmatchcase(name, pattern)`: `*` matches anything, including `/`. */
export function fnmatchCase(name: string, pattern: string): boolean {
  return fnmatchRegExp(pattern).test(name);
}

function fnmatchRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") re += "[\\s\\S]*";
    else if (c === "?") re += "[\\s\\S]";
    else if (c === "[") {
      let j = i + 1;
      if (pattern[j] === "!") j++;
      if (pattern[j] === "]") j++;
      while (j < pattern.length && pattern[j] !== "]") j++;
      if (j >= pattern.length) re += "\\[";
      else {
        let body = pattern.slice(i + 1, j).replaceAll("\\", "\\\\");
        if (body.startsWith("!")) body = `^${body.slice(1)}`;
        else if (body.startsWith("^")) body = `\\${body}`;
        re += `[${body}]`;
        i = j;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^(?:${re})$`, "u");
}
