// Opens a SQLite file in WAL mode and brings its schema up to date with a list of migrations, the
// n-th of which takes the file to `user_version` n. A database written by a newer Trestle (a higher
// `user_version`) is refused rather than misread. The backend and the App each keep their own file
// and migrations; each passes the error class its callers expect.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;

export type ErrorClass = new (message: string, options?: ErrorOptions) => Error;

/** Opens (creating when needed) the database at `path`, or `:memory:`, and applies pending migrations. */
export function openSqlite(path: string, migrations: readonly string[], Failure: ErrorClass): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path);
  } catch (cause) {
    throw new Failure(`cannot open the database ${path}`, { cause });
  }
  try {
    db.pragma("journal_mode = WAL");
    // NORMAL is durable against a killed process in WAL mode; only a power loss can drop the last
    // transactions, the trade SQLite documents for WAL.
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrateSqlite(db, migrations, Failure);
  } catch (cause) {
    db.close();
    if (cause instanceof Failure) throw cause;
    throw new Failure(`cannot prepare the database ${path}`, { cause });
  }
  return db;
}

/** Applies the migrations after the current `user_version`; returns how many ran. */
export function migrateSqlite(db: Db, migrations: readonly string[], Failure: ErrorClass): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > migrations.length) {
    throw new Failure(
      `the database is at schema version ${current}, newer than this Trestle knows (${migrations.length})`,
    );
  }
  let applied = 0;
  for (let version = current + 1; version <= migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version - 1]!);
      db.pragma(`user_version = ${version}`);
    })();
    applied += 1;
  }
  return applied;
}
