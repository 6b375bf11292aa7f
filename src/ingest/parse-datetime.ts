// Date/time text -> UTC instant. Without a zone the text is Dutch local time (Europe/Amsterdam).
// The default reads ISO 8601 forms; a profile may give a pattern such as "dd-MM-yyyy HH:mm".

import { amsterdamToUtc } from "../domain/time.ts";

export type DateTimeResult = { ok: true; utcMs: number; hasTime: boolean } | { ok: false; reason: string };

/** A compiled reader for one format. */
export type DateTimeParser = (text: string) => DateTimeResult;

const fail = (reason: string): DateTimeResult => ({ ok: false, reason });

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

/** Validates the parts and converts them, with Dutch reasons for what is wrong. */
export function fromParts(
  text: string,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offsetMinutes: number | null,
  hasTime: boolean,
): DateTimeResult {
  if (mo < 1 || mo > 12) return fail(`maand ${mo} bestaat niet in "${text}"`);
  if (d < 1 || d > daysInMonth(y, mo)) return fail(`datum bestaat niet: "${text}"`);
  if (h > 23 || mi > 59 || s > 59) return fail(`tijd bestaat niet: "${text}"`);
  if (y < 1900 || y > 2100) return fail(`jaar ${y} is niet aannemelijk in "${text}"`);
  if (offsetMinutes !== null) {
    return { ok: true, utcMs: Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000, hasTime };
  }
  const r = amsterdamToUtc(y, mo, d, h, mi, s);
  if (!r.ok) {
    return fail(
      `tijd "${text}" bestaat niet in Nederland: bij de overgang naar zomertijd gaat de klok van 02:00 naar 03:00`,
    );
  }
  return { ok: true, utcMs: r.utcMs + ms, hasTime };
}

const digit = (c: number) => c >= 48 && c <= 57;

function num(text: string, start: number, len: number): number {
  let n = 0;
  for (let i = start; i < start + len; i++) {
    const c = text.charCodeAt(i);
    if (!digit(c)) return Number.NaN;
    n = n * 10 + (c - 48);
  }
  return n;
}

/**
 * ISO 8601 and its common variants: "2024-03-01", "2024-03-01 23:40", "2024-03-01T23:40:05",
 * "2024-03-01T23:40:05.123", each optionally followed by "Z" or "+01:00" / "+0100".
 */
export const parseIsoDateTime: DateTimeParser = (raw) => {
  const text = raw.trim();
  const n = text.length;
  if (n < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) {
    return fail(`"${text}" is geen datum in de vorm JJJJ-MM-DD`);
  }
  const y = num(text, 0, 4);
  const mo = num(text, 5, 2);
  const d = num(text, 8, 2);
  if (Number.isNaN(y + mo + d)) return fail(`"${text}" is geen datum in de vorm JJJJ-MM-DD`);
  if (n === 10) return fromParts(text, y, mo, d, 0, 0, 0, 0, null, false);
  const sep = text[10];
  if ((sep !== " " && sep !== "T") || n < 16 || text[13] !== ":") {
    return fail(`"${text}" heeft geen geldige tijd (UU:MM)`);
  }
  const h = num(text, 11, 2);
  const mi = num(text, 14, 2);
  let i = 16;
  let s = 0;
  let ms = 0;
  if (text[i] === ":") {
    s = num(text, i + 1, 2);
    i += 3;
    if (text[i] === "." || text[i] === ",") {
      let j = i + 1;
      while (j < n && digit(text.charCodeAt(j))) j++;
      ms = Math.round(Number(`0.${text.slice(i + 1, j)}`) * 1000);
      i = j;
    }
  }
  if (Number.isNaN(h + mi + s)) return fail(`"${text}" heeft geen geldige tijd (UU:MM)`);
  let offset: number | null = null;
  if (i < n) {
    const zone = text.slice(i);
    const m = /^(?:Z|([+-])(\d{2}):?(\d{2}))$/.exec(zone);
    if (!m) return fail(`onbekende tijdzone "${zone}" in "${text}"`);
    offset = m[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  }
  return fromParts(text, y, mo, d, h, mi, s, ms, offset, true);
};

const TOKENS = ["yyyy", "MM", "dd", "HH", "mm", "ss", "M", "d", "H"] as const;

/**
 * Compiles a pattern like "dd-MM-yyyy HH:mm" or "d/M/yyyy[ H:mm]" (the part in brackets is
 * optional). Tokens: yyyy MM M dd d HH H mm ss; other characters are literal.
 */
export function compileDateTimePattern(pattern: string): DateTimeParser {
  let re = "";
  const order: string[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] ?? "";
    if (ch === "[") {
      re += "(?:";
      i++;
      continue;
    }
    if (ch === "]") {
      re += ")?";
      i++;
      continue;
    }
    const token = TOKENS.find((t) => pattern.startsWith(t, i));
    if (token) {
      re += token === "yyyy" ? "(\\d{4})" : token.length === 2 ? "(\\d{2})" : "(\\d{1,2})";
      order.push(token[0] ?? "");
      i += token.length;
    } else {
      re += ch.replace(/[.*+?^${}()|\\/]/g, "\\$&");
      i++;
    }
  }
  const regex = new RegExp(`^${re}$`);
  return (raw) => {
    const text = raw.trim();
    const m = regex.exec(text);
    if (!m) return fail(`"${text}" past niet bij het datumformaat ${pattern}`);
    const v: Record<string, number> = { y: 0, M: 0, d: 0, H: 0, m: 0, s: 0 };
    let hasTime = false;
    order.forEach((k, j) => {
      const g = m[j + 1];
      if (g === undefined) return;
      v[k] = Number(g);
      if (k === "H") hasTime = true;
    });
    return fromParts(text, v.y ?? 0, v.M ?? 0, v.d ?? 0, v.H ?? 0, v.m ?? 0, v.s ?? 0, 0, null, hasTime);
  };
}
