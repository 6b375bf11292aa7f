// Plain Dutch (B1) sentences for the grid hot spots of `gridHotspots` (Gi* per cell with a
// Benjamini–Hochberg false-discovery-rate correction). Part of the "duiding" layer (issue 3).

import { formatCount } from "../../render/format-nl.ts";
import type { GridHotspotsResult, HotspotCell, HotspotKlasse } from "../hotspots/grid-hotspots.ts";

export interface DescribeGridHotspotsInput {
  /** Plural noun for what is counted, e.g. "woninginbraken". */
  subject: string;
  /** Result of `gridHotspots`. */
  result: GridHotspotsResult;
  /**
   * The `fdr` option that `gridHotspots` was called with (the result does not echo it); in
   * (0, 0.10], default 0.05 — the same default as `gridHotspots`.
   */
  fdr?: number;
}

const decimal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });

/** The Dutch phrase that names a point in RD New metres; shared by the duiding texts. */
export function rdPointNl(x: number, y: number): string {
  return `x = ${roundRd(x)}, y = ${roundRd(y)} (RD-coördinaten: de Nederlandse kaartcoördinaten in meters)`;
}

/** Whole metres (halves upwards), without thousands separator: a coordinate is a label, not an amount. */
function roundRd(v: number): string {
  return String(Math.round(v) + 0); // + 0 turns -0 into 0
}

/**
 * Describes grid hot and cold spots in plain Dutch (B1), e.g.
 * "Er zijn 2.400 cellen van 100 bij 100 meter onderzocht. Een hotspot is een cel waar, samen met
 * de cellen eromheen, opvallend veel woninginbraken zijn; een coldspot juist opvallend weinig.
 * 12 cellen zijn een hotspot (5 met 99% en 7 met 95% betrouwbaarheid). Er zijn geen coldspots
 * gevonden. Daarbij is rekening gehouden met het grote aantal toetsen (false discovery rate,
 * q = 5%): naar verwachting is hooguit 5% van de gevonden hotspots en coldspots toeval. De
 * sterkste hotspot is de cel rond x = 155050, y = 463050 (RD-coördinaten: …); het aantal
 * woninginbraken in die cel is 14."
 *
 * Rules:
 * - Numbers in Dutch notation ("2.400"); "Er is 1 cel" / "Er zijn 2 cellen". The cell size is read from the
 *   first cell (`x1 − x0`), and shown in metres with at most two decimals ("33,3").
 * - No cells (no points, or an empty area): "Er zijn geen hotspots gevonden: er waren geen cellen
 *   om te onderzoeken …" and nothing more.
 * - Hotspots and coldspots are counted per confidence class (`hot-99`, `hot-95`, `hot-90`, and
 *   the same for cold); only classes with cells are named, from 99 down. When all cells of a kind
 *   are in one class, the class is named once ("(alle met 99% betrouwbaarheid)", or "(met 99%
 *   betrouwbaarheid)" for a single cell). None of a kind: "Er zijn geen hotspots gevonden." (the
 *   same for coldspots) — a hotspot is never suggested when there is none.
 * - The false-discovery-rate correction is always mentioned with its q; the sentence that at most
 *   q of the finds is chance only when something was found.
 * - Strongest hotspot: the hot cell with the largest z; ties by the larger count, then the first
 *   in the order of `result.cells`. Its centre `((x0 + x1) / 2, (y0 + y1) / 2)` is given in RD
 *   coordinates rounded to whole metres (halves upwards, no thousands separator), with its own
 *   count. Not mentioned when there is no hotspot.
 * - The word "significant" is not used: the classes carry the confidence.
 *
 * Complexity: O(C) for C cells.
 *
 * @throws RangeError if `fdr` is not in (0, 0.10], a cell is not a square of the same positive
 *   size as the first (within a relative 1e-6), a count is not a non-negative integer, a class is unknown, a hot cell has
 *   no finite z, or a cell is in a 90% class while `fdr ≤ 0.05` (then `fdr` is not the one the
 *   result was computed with: with `fdr ≤ 0.05` the 90% classes are always empty).
 */
export function describeGridHotspots(input: DescribeGridHotspotsInput): string {
  const { subject, result } = input;
  const fdr = input.fdr ?? 0.05;
  if (!(fdr > 0 && fdr <= 0.1)) throw new RangeError(`fdr must be in (0, 0.10], got ${fdr}`);
  const cells = result.cells;
  if (cells.length === 0) {
    return (
      "Er zijn geen hotspots gevonden: er waren geen cellen om te onderzoeken " +
      `(geen ${subject}, of een leeg gebied).`
    );
  }

  const first = cells[0] as HotspotCell;
  const size = first.x1 - first.x0;
  if (!(Number.isFinite(size) && size > 0))
    throw new RangeError(`cell size must be finite and > 0, got ${size}`);
  // The edges are multiples of the cell size, so widths differ in the last bits (33.3 m cells:
  // 33.30000000001746, 33.29999999998836, …): compare with a relative tolerance.
  const sameSize = (w: number) => Math.abs(w - size) <= SIZE_TOLERANCE * size;
  const perClass = new Map<HotspotKlasse, number>();
  let strongest: HotspotCell | null = null;
  for (const c of cells) {
    if (!(sameSize(c.x1 - c.x0) && sameSize(c.y1 - c.y0))) {
      throw new RangeError("cells must be squares of one positive, finite size");
    }
    if (!Number.isInteger(c.count) || c.count < 0) {
      throw new RangeError(`cell count must be a non-negative integer, got ${c.count}`);
    }
    if (!KLASSEN.includes(c.klasse)) throw new RangeError(`unknown class ${String(c.klasse)}`);
    if ((c.klasse === "hot-90" || c.klasse === "cold-90") && fdr <= 0.05) {
      throw new RangeError(`a cell is in class ${c.klasse}, which is impossible with fdr ${fdr}`);
    }
    perClass.set(c.klasse, (perClass.get(c.klasse) ?? 0) + 1);
    if (c.klasse.startsWith("hot-")) {
      if (!Number.isFinite(c.z)) throw new RangeError(`hot cell has a non-finite z: ${c.z}`);
      if (strongest === null || c.z > strongest.z || (c.z === strongest.z && c.count > strongest.count)) {
        strongest = c;
      }
    }
  }

  const q = `${decimal.format(fdr * 100)}%`;
  const sentences = [
    `Er ${cells.length === 1 ? "is" : "zijn"} ${cellen(cells.length)} van ${decimal.format(size)} bij ` +
      `${decimal.format(size)} meter onderzocht.`,
    `Een hotspot is een cel waar, samen met de cellen eromheen, opvallend veel ${subject} zijn; ` +
      "een coldspot juist opvallend weinig.",
    kindSentence("hotspot", ["hot-99", "hot-95", "hot-90"], perClass),
    kindSentence("coldspot", ["cold-99", "cold-95", "cold-90"], perClass),
  ];
  const found = cells.length - (perClass.get("niet-significant") ?? 0);
  const correction = `Daarbij is rekening gehouden met het grote aantal toetsen (false discovery rate, q = ${q})`;
  sentences.push(
    found > 0
      ? `${correction}: naar verwachting is hooguit ${q} van de gevonden hotspots en coldspots toeval.`
      : `${correction}.`,
  );
  if (strongest !== null) {
    const x = (strongest.x0 + strongest.x1) / 2;
    const y = (strongest.y0 + strongest.y1) / 2;
    sentences.push(
      `De sterkste hotspot is de cel rond ${rdPointNl(x, y)}; ` +
        `het aantal ${subject} in die cel is ${formatCount(strongest.count)}.`,
    );
  }
  return sentences.join(" ");
}

/** Relative tolerance when checking that all cells have one size. */
const SIZE_TOLERANCE = 1e-6;

const KLASSEN: readonly HotspotKlasse[] = [
  "hot-99",
  "hot-95",
  "hot-90",
  "cold-99",
  "cold-95",
  "cold-90",
  "niet-significant",
];

function cellen(n: number): string {
  return `${formatCount(n)} ${n === 1 ? "cel" : "cellen"}`;
}

/** "12 cellen zijn een hotspot (5 met 99% en 7 met 95% betrouwbaarheid)." or "Er zijn geen hotspots gevonden." */
function kindSentence(
  kind: "hotspot" | "coldspot",
  classes: readonly [HotspotKlasse, HotspotKlasse, HotspotKlasse],
  perClass: Map<HotspotKlasse, number>,
): string {
  const levels = ["99%", "95%", "90%"];
  const parts: { count: number; level: string }[] = [];
  classes.forEach((k, i) => {
    const count = perClass.get(k) ?? 0;
    if (count > 0) parts.push({ count, level: levels[i] as string });
  });
  const total = parts.reduce((s, p) => s + p.count, 0);
  if (total === 0) return `Er zijn geen ${kind}s gevonden.`;
  const verb = total === 1 ? "is" : "zijn";
  let detail: string;
  if (parts.length === 1) {
    const only = parts[0] as { level: string };
    detail = `${total === 1 ? "met" : "alle met"} ${only.level} betrouwbaarheid`;
  } else {
    const listed = parts.map((p) => `${formatCount(p.count)} met ${p.level}`);
    const last = listed.pop() as string;
    detail = `${listed.join(", ")} en ${last} betrouwbaarheid`;
  }
  return `${cellen(total)} ${verb} een ${kind} (${detail}).`;
}
