// Plain Dutch (B1) sentences for a comparison with similar gemeenten (`peers`). Part of the
// "duiding" layer (issue 3).

import { formatCount } from "../../render/format-nl.ts";
import type { PeersResult } from "../peers/peers.ts";
import { formatRateNl } from "./rate-text.ts";

/** |z| at or above this value counts as a clear difference (the two-sided 5% point of the normal). */
export const PEER_Z_LIMIT = 1.96;

/** With fewer peers than this (but at least one) the text warns that the comparison is uncertain. */
export const FEW_PEERS = 5;

export interface DescribePeersInput {
  /** Plural noun for what is counted, e.g. "woninginbraken". */
  subject: string;
  /** Result of `peers` for the target gemeente. */
  result: PeersResult;
  /** Optional name of the target gemeente, e.g. "Utrecht"; without it the text says "deze gemeente". */
  name?: string;
}

/**
 * Describes how a gemeente compares with similar gemeenten in plain Dutch (B1), e.g.
 * "In Utrecht waren er 2,8 woninginbraken per 1.000 inwoners. Er zijn 12 vergelijkbare gemeenten: met
 * ongeveer evenveel inwoners (dezelfde inwonersklasse), even stedelijk en in dezelfde regio. Daar
 * waren er gemiddeld 2,1 per 1.000 inwoners. Utrecht staat op plaats 4 van 13 (plaats 1 is het
 * hoogste cijfer). Het cijfer van Utrecht is niet duidelijk anders dan bij vergelijkbare gemeenten."
 *
 * Rules:
 * - Rates per 1,000 with {@link formatRateNl}; counts in Dutch notation.
 * - On what the peers are similar follows `result.step`: always the same inwonersklasse; step 1 "even
 *   stedelijk en in dezelfde regio", step 2 "ongeveer even stedelijk en in dezelfde regio" (one step
 *   of stedelijkheid apart allowed), step 3 "ongeveer even stedelijk, uit het hele land".
 * - Rank: "plaats R van N", N = peers + 1 (the gemeente itself included), and the text says that
 *   plaats 1 is the highest rate.
 * - Verdict only from `z`: z ≥ {@link PEER_Z_LIMIT} → "duidelijk hoger", z ≤ −{@link PEER_Z_LIMIT} →
 *   "duidelijk lager", otherwise "niet duidelijk anders dan bij vergelijkbare gemeenten". The z-score
 *   is descriptive (see `peers`), so the word "significant" is never used.
 * - `z` null: with one peer "Met één gemeente is niet te zeggen of het verschil duidelijk is."; with
 *   more peers (all with the same rate) "De vergelijkbare gemeenten hebben allemaal hetzelfde cijfer,
 *   dus is niet te zeggen of het verschil duidelijk is."
 * - 1 to {@link FEW_PEERS} − 1 peers: a last sentence that the comparison is uncertain.
 * - No peers: only the rate and "Er zijn geen vergelijkbare gemeenten gevonden, dus vergelijken is
 *   niet mogelijk." (no rank, no verdict).
 *
 * Complexity: O(1).
 *
 * @throws RangeError if the result is not consistent: rate not finite and ≥ 0 (NaN included), step
 *   not 1, 2 or 3, rank not an integer from 1 to peers + 1, peerMean null with peers or not null
 *   without, peerMean not finite and ≥ 0, or z not finite or given with fewer than 2 peers.
 */
export function describePeers(input: DescribePeersInput): string {
  const { subject, result } = input;
  validate(result);
  const n = result.peers.length;
  const where = input.name === undefined ? "deze gemeente" : input.name;
  const first = `In ${where} waren er ${formatRateNl(result.rate)} ${subject} per 1.000 inwoners.`;
  if (n === 0 || result.peerMean === null) {
    return `${first} Er zijn geen vergelijkbare gemeenten gevonden, dus vergelijken is niet mogelijk.`;
  }

  const similar = `met ongeveer evenveel inwoners (dezelfde inwonersklasse), ${STEP_TEXT[result.step]}`;
  const peersText =
    n === 1
      ? `Er is 1 vergelijkbare gemeente: ${similar}.`
      : `Er zijn ${formatCount(n)} vergelijkbare gemeenten: ${similar}.`;
  const mean =
    n === 1
      ? `Daar waren er ${formatRateNl(result.peerMean)} per 1.000 inwoners.`
      : `Daar waren er gemiddeld ${formatRateNl(result.peerMean)} per 1.000 inwoners.`;
  const subjectName = input.name === undefined ? "Deze gemeente" : input.name;
  const rank =
    `${subjectName} staat op plaats ${formatCount(result.rank)} van ${formatCount(n + 1)} ` +
    "(plaats 1 is het hoogste cijfer).";

  let verdict: string;
  if (result.z === null) {
    verdict =
      n === 1
        ? "Met één gemeente is niet te zeggen of het verschil duidelijk is."
        : "De vergelijkbare gemeenten hebben allemaal hetzelfde cijfer, dus is niet te zeggen of het verschil duidelijk is.";
  } else {
    const own = `Het cijfer van ${where}`;
    if (result.z >= PEER_Z_LIMIT) verdict = `${own} is duidelijk hoger dan bij vergelijkbare gemeenten.`;
    else if (result.z <= -PEER_Z_LIMIT)
      verdict = `${own} is duidelijk lager dan bij vergelijkbare gemeenten.`;
    else verdict = `${own} is niet duidelijk anders dan bij vergelijkbare gemeenten.`;
  }
  const few =
    n < FEW_PEERS ? " Er zijn weinig vergelijkbare gemeenten, dus deze vergelijking is onzeker." : "";
  return `${first} ${peersText} ${mean} ${rank} ${verdict}${few}`;
}

const STEP_TEXT: Record<1 | 2 | 3, string> = {
  1: "even stedelijk en in dezelfde regio",
  2: "ongeveer even stedelijk en in dezelfde regio",
  3: "ongeveer even stedelijk, uit het hele land",
};

function validate(result: PeersResult): void {
  const { rate, step, rank, z, peerMean } = result;
  const n = result.peers.length;
  if (!(Number.isFinite(rate) && rate >= 0))
    throw new RangeError(`rate must be a finite number >= 0, got ${rate}`);
  if (step !== 1 && step !== 2 && step !== 3) throw new RangeError(`step must be 1, 2 or 3, got ${step}`);
  if (!(Number.isInteger(rank) && rank >= 1 && rank <= n + 1)) {
    throw new RangeError(`rank must be an integer from 1 to ${n + 1}, got ${rank}`);
  }
  if ((peerMean === null) !== (n === 0)) {
    throw new RangeError(
      `peerMean must be null exactly when there are no peers, got ${peerMean} with ${n} peers`,
    );
  }
  if (peerMean !== null && !(Number.isFinite(peerMean) && peerMean >= 0)) {
    throw new RangeError(`peerMean must be a finite number >= 0, got ${peerMean}`);
  }
  if (z !== null && !(Number.isFinite(z) && n >= 2)) {
    throw new RangeError(`z must be null or a finite number with at least 2 peers, got ${z} with ${n} peers`);
  }
}
