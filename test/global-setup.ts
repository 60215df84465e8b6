// Builds dist/ once before the tests, so that CLI tests run the bundle users run.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

export default function setup(): void {
  execFileSync("npm", ["run", "--silent", "build"], {
    cwd: resolve(import.meta.dirname, ".."),
    stdio: ["ignore", "inherit", "inherit"],
  });
}
