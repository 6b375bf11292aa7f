// Counting sort of points into a uniform grid: the spatial index behind the neighbour searches of
// Getis-Ord and Knox. O(n + cells) time and memory.

export interface CellSort {
  /** start[c]…start[c+1] are the positions (in sorted order) of the points in cell c (row-major). */
  start: Int32Array;
  /** order[pos] = the input index of the point at sorted position pos. */
  order: Int32Array;
  /** Coordinates in sorted order, so scans over a cell read contiguous memory. */
  xs: Float64Array;
  ys: Float64Array;
}

/**
 * Sorts points into `cols` × `rows` cells of size `cell` starting at (minX, minY); cell id is
 * row * cols + col. Points on the far edge go into the last column/row.
 */
export function sortByCell(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  grid: { minX: number; minY: number; cell: number; cols: number; rows: number },
): CellSort {
  const { minX, minY, cell, cols, rows } = grid;
  const n = xs.length;
  const cellOf = new Int32Array(n);
  const start = new Int32Array(cols * rows + 1);
  for (let i = 0; i < n; i++) {
    const cx = Math.min(cols - 1, Math.floor(((xs[i] as number) - minX) / cell));
    const cy = Math.min(rows - 1, Math.floor(((ys[i] as number) - minY) / cell));
    const c = cy * cols + cx;
    cellOf[i] = c;
    start[c + 1] = (start[c + 1] as number) + 1;
  }
  for (let c = 0; c < cols * rows; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, cols * rows);
  const order = new Int32Array(n);
  const sx = new Float64Array(n);
  const sy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = cellOf[i] as number;
    const at = fill[c] as number;
    fill[c] = at + 1;
    order[at] = i;
    sx[at] = xs[i] as number;
    sy[at] = ys[i] as number;
  }
  return { start, order, xs: sx, ys: sy };
}
