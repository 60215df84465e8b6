// Opens the App's SQLite file in WAL mode and brings its schema up to date. A database written by a
// newer Trestle (a higher `user_version`) is refused rather than misread.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { AppError } from "../errors/app-error.ts";
import { MIGRATIONS } from "./migrations.ts";

export type Db = Database.Database;

export class AppDatabaseError extends AppError {
  override name = "AppDatabaseError";
}

/** Opens (creating when needed) the database at `path`, or `:memory:`, and applies pending migrations. */
export function openAppDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path);
  } catch (cause) {
    throw new AppDatabaseError(`cannot open the database ${path}`, { cause });
  }
  try {
    db.pragma("journal_mode = WAL");
    // NORMAL is durable against a killed process in WAL mode; only a power loss can drop the last
    // transactions, the trade SQLite documents for WAL.
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrate(db);
  } catch (cause) {
    db.close();
    if (cause instanceof AppDatabaseError) throw cause;
    throw new AppDatabaseError(`cannot prepare the database ${path}`, { cause });
  }
  return db;
}

/** Applies the migrations after the current `user_version`; returns how many ran. */
export function migrate(db: Db): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new AppDatabaseError(
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
