// The App's SQLite file: job requests and their check runs (migrations.ts has the schema).
import { type Db, openSqlite } from "../../sqlite/open-sqlite.ts";
import { AppError } from "../errors/app-error.ts";
import { MIGRATIONS } from "./migrations.ts";

export type { Db };

export class AppDatabaseError extends AppError {
  override name = "AppDatabaseError";
}

/** Opens (creating when needed) the database at `path`, or `:memory:`, and applies pending migrations. */
export function openAppDatabase(path: string): Db {
  return openSqlite(path, MIGRATIONS, AppDatabaseError);
}
