// Walker/Vose alias tables: O(1) draws from a fixed discrete distribution. The generator draws
// millions of buurten, hours and codes, so a linear scan per draw would dominate its run time.

import type { Rng } from "./prng.ts";

export class AliasTable {
  readonly size: number;
  /** Sum of the weights the table was built from. */
  readonly total: number;
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    this.size = n;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) total += Math.max(0, weights[i] ?? 0);
    this.total = total;
    if (n === 0) return;
    if (total <= 0) {
      // No weight anywhere: fall back to uniform.
      this.prob.fill(1);
      for (let i = 0; i < n; i++) this.alias[i] = i;
      return;
    }
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = (Math.max(0, weights[i] ?? 0) * n) / total;
      scaled[i] = s;
      (s < 1 ? small : large).push(i);
    }
    for (;;) {
      const s = small.pop();
      const l = large.pop();
      if (s === undefined || l === undefined) {
        if (s !== undefined) this.prob[s] = 1;
        if (l !== undefined) this.prob[l] = 1;
        for (const i of small) this.prob[i] = 1;
        for (const i of large) this.prob[i] = 1;
        break;
      }
      this.prob[s] = scaled[s] ?? 0;
      this.alias[s] = l;
      const rest = (scaled[l] ?? 0) + (scaled[s] ?? 0) - 1;
      scaled[l] = rest;
      (rest < 1 ? small : large).push(l);
    }
  }

  /** An index drawn with probability proportional to its weight. */
  draw(rng: Rng): number {
    const u = rng.next() * this.size;
    const i = Math.floor(u);
    return u - i < (this.prob[i] ?? 1) ? i : (this.alias[i] ?? i);
  }
}
