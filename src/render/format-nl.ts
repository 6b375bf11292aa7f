// Dutch number and period formatting for pages, tables and charts (Intl "nl-NL").

import { monthLabelNl } from "../domain/time.ts";

const count = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
const signedCount = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0, signDisplay: "exceptZero" });
const signedPercent = new Intl.NumberFormat("nl-NL", {
  style: "percent",
  maximumFractionDigits: 0,
  signDisplay: "exceptZero",
});
const rateOneDecimal = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const rateTwoDecimals = new Intl.NumberFormat("nl-NL", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** 1234 -> "1.234" */
export function formatCount(n: number): string {
  return count.format(n);
}

/** 5 -> "+5", -3 -> "-3", 0 -> "0" */
export function formatDifference(n: number): string {
  return signedCount.format(n);
}

/** A percentage change given in percent points: 12.3 -> "+12%". */
export function formatPercentChange(percent: number): string {
  return signedPercent.format(percent / 100);
}

/** A rate per 1,000 inhabitants: one decimal from 1 up, two below 1 ("0,04"). */
export function formatRate(rate: number): string {
  return rate >= 1 || rate === 0 ? rateOneDecimal.format(rate) : rateTwoDecimals.format(rate);
}

const SHORT_MONTHS_NL = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

/** Month number 1-12 -> "jan" … "dec". */
export function shortMonthNl(monthNumber: number): string {
  return SHORT_MONTHS_NL[monthNumber - 1] ?? String(monthNumber);
}

/** Full month name without year: 3 -> "maart". */
export function monthNameNl(monthNumber: number): string {
  return monthLabelNl(2000 * 100 + monthNumber).replace(/ \d+$/, "");
}

/** yyyymm -> "2024-03", the value of the month picker and the `maand` query parameter. */
export function monthParam(yyyymm: number): string {
  return `${Math.floor(yyyymm / 100)}-${String(yyyymm % 100).padStart(2, "0")}`;
}

/** An inclusive month range: "januari t/m maart 2024", "april 2023 t/m maart 2024", "maart 2024". */
export function monthRangeNl(from: number, to: number): string {
  if (from === to) return monthLabelNl(to);
  const sameYear = Math.floor(from / 100) === Math.floor(to / 100);
  return `${sameYear ? monthNameNl(from % 100) : monthLabelNl(from)} t/m ${monthLabelNl(to)}`;
}

/** A Dutch list: ["a"] -> "a", ["a", "b", "c"] -> "a, b en c". */
export function listNl(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} en ${items.at(-1)}`;
}
