// Benchmark of the Kaart (issue 6 target: the map data for all buurten of a large gemeente
// ≤ 150 ms) on a copy of the 10-million-row national store: the server over real HTTP, a mayor
// of the largest gemeente logged in through the forms, every request through the gate with a
// register entry. Measures /kaart/gegevens (GeoJSON) per buurt and per wijk, and the /kaart page.

import { lastCompleteMonth } from "../src/domain/time.ts";
import { fmt, log } from "./bench-doc.ts";
import { monthParam, openBenchWeb, pct } from "./web-server.ts";

/** `rows`: the store's size (default the 10-million-row store; smaller for a quick run). */
export async function runMapBench(rows = 10_000_000): Promise<string> {
  const b = await openBenchWeb("kaart", (largestFirst) => largestFirst.slice(0, 1), rows);
  try {
    const { registrations, timed } = b;
    const g = b.gemeenten[0];
    if (!g) throw new Error("geen gemeenten");
    const buurten = (await b.store.listAreas({ level: "buurt", year: g.year })).filter((a) =>
      a.code.startsWith(`BU${g.code.slice(2)}`),
    ).length;
    const month = lastCompleteMonth(b.now);
    const period = monthParam(month);
    const year = String(Math.floor(month / 100));
    const cases: [string, string][] = [
      [
        `/kaart/gegevens, ${buurten} buurten, ${period}`,
        `/kaart/gegevens?gebied=${g.code}&niveau=buurt&periode=${period}`,
      ],
      [
        `/kaart/gegevens, buurten, ${year}, per 1.000`,
        `/kaart/gegevens?gebied=${g.code}&niveau=buurt&periode=${year}&maat=per-1000`,
      ],
      [
        `/kaart/gegevens, buurten, woninginbraak, ${year}`,
        `/kaart/gegevens?gebied=${g.code}&niveau=buurt&periode=${year}&soort=1.1.1`,
      ],
      [
        `/kaart/gegevens, wijken, ${period}`,
        `/kaart/gegevens?gebied=${g.code}&niveau=wijk&periode=${period}`,
      ],
      [`/kaart (pagina), buurten, ${period}`, `/kaart?gebied=${g.code}&niveau=buurt&periode=${period}`],
    ];
    const lines: string[] = [];
    for (const [label, path] of cases) {
      log(`Kaart: ${label}…`);
      const first = await timed(path, 1);
      await timed(path, 2);
      const { ms, bytes } = await timed(path, 50);
      lines.push(
        `| ${label} | ${fmt(first.ms[0] ?? 0, 0)} ms | ${fmt(pct(ms, 50), 1)} ms | ${fmt(pct(ms, 95), 1)} ms | ${fmt(bytes / 1024, 0)} KB |`,
      );
    }
    return [
      "### Kaart",
      "",
      `Command: \`npm run bench -- --onderdelen kaart\`. Data: a copy of the \`landelijk\` demo store (${fmt(registrations)} registrations); the server over HTTP on this machine, a mayor of ${g.name} (${fmt(g.population ?? 0)} inhabitants, the largest, ${buurten} buurten) logged in through the forms, every request through the gate with a register entry. "First" is the first request (table protection decided, reads cached); median and p95 over 50 requests after it. Target: map data for all buurten of a large gemeente ≤ 150 ms, any page ≤ 100 ms p95.`,
      "",
      "| request | first | median | p95 | size |",
      "|---|---:|---:|---:|---:|",
      ...lines,
    ].join("\n");
  } finally {
    await b.close();
  }
}
