// Test support: an area as the store lists it (AreaSummary), with only what a test cares about.

import type { AreaLevel, AreaSummary } from "./area.ts";

export function areaSummary(
  code: string,
  level: AreaLevel,
  name: string,
  parent: string | null,
  year = 2026,
): AreaSummary {
  return { code, level, year, name, parent, population: null, populationYear: null };
}
