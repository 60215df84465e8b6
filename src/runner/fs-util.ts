// Small file-system helpers shared by the runner: atomic writes, containment checks, and walks that
// never follow symbolic links.
import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, realpath, rename, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, sep } from "node:path";

/** Writes a file so that readers see the old content or the new, never a part: temp file, then rename. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    try {
      await writeFile(temp, content);
    } catch (error) {
      // The folder is there nearly always; make it only when it is not.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      await mkdir(dirname(path), { recursive: true });
      await writeFile(temp, content);
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** True when `child` is `root` or inside it (both absolute, already resolved). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/** Converts a relative path to the forward-slash form patterns use. */
export function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

export interface WalkEntry {
  /** Relative, forward slashes. */
  readonly path: string;
  readonly kind: "file" | "dir" | "symlink" | "other";
}

/**
 * Lists everything under `root` without following symbolic links. `skip(path, kind)` prunes entries
 * (and whole folders). Iterative, so deep trees cannot overflow the stack.
 */
export async function walk(
  root: string,
  skip: (path: string, kind: WalkEntry["kind"]) => boolean = () => false,
): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = [];
  const stack = [""];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let children: import("node:fs").Dirent[];
    try {
      children = await readdir(join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const child of children) {
      const path = dir === "" ? child.name : `${dir}/${child.name}`;
      const kind: WalkEntry["kind"] = child.isSymbolicLink()
        ? "symlink"
        : child.isDirectory()
          ? "dir"
          : child.isFile()
            ? "file"
            : "other";
      if (skip(path, kind)) continue;
      entries.push({ path, kind });
      if (kind === "dir") stack.push(path);
    }
  }
  return entries;
}

/**
 * Makes the parent folders of `root/rel` and checks that the real location is still inside `root`
 * (a folder in the project could be a symbolic link to elsewhere). Returns the absolute target path.
 */
export async function safeTarget(root: string, rel: string): Promise<string | null> {
  const target = join(root, rel);
  if (!isInside(root, target)) return null;
  await mkdir(dirname(target), { recursive: true });
  const realRoot = await realpath(root);
  const realParent = await realpath(dirname(target));
  if (!isInside(realRoot, realParent)) return null;
  try {
    // Writing through a symbolic link would follow it: refuse links at the target itself.
    if ((await lstat(target)).isSymbolicLink()) return null;
  } catch {
    // Does not exist yet: fine.
  }
  return target;
}
