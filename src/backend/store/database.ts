// Opens the backend's SQLite file in WAL mode and brings its schema up to date.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS } from "./migrations.ts";

export type Db = Database.Database;

export class StoreError extends Error {
  override name = "StoreError";
}

/**
 * Opens (creating when needed) the database at `path`, sets WAL mode, and applies pending
 * migrations. A database written by a newer Trestle (higher `user_version`) is refused rather than
 * misread.
 */
export function openDatabase(path: string): Db {
  mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path);
  } catch (cause) {
    throw new StoreError(`cannot open the database ${path}`, { cause });
  }
  try {
    db.pragma("journal_mode = WAL");
    // NORMAL is durable against a killed process in WAL mode; only a power loss can drop the last
    // transactions, which is the trade SQLite documents for WAL.
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrate(db);
  } catch (cause) {
    db.close();
    if (cause instanceof StoreError) throw cause;
    throw new StoreError(`cannot prepare the database ${path}`, { cause });
  }
  return db;
}

/** Applies the migrations after the current `user_version`; returns how many ran. */
export function migrate(db: Db): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new StoreError(
      `the database is at schema version ${current}, newer than this Trestle knows (${MIGRATIONS.length})`,
    );
  }
  let applied = 0;
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]!);
      db.pragma(`user_version = ${version}`);
    })();
    applied += 1;
  }
  return applied;
}
