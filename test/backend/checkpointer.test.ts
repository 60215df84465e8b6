import { statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startCheckpointer } from "../../src/backend/store/checkpointer.ts";
import { openDatabase } from "../../src/backend/store/database.ts";
import { eventually, tempDir } from "./helpers/backend.ts";

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir("checkpoint");
});
afterEach(() => tmp.remove());

describe("startCheckpointer", () => {
  it("checkpoints the WAL from its own thread while the main connection never does", async () => {
    const path = join(tmp.path, "trestle.db");
    const db = openDatabase(path);
    const checkpointer = await startCheckpointer(db, path, 50);
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    const sizeBefore = statSync(path).size;
    db.exec("CREATE TABLE filler (text TEXT)");
    const insert = db.prepare("INSERT INTO filler VALUES (?)");
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run("x".repeat(500));
    })();
    // Only a checkpoint moves pages from the WAL into the database file.
    const grown = await eventually(() => {
      const size = statSync(path).size;
      return size > sizeBefore + 1_000_000 ? size : undefined;
    }, "the database file to receive the checkpointed pages");
    expect(grown).toBeGreaterThan(sizeBefore);

    await checkpointer.stop();
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    expect((db.prepare("SELECT count(*) AS n FROM filler").get() as { n: number }).n).toBe(5000);
    db.close();
  });
});
