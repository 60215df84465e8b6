// Python's number conversions as the reference applies them to `version` and `population_size`,
// and Python's float repr (used in messages and in `--config` JSON).
import { isYDate, isYMap, isYTagged, PyFloat, type YValue } from "../load/values.ts";

const FLOAT_TEXT = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL_FLOAT = /^[+-]?(?:inf|infinity|nan)$/i;
const INT_TEXT = /^[+-]?\d(?:_?\d)*$/;

/** Python `float(value)`, or null where Python raises TypeError/ValueError. */
export function pyFloat(value: YValue): number | null {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof PyFloat) return value.value;
  if (typeof value === "string") {
    const text = value.trim();
    if (SPECIAL_FLOAT.test(text)) {
      const negative = text.startsWith("-");
      if (/nan/i.test(text)) return Number.NaN;
      return negative ? -Infinity : Infinity;
    }
    if (!FLOAT_TEXT.test(text)) return null;
    return Number(text.replaceAll("_", ""));
  }
  return null;
}

/** Python `int(value)`, or null where Python raises (TypeError, ValueError, OverflowError). */
export function pyInt(value: YValue): bigint | null {
  if (typeof value === "boolean") return value ? 1n : 0n;
  if (typeof value === "number") return BigInt(value);
  if (typeof value === "bigint") return value;
  if (value instanceof PyFloat) {
    return Number.isFinite(value.value) ? BigInt(Math.trunc(value.value)) : null;
  }
  if (typeof value === "string") {
    const text = value.trim();
    if (!INT_TEXT.test(text)) return null;
    return BigInt(text.replaceAll("_", ""));
  }
  return null;
}

/** Python `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa, expText] = x.toExponential().split("e") as [string, string];
  const exp = Number(expText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** Python `str(value)` for scalars that can appear as names in messages. */
export function pyStr(value: YValue): string {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (isYDate(value)) return value.text;
  if (isYTagged(value)) return value.text;
  if (isYMap(value)) return "{…}";
  return "[…]";
}
