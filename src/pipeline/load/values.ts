// The loaded YAML as plain data, with the distinctions Python's loader makes and JavaScript's values
// lose: ints and floats differ (`1` vs `1.0`), dates are not strings, unknown tags stay opaque, and
// mappings keep file order even for integer-like keys (so they are Maps, not objects).

/** A YAML float, kept apart from ints because Python prints and converts them differently. */
export class PyFloat {
  constructor(readonly value: number) {}
  toString(): string {
    return String(this.value);
  }
}

/** A YAML timestamp (`2020-01-31`): not a string, so it fails the string type checks as in Python. */
export class YDate {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A node with a tag the platform's loader does not know (`!foo x`): an inert value of no type. */
export class YTagged {
  constructor(
    readonly tag: string,
    readonly text: string,
  ) {}
  toString(): string {
    return `${this.tag} ${this.text}`;
  }
}

export type YScalar = null | string | boolean | number | bigint | PyFloat | YDate | YTagged;
export type YMap = Map<string, YValue>;
export type YList = YValue[];
export type YValue = YScalar | YMap | YList;

export const isYMap = (v: YValue | undefined): v is YMap => v instanceof Map;
export const isYList = (v: YValue | undefined): v is YList => Array.isArray(v);
export const isYDate = (v: YValue | undefined): v is YDate => v instanceof YDate;
export const isYTagged = (v: YValue | undefined): v is YTagged => v instanceof YTagged;

/**
 * The string a mapping key becomes. Trestle's action names and keys are strings, so `1:` and `'1':`
 * name the same action (the reference keeps Python's types apart; see docs/deviations.md).
 */
export function keyString(key: unknown): string {
  if (key === null || key === undefined) return "null";
  if (key instanceof PyFloat) return String(key.value);
  return String(key);
}
