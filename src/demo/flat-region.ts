// The parts of the region that the registration generator reads for every event, packed into
// typed arrays: one 32-byte record per address and small per-buurt and per-gemeente tables.
// With millions of random lookups, one cache line per address beats chasing objects and strings.

import type { DemoRegion } from "./region-types.ts";

/** Int32 fields of an address record. */
export const A_X = 0;
export const A_Y = 1;
export const A_BUURT = 2;
export const A_PC4 = 3;
/** Index of the letter pair (0 = AA) in LETTER_BYTES. */
export const A_LETTERS = 4;
export const A_NUMBER = 5;
export const A_SUFFIX = 6;
/** Distance to the buurt's edge, decimetres. */
export const A_INSET = 7;
export const A_STRIDE = 8;

export class FlatRegion {
  readonly address: Int32Array;
  readonly buurtStart: Int32Array;
  readonly buurtCount: Int32Array;
  readonly buurtGemeente: Int32Array;
  /** Unit number (90-99) per gemeente. */
  readonly gemeenteUnit: Int32Array;
  /** The 4 digits of the gemeente code (GM9001 -> 9001). */
  readonly gemeenteDigits: Int32Array;
  /** Two ASCII letters per letter-pair index. */
  readonly letterBytes: Uint8Array;

  constructor(region: DemoRegion) {
    const a = region.addresses;
    const pairs = new Map<string, number>();
    const pc4Of = new Int32Array(a.pc6Codes.length);
    const lettersOf = new Int32Array(a.pc6Codes.length);
    const letters: number[] = [];
    a.pc6Codes.forEach((code, i) => {
      pc4Of[i] = Number(code.slice(0, 4));
      const pair = code.slice(4, 6);
      let k = pairs.get(pair);
      if (k === undefined) {
        k = pairs.size;
        pairs.set(pair, k);
        letters.push(pair.charCodeAt(0), pair.charCodeAt(1));
      }
      lettersOf[i] = k;
    });
    this.letterBytes = Uint8Array.from(letters);
    this.address = new Int32Array(a.count * A_STRIDE);
    for (let i = 0; i < a.count; i++) {
      const r = i * A_STRIDE;
      const pc6 = a.pc6[i] ?? 0;
      this.address[r + A_X] = a.xDm[i] ?? 0;
      this.address[r + A_Y] = a.yDm[i] ?? 0;
      this.address[r + A_BUURT] = a.buurt[i] ?? 0;
      this.address[r + A_PC4] = pc4Of[pc6] ?? 0;
      this.address[r + A_LETTERS] = lettersOf[pc6] ?? 0;
      this.address[r + A_NUMBER] = a.number[i] ?? 0;
      this.address[r + A_SUFFIX] = a.suffix[i] ?? 0;
      this.address[r + A_INSET] = Math.floor((a.inset[i] ?? 0) * 10);
    }
    this.buurtStart = Int32Array.from(region.buurten, (b) => b.addrStart);
    this.buurtCount = Int32Array.from(region.buurten, (b) => b.addrCount);
    this.buurtGemeente = Int32Array.from(region.buurten, (b) => b.gemeente);
    this.gemeenteUnit = Int32Array.from(region.gemeenten, (g) =>
      Number(region.units[g.unit]?.code.slice(2) ?? 90),
    );
    this.gemeenteDigits = Int32Array.from(region.gemeenten, (g) => Number(g.code.slice(2)));
  }
}
