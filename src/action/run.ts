// The Action's entry point (bundled into dist/action.js). Anything that escapes run(), even from a
// stray promise, still fails the step with a message rather than ending it silently.
import { failUnexpectedly, run } from "./runner.ts";

process.on("unhandledRejection", failUnexpectedly);
process.on("uncaughtException", failUnexpectedly);
await run();
// Everything is reported once run() returns. A keep-alive socket or timer left behind by a library
// must not hold the step open until the job's time limit, so end once stdout has drained.
process.stdout.write("", () => process.exit());
