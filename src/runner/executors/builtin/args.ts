// Shared helpers for the built-in tools: argparse-style option reading and paths kept inside the
// job's workspace.
import { realpath } from "node:fs/promises";
import { dirname, isAbsolute, join, normalize } from "node:path";
import { isInside } from "../../fs-util.ts";

export class ToolError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string>;
  readonly flags: Set<string>;
  /** Words after a lone `--` (user parameters). */
  readonly rest: string[];
}

/** Reads `--name value` and `--name=value` for the given value options; other `--x` are flags. */
export function parseArgs(words: readonly string[], valueOptions: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === "--") return { positional, options, flags, rest: words.slice(i + 1) };
    if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      const name = eq >= 0 ? word.slice(0, eq) : word;
      if (valueOptions.includes(name)) {
        const value = eq >= 0 ? word.slice(eq + 1) : words[++i];
        if (value === undefined) throw new ToolError(`error: argument ${name}: expected one argument`, 2);
        options.set(name, value);
      } else flags.add(name);
    } else positional.push(word);
  }
  return { positional, options, flags, rest: [] };
}

/**
 * The host path of a path a tool was given, which must stay inside the workspace (`/workspace/...`
 * is the same workspace, as in the images).
 */
export async function workspacePath(workDir: string, path: string): Promise<string> {
  const inner = path.startsWith("/workspace/") ? path.slice("/workspace/".length) : path;
  if (isAbsolute(inner)) throw new ToolError(`${path}: paths must be inside the workspace`);
  const target = normalize(join(workDir, inner));
  if (!isInside(workDir, target)) throw new ToolError(`${path}: paths must be inside the workspace`);
  const root = await realpath(workDir);
  const parent = await realpath(dirname(target)).catch(() => null);
  if (parent !== null && !isInside(root, parent))
    throw new ToolError(`${path}: paths must be inside the workspace`);
  return target;
}

/** Python's `Path(name).suffixes`. */
export function suffixes(path: string): string[] {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (name.endsWith(".")) return [];
  return name
    .replace(/^\.+/, "")
    .split(".")
    .slice(1)
    .map((s) => `.${s}`);
}
