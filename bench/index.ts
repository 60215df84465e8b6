// `npm run bench`: runs every bench/*.bench.ts in turn, each in its own process, and prints what it
// prints. Exits non-zero when a bench script itself fails (not when a figure misses its target).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n# ${file}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join(dir, file)], {
    stdio: "inherit",
    cwd: join(dir, ".."),
  });
  if (result.status !== 0) {
    failed += 1;
    console.log(`${file} failed (exit ${result.status ?? result.signal})`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
