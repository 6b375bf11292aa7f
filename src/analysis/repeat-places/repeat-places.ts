export interface RepeatPlaceItem {
  /** Address key as delivered by ingest (e.g. postcode + house number); null/empty when unknown. */
  address?: string | null;
  /** RD New (EPSG:28992) x in metres; used only when there is no address. */
  x?: number | null;
  /** RD New (EPSG:28992) y in metres; used only when there is no address. */
  y?: number | null;
}

export interface RepeatPlacesOptions {
  /** Minimum number of registrations for a place to be reported (integer >= 1). */
  min: number;
  /** Grid cell size in metres for items without an address; default 25. */
  cell?: number;
}

export interface RepeatPlace {
  /** The trimmed address, or "cel:<x0>,<y0>" with the south-west corner of the grid cell in metres. */
  key: string;
  count: number;
}

/**
 * Repeat places ("herhaallocaties"): places with at least `min` registrations.
 *
 * A place is the exact address when an item has one (after trimming surrounding white space; no
 * further normalisation, so the caller must deliver one canonical spelling per address). Items
 * without an address but with finite x and y fall in a square grid cell of `cell` metres aligned
 * to the RD origin: key "cel:<x0>,<y0>" with x0 = floor(x / cell) * cell (same for y). Items with
 * neither are skipped. An address and a cell are different places even when the address lies in
 * that cell, so counts of geocoded and ungeocoded registrations at one spot are not merged.
 *
 * Result sorted by count descending, ties by key ascending (code-unit order) for a stable output.
 *
 * Assumptions: coordinates are projected metres (RD New); a 25 m cell roughly covers one building
 * or a short street stretch, so a cell can still hold several adjacent addresses.
 * Complexity: O(n) for n items plus O(k log k) to sort the k reported places.
 *
 * @throws RangeError when min is not an integer >= 1 or cell is not a finite number > 0.
 */
export function repeatPlaces(items: RepeatPlaceItem[], opts: RepeatPlacesOptions): RepeatPlace[] {
  const { min } = opts;
  const cell = opts.cell ?? 25;
  if (!(Number.isInteger(min) && min >= 1)) throw new RangeError(`min must be an integer >= 1, got ${min}`);
  if (!(Number.isFinite(cell) && cell > 0))
    throw new RangeError(`cell must be a finite number > 0, got ${cell}`);

  const counts = new Map<string, number>();
  for (const item of items) {
    const address = item.address?.trim();
    let key: string | null = null;
    if (address) {
      key = address;
    } else if (
      typeof item.x === "number" &&
      typeof item.y === "number" &&
      Number.isFinite(item.x) &&
      Number.isFinite(item.y)
    ) {
      const x0 = Math.floor(item.x / cell) * cell;
      const y0 = Math.floor(item.y / cell) * cell;
      key = `cel:${x0},${y0}`;
    }
    if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const out: RepeatPlace[] = [];
  for (const [key, count] of counts) if (count >= min) out.push({ key, count });
  out.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return out;
}
