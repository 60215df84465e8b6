// What each project-format version turns on (the reference's features table). Comparisons use the
// float version, so fractional versions fall between (3.5 behaves like 2, 4.5 like 4).

export const LATEST_VERSION = 5;

export interface Features {
  /** The same output path may not be declared twice (v2+). */
  readonly uniqueOutputPath: boolean;
  /** The `expectations` section is required (exactly v3). */
  readonly expectationsPopulation: boolean;
  /** cohortextractor actions and `expectations` are forbidden (v4+). */
  readonly removeCohortExtractor: boolean;
  /** A user action named `run_all` is an error rather than a warning (v5+). */
  readonly removeRunAllAction: boolean;
  /** `image:latest` is forbidden (v5+). */
  readonly removeLatestTag: boolean;
}

const on = (version: number, introduced: number, last?: number) =>
  introduced <= version && (last === undefined || version <= last);

export function featuresFor(version: number): Features {
  return {
    uniqueOutputPath: on(version, 2),
    expectationsPopulation: on(version, 3, 3),
    removeCohortExtractor: on(version, 4),
    removeRunAllAction: on(version, 5),
    removeLatestTag: on(version, 5),
  };
}
