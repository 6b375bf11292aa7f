// Pseudonymous persons: `P` followed by 12 hexadecimal digits (a 48-bit number from the
// generator's random stream; never a name). Each gemeente has a pool of active persons drawn with
// a skewed (Zipf-like) frequency, so a few suspects and repeatedly involved persons appear in many
// registrations.

import { AliasTable } from "./alias-table.ts";
import type { Rng } from "./prng.ts";
import type { DemoRegion } from "./region-types.ts";

/** A fresh pseudonym as a 48-bit number (see ByteWriter.pseudonym for the text). */
export function pseudonym(rng: Rng): number {
  return (rng.u32() & 0xffff) * 4294967296 + rng.u32();
}

/** The text form of a pseudonym number: `P` + 12 hexadecimal digits. */
export function pseudonymText(v: number): string {
  return `P${v.toString(16).toUpperCase().padStart(12, "0")}`;
}

export class PersonPools {
  private readonly pools: Float64Array[];
  private readonly tables: AliasTable[];

  constructor(region: DemoRegion, rng: Rng) {
    this.pools = [];
    this.tables = [];
    for (const g of region.gemeenten) {
      const n = Math.max(20, Math.round(g.plannedPopulation / 400));
      const pool = new Float64Array(n);
      const weights = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        pool[i] = pseudonym(rng);
        weights[i] = 1 / (i + 1) ** 0.9;
      }
      this.pools.push(pool);
      this.tables.push(new AliasTable(weights));
    }
  }

  /** A person from the active pool of gemeente `gi`. */
  active(rng: Rng, gi: number): number {
    const t = this.tables[gi];
    const pool = this.pools[gi];
    if (!t || !pool) return pseudonym(rng);
    return pool[t.draw(rng)] ?? pseudonym(rng);
  }
}
