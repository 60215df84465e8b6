// The `expectations` section (spec §3.3): forbidden from v4, required in v3, otherwise replaced by
// the default population of 1000 without being read.
import type { Features } from "../features.ts";
import { isYMap, type YValue } from "../load/values.ts";
import { pyInt } from "../python/numbers.ts";
import type { Report } from "../report.ts";

export function checkExpectations(
  present: boolean,
  value: YValue,
  features: Features,
  report: Report,
): { populationSize: number } | null {
  const path = ["expectations"];
  if (features.removeCohortExtractor) {
    if (present && value !== null) {
      report.error(
        "expectations-removed",
        "Project includes `expectations` section, which is not supported in this version. This section is only applicable to deprecated cohortextractor actions; you can safely remove it.",
        path,
      );
    }
    return null;
  }
  if (!features.expectationsPopulation) return { populationSize: 1000 };
  if (!present || value === null) {
    report.error("expectations-missing", "Project must include `expectations` section", path);
    return null;
  }
  if (!isYMap(value)) {
    report.error(
      "expectations-type",
      "Project `expectations` section must be a dictionary of key/value pairs",
      path,
    );
    return null;
  }
  if (!value.has("population_size")) {
    report.error(
      "expectations-population",
      "Project `expectations` section must include `population_size` section",
      path,
    );
    return null;
  }
  const unknown = [...value.keys()].filter((k) => k !== "population_size");
  if (unknown.length > 0) {
    report.error(
      "expectations-unexpected",
      `Unexpected parameters (${unknown.join(", ")}) in project \`expectations\` section`,
      [...path, unknown[0]!],
    );
  }
  const size = pyInt(value.get("population_size")!);
  if (size === null) {
    report.error("expectations-population-type", "Project expectations population size must be a number", [
      ...path,
      "population_size",
    ]);
    return null;
  }
  return unknown.length > 0 ? null : { populationSize: Number(size) };
}
