// Which commands need the database on a real backend (the reference's `is_database_action`).
const DATABASE_COMMANDS: Readonly<Record<string, readonly string[] | "any">> = {
  ehrql: ["generate-dataset", "generate-measures"],
  sqlrunner: "any",
  cohortextractor: ["generate_cohort", "generate_codelist_report"],
  databuilder: ["generate-dataset"],
};

export function isDatabaseAction(parts: readonly string[]): boolean {
  const first = parts[0];
  if (first === undefined) return false;
  const image = first.split(":")[0]!;
  const commands = Object.hasOwn(DATABASE_COMMANDS, image) ? DATABASE_COMMANDS[image] : undefined;
  if (commands === undefined) return false;
  if (commands === "any") return true;
  return parts.length > 1 && commands.includes(parts[1]!);
}
