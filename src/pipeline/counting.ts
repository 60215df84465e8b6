// Numbers in messages: "1 action", "2,505 actions". Digits are grouped here rather than with
// toLocaleString or Intl: the first locale-aware call loads ICU's data, about 25 ms, which is most of
// what a short command like `trestle check` has to spend.

/** 1234567 -> "1,234,567" (en-US grouping). */
export function thousands(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole = "", fraction] = String(Math.abs(n)).split(".");
  const grouped = whole.length > 3 && !whole.includes("e") ? whole.replace(/\B(?=(\d{3})+$)/g, ",") : whole;
  return `${n < 0 ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/** "1 action", "3 actions", or with an irregular plural: count(2, "entry", "entries"). */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}
