// Moves WAL checkpoints off the request path. A checkpoint copies the WAL into the database and
// fsyncs it; run inside a commit it stalls that request (and every request behind it) for as long as
// the disk takes. Here a worker thread with its own connection checkpoints every interval (PASSIVE:
// never blocking writers), and the main connection's automatic checkpoints are turned off. Should the
// worker fail, automatic checkpoints come back, so the WAL can never grow without bound.
import { Worker } from "node:worker_threads";
import type { Db } from "./database.ts";

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("node:module").createRequire(workerData.from)("better-sqlite3");
const db = new Database(workerData.path);
db.pragma("busy_timeout = 5000");
const checkpoint = () => db.pragma("wal_checkpoint(PASSIVE)");
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  try { checkpoint(); } finally { db.close(); parentPort.close(); }
});
parentPort.postMessage("ready");
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

const AUTO_CHECKPOINT_PAGES = 1000;

export async function startCheckpointer(db: Db, path: string, intervalMs = 1000): Promise<Checkpointer> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, intervalMs, from: import.meta.url },
  });
  const fallBack = () => db.open && db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  worker.on("error", fallBack);
  await new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
  });
  db.pragma("wal_autocheckpoint = 0");
  let stopping: Promise<void> | undefined;
  return {
    stop: () => {
      stopping ??= (async () => {
        fallBack();
        worker.postMessage("stop");
        await exited;
      })();
      return stopping;
    },
  };
}
