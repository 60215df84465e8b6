// Rebuilds dist/ when dist/action.js is missing or older than the code it is made from. Run under a
// lock by the Action's tests, so that test files starting together build once and never run a
// half-written bundle. (CI builds before testing, so there this does nothing.)
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const built = statSync(join(root, "dist/action.js"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (built < Math.max(newestIn(join(root, "src")), newestIn(join(root, "scripts")))) {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
}
