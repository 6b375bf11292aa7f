// The cells of a kernel density map that may be shown: only where at least `minimum`
// registrations lie within the radius (one registration adds at most the kernel's peak to a cell,
// so k of them at most k times it), and inside the area's outline; each in one of five levels of
// the highest density shown. The map of the Kaart and the gebiedsscan's density both use it.

import type { MultiPolygon } from "../../domain/area.ts";
import { pointInMultiPolygon } from "../../domain/geo/point-in-polygon.ts";
import { type KernelDensityResult, kernelDensity } from "./kde.ts";

export interface DenseCell {
  /** South-west corner (RD). */
  x0: number;
  y0: number;
  /** Density at the cell's centre, points per m². */
  v: number;
  /** 1 (low) … 5 (the highest density shown). */
  niveau: number;
}

export interface DenseCellsOptions {
  cell: number;
  radius: number;
  /** Cells where fewer registrations could lie are left out (at least 1). */
  minimum: number;
  /** The area: the grid covers its bounding box (in whole cells), and only cells inside it count. */
  outline: MultiPolygon | null;
}

/** The outline's bounding box, grown to whole multiples of `cell`; undefined without points. */
export function cellBox(outline: MultiPolygon, cell: number) {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of outline)
    for (const ring of p)
      for (const [x, y] of ring) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
  if (!Number.isFinite(minX)) return undefined;
  return {
    minX: Math.floor(minX / cell) * cell,
    minY: Math.floor(minY / cell) * cell,
    maxX: Math.ceil(maxX / cell) * cell,
    maxY: Math.ceil(maxY / cell) * cell,
  };
}

/** The kernel density of `points` and the cells of it that may be shown. */
export function denseCells(
  points: readonly { x: number; y: number }[],
  opts: DenseCellsOptions,
): { kde: KernelDensityResult; cells: DenseCell[] } {
  const { cell, radius, outline } = opts;
  const kde = kernelDensity(points as { x: number; y: number }[], {
    cell,
    radius,
    bbox: outline ? cellBox(outline, cell) : undefined,
  });
  const peak = 3 / (Math.PI * radius * radius);
  const threshold = Math.max(1, opts.minimum) * peak;
  const dense: { col: number; row: number; v: number }[] = [];
  for (let row = 0; row < kde.rows; row++)
    for (let col = 0; col < kde.cols; col++) {
      const v = kde.values[row * kde.cols + col] as number;
      if (v < threshold) continue;
      const cx = kde.x0 + (col + 0.5) * kde.cell;
      const cy = kde.y0 + (row + 0.5) * kde.cell;
      if (outline && !pointInMultiPolygon(outline, cx, cy)) continue;
      dense.push({ col, row, v });
    }
  const max = dense.reduce((m, c) => Math.max(m, c.v), 0);
  return {
    kde,
    cells: dense.map((c) => ({
      x0: kde.x0 + c.col * kde.cell,
      y0: kde.y0 + c.row * kde.cell,
      v: c.v,
      niveau: Math.max(1, Math.ceil((5 * c.v) / max)),
    })),
  };
}
