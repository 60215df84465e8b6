// Writes schema/project.schema.json from the zod schema, for editors. CI regenerates it and fails
// when the committed file differs.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { projectSchema } from "../src/pipeline/schema.ts";

const schema = {
  ...z.toJSONSchema(projectSchema, { target: "draft-7", io: "input" }),
  $id: "https://github.com/trestle/trestle/schema/project.schema.json",
  title: "project.yaml",
};
const dir = join(import.meta.dirname, "..", "schema");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "project.schema.json"), `${JSON.stringify(schema, null, 2)}\n`);
console.log("wrote schema/project.schema.json");
