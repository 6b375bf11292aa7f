// Finding columns by name in reference files: case, surrounding spaces and runs of white space
// do not matter.

import { InputError } from "../../domain/errors.ts";

export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, " ");
}

/** Index of the first column whose name is one of `names`, or -1. */
export function findColumn(header: string[], names: readonly string[]): number {
  const wanted = names.map(normalizeName);
  for (const w of wanted) {
    const i = header.findIndex((h) => normalizeName(h) === w);
    if (i !== -1) return i;
  }
  return -1;
}

/**
 * Looks up required columns (each given as its accepted names, the first being the one to mention)
 * and throws one InputError naming all that are missing.
 */
export function requireColumns<K extends string>(
  header: string[],
  wanted: Record<K, readonly string[]>,
  file: string,
  line: number,
): Record<K, number> {
  const found = {} as Record<K, number>;
  const missing: string[] = [];
  for (const key of Object.keys(wanted) as K[]) {
    const names = wanted[key];
    const i = findColumn(header, names);
    if (i === -1) missing.push(names.map((n) => `"${n}"`).join(" of "));
    found[key] = i;
  }
  if (missing.length > 0) {
    const list = missing.join(", ");
    throw new InputError(
      `${missing.length === 1 ? "verplichte kolom ontbreekt" : "verplichte kolommen ontbreken"}: ${list} ` +
        `(gevonden: ${header.map((h) => `"${h}"`).join(", ")})`,
      file,
      line,
    );
  }
  return found;
}
