// The backend's SQLite file: job requests and jobs (migrations.ts has the schema).
import { type Db, migrateSqlite, openSqlite } from "../../sqlite/open-sqlite.ts";
import { MIGRATIONS } from "./migrations.ts";

export type { Db };

export class StoreError extends Error {
  override name = "StoreError";
}

/** Opens (creating when needed) the database at `path`, and applies pending migrations. */
export function openDatabase(path: string): Db {
  return openSqlite(path, MIGRATIONS, StoreError);
}

/** Applies the migrations after the current `user_version`; returns how many ran. */
export function migrate(db: Db): number {
  return migrateSqlite(db, MIGRATIONS, StoreError);
}
