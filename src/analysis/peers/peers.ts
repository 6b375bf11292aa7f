export interface Gemeente {
  /** CBS municipality code, e.g. "GM0363". */
  code: string;
  /** Inhabitants, finite and > 0. */
  population: number;
  /** CBS degree of urbanisation, integer 1 (zeer sterk stedelijk) to 5 (niet stedelijk). */
  urbanisation: number;
  /** Region used for the first comparison steps, e.g. the police unit. */
  region: string;
  /** Registrations (non-negative). */
  count: number;
}

export interface PeersOptions {
  /** Widen the selection while fewer peers than this are found; default 5. */
  minPeers?: number;
}

export interface PeersResult {
  /** Codes of the comparable gemeenten (target excluded), sorted by code. */
  peers: string[];
  /** Selection step that produced `peers`: 1 exact, 2 urbanisation +-1, 3 any region (see peers()). */
  step: 1 | 2 | 3;
  /** Position of the target's rate among target + peers, 1 = highest; ties share the best position. */
  rank: number;
  /** (rate - peerMean) / peerSd; null with fewer than 2 peers or when all peers have the same rate. */
  z: number | null;
  /** Registrations per 1,000 inhabitants of the target. */
  rate: number;
  /** Mean rate per 1,000 of the peers; null without peers. */
  peerMean: number | null;
  /** Sample standard deviation (n - 1) of the peers' rates; null with fewer than 2 peers. */
  peerSd: number | null;
}

/** Lower bounds of the CBS municipality size classes (gemeentegrootteklassen), in inhabitants. */
const CLASS_BOUNDS = [10_000, 20_000, 50_000, 100_000, 150_000, 250_000];

/**
 * CBS population class 0-6: < 10k, 10-20k, 20-50k, 50-100k, 100-150k, 150-250k, >= 250k. Each class
 * includes its lower bound ("10 000 tot 20 000 inwoners" contains 10 000, not 20 000).
 */
export function populationClass(population: number): number {
  let c = 0;
  while (c < CLASS_BOUNDS.length && population >= (CLASS_BOUNDS[c] ?? Number.POSITIVE_INFINITY)) c++;
  return c;
}

function validate(g: Gemeente): void {
  if (!(Number.isFinite(g.population) && g.population > 0)) {
    throw new RangeError(`population of ${g.code} must be a finite number > 0, got ${g.population}`);
  }
  if (!(Number.isInteger(g.urbanisation) && g.urbanisation >= 1 && g.urbanisation <= 5)) {
    throw new RangeError(`urbanisation of ${g.code} must be an integer 1-5, got ${g.urbanisation}`);
  }
  if (!(Number.isFinite(g.count) && g.count >= 0)) {
    throw new RangeError(`count of ${g.code} must be a finite number >= 0, got ${g.count}`);
  }
}

/**
 * Compare a gemeente's registration rate with similar gemeenten ("vergelijkbare gemeenten").
 *
 * Peer rule — the target itself is never a peer, and every peer is in the target's CBS population
 * class (see {@link populationClass}). The first step that yields at least `minPeers` gemeenten wins:
 *   1. same region and same urbanisation;
 *   2. same region and urbanisation within +-1;
 *   3. any region and urbanisation within +-1.
 * When even step 3 yields fewer than `minPeers`, its (smaller) set is used as is; `step` reports
 * which step was used so a caller can warn about a weak comparison.
 *
 * Statistics: rate = count / population * 1000 for every gemeente; peerMean and peerSd (sample,
 * n - 1) are over the peers only; z = (rate - peerMean) / peerSd; rank = 1 + the number of peers
 * with a strictly higher rate (competition ranking, 1 = highest), so rank runs from 1 to peers + 1.
 *
 * Assumptions: population and urbanisation describe the same year as the counts; the z-score is
 * descriptive (peer rates are not assumed normal, and small gemeenten have noisier rates).
 * Complexity: O(n) for n gemeenten plus O(p log p) to sort the p peer codes.
 *
 * @throws RangeError when the target code is missing, minPeers is not a non-negative integer, or a
 *   gemeente has a population that is not > 0, an urbanisation outside 1-5 or a negative count.
 */
export function peers(target: string, gemeenten: Gemeente[], opts: PeersOptions = {}): PeersResult {
  const minPeers = opts.minPeers ?? 5;
  if (!(Number.isInteger(minPeers) && minPeers >= 0)) {
    throw new RangeError(`minPeers must be a non-negative integer, got ${minPeers}`);
  }
  for (const g of gemeenten) validate(g);
  const self = gemeenten.find((g) => g.code === target);
  if (!self) throw new RangeError(`target ${target} not found among gemeenten`);

  const cls = populationClass(self.population);
  const sameClass = gemeenten.filter((g) => g.code !== target && populationClass(g.population) === cls);
  const steps: [1 | 2 | 3, (g: Gemeente) => boolean][] = [
    [1, (g) => g.region === self.region && g.urbanisation === self.urbanisation],
    [2, (g) => g.region === self.region && Math.abs(g.urbanisation - self.urbanisation) <= 1],
    [3, (g) => Math.abs(g.urbanisation - self.urbanisation) <= 1],
  ];
  let chosen: Gemeente[] = [];
  let step: 1 | 2 | 3 = 3;
  for (const [s, keep] of steps) {
    chosen = sameClass.filter(keep);
    step = s;
    if (chosen.length >= minPeers) break;
  }

  const rateOf = (g: Gemeente) => (g.count / g.population) * 1000;
  const rate = rateOf(self);
  const rates = chosen.map(rateOf);
  const n = rates.length;
  const peerMean = n > 0 ? rates.reduce((s, r) => s + r, 0) / n : null;
  let peerSd: number | null = null;
  if (n >= 2 && peerMean !== null) {
    peerSd = Math.sqrt(rates.reduce((s, r) => s + (r - peerMean) ** 2, 0) / (n - 1));
  }
  const z = peerSd !== null && peerMean !== null && peerSd > 0 ? (rate - peerMean) / peerSd : null;
  const rank = 1 + rates.filter((r) => r > rate).length;
  const codes = chosen.map((g) => g.code).sort();
  return { peers: codes, step, rank, z, rate, peerMean, peerSd };
}
