#!/usr/bin/env node

// src/cli/project-file.ts
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
var PROJECT_FILE = "project.yaml";
async function readProjectFile(input, cwd = process.cwd()) {
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
    return { ok: false, message: describe(display, error) };
  }
}
function statOrError(file) {
  try {
    return statSync(file);
  } catch (error) {
    return error;
  }
}
function describe(shown, error) {
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
function slashes(p) {
  return p.split(path.sep).join("/");
}
function workspacePath(display, workspace, cwd = process.cwd()) {
  const absolute = path.resolve(cwd, display);
  const relative = path.relative(workspace, absolute);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return display;
  return slashes(relative);
}

export {
  readProjectFile,
  workspacePath
};
