// Benchmark of the trends explorer (issue 6, target ≤ 100 ms p95 per page) on a copy of the
// national demo store (10 million rows by default; `--rijen 1000000` for a smaller existing one):
// the server over real HTTP, a mayor logged in through the forms, the register on. Measures the
// server time of /trends for the largest gemeente and for a gemeente of the most common size class
// (the most peers to read), all types and one type, both comparisons, and an htmx request.

import { populationClass } from "../src/analysis/peers/peers.ts";
import type { AreaSummary } from "../src/domain/area.ts";
import { addMonths, lastCompleteMonth } from "../src/domain/time.ts";
import { fmt, log } from "./bench-doc.ts";
import { monthParam, openBenchWeb, pct } from "./web-server.ts";

/** The gemeenten of the size class with the most members (the most peers to read). */
function commonClass(gemeenten: AreaSummary[]): AreaSummary[] {
  const perClass = new Map<number, AreaSummary[]>();
  for (const g of gemeenten) {
    if (!g.population) continue;
    const c = populationClass(g.population);
    perClass.set(c, [...(perClass.get(c) ?? []), g]);
  }
  return [...perClass.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

/** The largest gemeente and the median member of the most common size class. */
function benchGemeenten(largestFirst: AreaSummary[]): AreaSummary[] {
  const largest = largestFirst[0];
  if (!largest) return [];
  const common = commonClass(largestFirst);
  const typical = common[Math.floor(common.length / 2)] ?? largest;
  return typical.code === largest.code ? [largest] : [largest, typical];
}

export async function runTrendsBench(rows = Number(argValue("rijen") ?? 10_000_000)): Promise<string> {
  const b = await openBenchWeb("trends", benchGemeenten, rows);
  try {
    const { registrations, gemeenten } = b;
    const shown = benchGemeenten(gemeenten);
    const [largest, typical = largest] = shown;
    if (!largest || !typical) throw new Error("geen gemeenten");
    const common = commonClass(gemeenten);
    const timed = async (path: string, n: number, headers: Record<string, string> = {}) =>
      (await b.timed(path, n, headers)).ms;
    const to = lastCompleteMonth(b.now);
    const tenYears = monthParam(addMonths(to, -119));
    // The largest wijk of the largest gemeente: protected with its gemeente's family.
    const wijk = (await b.store.listAreas())
      .filter((a) => a.level === "wijk" && a.parent === largest.code)
      .sort((x, y) => y.year - x.year || (y.population ?? 0) - (x.population ?? 0))[0];
    const rowsOut: string[] = [];
    for (const g of shown) {
      const pages: [string, string, Record<string, string>?][] = [
        [`${g.name}: alle soorten, 36 maanden`, `/trends?gebied=${g.code}`],
        [`${g.name}: woninginbraak (1.1.1), 36 maanden`, `/trends?gebied=${g.code}&soort=1.1.1`],
        [
          `${g.name}: alle soorten, 10 jaar, gemiddelde 5 jaar`,
          `/trends?gebied=${g.code}&van=${tenYears}&vergelijk=gemiddelde-5-jaar`,
        ],
        [`${g.name}: woninginbraak, htmx`, `/trends?gebied=${g.code}&soort=1.1.1`, { "HX-Request": "true" }],
        ...(wijk && g === largest
          ? ([
              [`wijk ${wijk.name} (${wijk.code}): alle soorten, 36 maanden`, `/trends?gebied=${wijk.code}`],
              [`wijk ${wijk.name}: woninginbraak, 36 maanden`, `/trends?gebied=${wijk.code}&soort=1.1.1`],
            ] as [string, string][])
          : []),
      ];
      for (const [label, path, headers] of pages) {
        log(`Trends: ${label}…`);
        const [first = 0] = await timed(path, 1, headers);
        await timed(path, 2, headers); // the first requests decide and cache the table protection
        const ms = await timed(path, 50, headers);
        rowsOut.push(
          `| ${label} | ${fmt(first, 1)} ms | ${fmt(pct(ms, 50), 1)} ms | ${fmt(pct(ms, 95), 1)} ms |`,
        );
      }
    }
    const { entries } = await b.counts();
    return [
      "### Trends",
      "",
      `Command: \`npm run bench -- --onderdelen trends\`. Data: a copy of the \`landelijk\` demo store (${fmt(registrations)} registrations, ${gemeenten.length} gemeenten); the server over HTTP on this machine, a mayor of ${largest.name} (${fmt(largest.population ?? 0)} inhabitants, the largest) and ${typical.name} (${fmt(typical.population ?? 0)}, in the size class with the most gemeenten: ${common.length} to read for the comparison) logged in through the forms (the wijk, of the largest gemeente, protected together with its gemeente, wijken and buurten), every page through the gate with a register entry (${fmt(entries)} written in this run). "First": the very first request of that page (store reads and table protection not cached yet); median and p95 over 50 requests after three. Target: ≤ 100 ms p95.`,
      "",
      "| page | first | median | p95 |",
      "|---|---:|---:|---:|",
      ...rowsOut,
    ].join("\n");
  } finally {
    await b.close();
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
