// The `maand` query parameter (YYYY-MM).

/** "2024-03" -> 202403; null for anything else (including month 00 or 13). */
export function parseMonthParam(value: string): number | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900) return null;
  return year * 100 + Number(m[2]);
}
