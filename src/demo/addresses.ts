// Address points per buurt, with fictional postcodes: one pc4 per group of buurten of up to about
// 9,000 inhabitants within a wijk, and letters (AA, AB, ...; never SA, SD or SS, which Dutch
// postcodes skip) per run of about 15-25 neighbouring addresses. Points keep at least 4 m from the
// buurt's edges so that rounding and reprojection never move them into a neighbouring buurt.

import type { Point } from "./polygon.ts";
import { bbox, convexInset } from "./polygon.ts";
import type { Rng } from "./prng.ts";
import type { AddressTable, DemoRegion } from "./region-types.ts";

const MARGIN = 4;
const PC4_INHABITANTS = 9_000;
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LETTER_PAIRS: string[] = [];
for (const a of LETTERS) {
  for (const b of LETTERS) {
    const pair = a + b;
    if (pair !== "SA" && pair !== "SD" && pair !== "SS") LETTER_PAIRS.push(pair);
  }
}

/** Builds the address table; buurten get their addrStart/addrCount. Uses the last year's population. */
export function buildAddresses(
  region: DemoRegion,
  rng: Rng,
  inhabitantsPerAddress: number,
  firstPc4: number,
): AddressTable {
  const last = region.years.length - 1;
  const counts = region.buurten.map((b) => {
    const p = b.population[last] ?? 0;
    const own = Math.round(p / inhabitantsPerAddress);
    const min = b.kind === "bedrijven" ? 12 : b.kind === "centrum" ? 8 : 3;
    return Math.max(min, own + (b.kind === "centrum" ? Math.round(own * 0.3) : 0));
  });
  const total = counts.reduce((s, c) => s + c, 0);
  const table: AddressTable = {
    count: total,
    xDm: new Int32Array(total),
    yDm: new Int32Array(total),
    buurt: new Int32Array(total),
    inset: new Float32Array(total),
    pc6: new Int32Array(total),
    number: new Int32Array(total),
    suffix: new Uint8Array(total),
    pc6Codes: [],
  };
  let pc4 = firstPc4;
  let next = 0;
  for (const w of region.wijken) {
    // Group the wijk's buurten into pc4 areas.
    let chunkPop = 0;
    let chunk: number[] = [];
    const chunks: number[][] = [];
    for (const bi of w.buurten) {
      const p = region.buurten[bi]?.population[last] ?? 0;
      if (chunk.length > 0 && chunkPop + p > PC4_INHABITANTS) {
        chunks.push(chunk);
        chunk = [];
        chunkPop = 0;
      }
      chunk.push(bi);
      chunkPop += p;
    }
    if (chunk.length > 0) chunks.push(chunk);
    for (const c of chunks) {
      const start = next;
      for (const bi of c) {
        const b = region.buurten[bi];
        if (!b) continue;
        b.addrStart = next;
        b.addrCount = counts[bi] ?? 0;
        const box = bbox(b.ring);
        const clustered = b.area > 2_000_000;
        const spread = 0.22 * Math.sqrt(b.area);
        for (let k = 0; k < b.addrCount; k++) {
          let p: Point | null = null;
          let inset = 0;
          for (let t = 0; t < 100 && !p; t++) {
            const q: Point =
              clustered && rng.chance(0.7)
                ? [b.site[0] + rng.normal() * spread, b.site[1] + rng.normal() * spread]
                : [rng.range(box.minX, box.maxX), rng.range(box.minY, box.maxY)];
            inset = convexInset(b.ring, q[0], q[1]);
            if (inset >= MARGIN) p = q;
          }
          const point = p ?? b.site;
          table.xDm[next] = Math.round(point[0] * 10);
          table.yDm[next] = Math.round(point[1] * 10);
          table.inset[next] = p ? inset : convexInset(b.ring, point[0], point[1]);
          table.buurt[next] = bi;
          next++;
        }
      }
      assignPostcodes(table, start, next, pc4, rng);
      pc4++;
    }
  }
  return table;
}

/** Letters and house numbers for the addresses [start, end) of one pc4 area. */
function assignPostcodes(table: AddressTable, start: number, end: number, pc4: number, rng: Rng): void {
  // Order along bands of 150 m from north to south, west to east within a band.
  const idx = Array.from({ length: end - start }, (_, i) => start + i);
  const band = (i: number) => Math.floor((table.yDm[i] ?? 0) / 1500);
  idx.sort((a, b) => band(b) - band(a) || (table.xDm[a] ?? 0) - (table.xDm[b] ?? 0) || a - b);
  let pair = 0;
  let k = 0;
  while (k < idx.length) {
    const run = rng.intBetween(15, 25);
    const code = `${pc4}${LETTER_PAIRS[pair % LETTER_PAIRS.length]}`;
    const codeIndex = table.pc6Codes.length;
    table.pc6Codes.push(code);
    let number = rng.intBetween(1, 40);
    const step = rng.chance(0.5) ? 2 : 1;
    for (let j = 0; j < run && k < idx.length; j++, k++) {
      const a = idx[k] as number;
      table.pc6[a] = codeIndex;
      table.number[a] = number;
      table.suffix[a] = rng.chance(0.04) ? rng.intBetween(1, 5) : 0;
      number += step;
    }
    pair++;
  }
}
