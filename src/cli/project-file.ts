// Finds and reads the project file a command was pointed at: a YAML file, or a folder holding
// `project.yaml`. Not finding or not reading it is an expected outcome, returned as a value that the
// command turns into exit code 2.
// Synchronous reads: a command reads one small file and has nothing to do meanwhile, and each
// asynchronous call is a round trip through the thread pool that a short command can feel.
import { readFileSync, type Stats, statSync } from "node:fs";
import path from "node:path";

export const PROJECT_FILE = "project.yaml";

export type ProjectFile =
  | {
      readonly ok: true;
      /** The path as the user should see it: what they typed, joined with `project.yaml` for a folder. */
      readonly display: string;
      readonly bytes: Uint8Array;
    }
  | { readonly ok: false; readonly message: string };

export async function readProjectFile(input: string, cwd: string = process.cwd()): Promise<ProjectFile> {
  const resolved = path.resolve(cwd, input);
  const found = statOrError(resolved);
  if (found instanceof Error) return { ok: false, message: describe(input, found) };
  let file = resolved;
  let display = slashes(path.normalize(input));
  if (found.isDirectory()) {
    file = path.join(resolved, PROJECT_FILE);
    display = slashes(path.join(input, PROJECT_FILE));
    const inner = statOrError(file);
    if (inner instanceof Error && (inner.code === "ENOENT" || inner.code === "ENOTDIR")) {
      return { ok: false, message: `${slashes(input)}: no ${PROJECT_FILE} in this folder` };
    }
  }
  try {
    return { ok: true, display, bytes: readFileSync(file) };
  } catch (error) {
    return { ok: false, message: describe(display, error as NodeJS.ErrnoException) };
  }
}

function statOrError(file: string): Stats | NodeJS.ErrnoException {
  try {
    return statSync(file);
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

function describe(shown: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ENOENT":
    case "ENOTDIR":
      return `${slashes(shown)}: no such file or folder`;
    case "EISDIR":
      return `${slashes(shown)}: is a folder, not a file`;
    case "EACCES":
    case "EPERM":
      return `${slashes(shown)}: permission denied`;
    default:
      return `${slashes(shown)}: cannot read (${error.code ?? error.message})`;
  }
}

function slashes(p: string): string {
  return p.split(path.sep).join("/");
}

/**
 * The path GitHub annotations need: relative to the workspace (the repository root) when the file
 * is inside it, else unchanged.
 */
export function workspacePath(display: string, workspace: string, cwd: string = process.cwd()): string {
  const absolute = path.resolve(cwd, display);
  const relative = path.relative(workspace, absolute);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return display;
  return slashes(relative);
}
