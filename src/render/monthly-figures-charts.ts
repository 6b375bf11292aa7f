// The two charts of the monthly figures, as SVG strings (see plot-svg.ts). Each chart has a
// table with the same numbers in monthly-figures.tsx, so nobody depends on the picture alone.
// Colours: this year dark blue, last year grey and dashed/lighter, both ≥ 3:1 against white;
// the series are also told apart by line style and by a label, not by colour alone.

import * as Plot from "@observablehq/plot";
import { monthLabelNl } from "../domain/time.ts";
import { formatCount, shortMonthNl } from "./format-nl.ts";
import type { MonthlyFigures } from "./monthly-figures-model.ts";
import { plotSvg } from "./plot-svg.ts";

export const COLOR_THIS_YEAR = "#154273";
export const COLOR_LAST_YEAR = "#6b6b6b";

const countTick = (d: number) => (Number.isInteger(d) ? formatCount(d) : "");

/** Line chart: total registrations per calendar month, this year vs last year. */
export function monthlyTotalsChart(f: MonthlyFigures): string {
  const thisYear = f.perMonth.flatMap((m) =>
    m.current === null ? [] : [{ month: m.monthNumber, count: m.current, year: String(f.year) }],
  );
  const lastYear = f.perMonth.flatMap((m) =>
    m.previous === null ? [] : [{ month: m.monthNumber, count: m.previous, year: String(f.previousYear) }],
  );
  const lastOf = <T>(xs: T[]) => xs.slice(-1);
  return plotSvg(
    {
      width: 720,
      height: 320,
      marginLeft: 56,
      marginRight: 48,
      marginBottom: 40,
      x: {
        type: "point",
        domain: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        tickFormat: shortMonthNl,
        label: null,
      },
      y: { grid: true, zero: true, label: "Aantal", tickFormat: countTick },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(lastYear, {
          x: "month",
          y: "count",
          stroke: COLOR_LAST_YEAR,
          strokeWidth: 2,
          strokeDasharray: "6 4",
        }),
        Plot.dot(lastYear, { x: "month", y: "count", fill: COLOR_LAST_YEAR, r: 3 }),
        Plot.lineY(thisYear, { x: "month", y: "count", stroke: COLOR_THIS_YEAR, strokeWidth: 3 }),
        Plot.dot(thisYear, { x: "month", y: "count", fill: COLOR_THIS_YEAR, r: 4 }),
        Plot.text(lastOf(lastYear), {
          x: "month",
          y: "count",
          text: "year",
          dx: 8,
          textAnchor: "start",
          fill: COLOR_LAST_YEAR,
        }),
        Plot.text(lastOf(thisYear), {
          x: "month",
          y: "count",
          text: "year",
          dx: 8,
          dy: -10,
          textAnchor: "start",
          fill: COLOR_THIS_YEAR,
          fontWeight: "bold",
        }),
      ],
    },
    {
      title: `Totaal aantal registraties per maand, ${f.year} en ${f.previousYear}`,
      description: `Lijngrafiek. Doorgetrokken lijn: ${f.year}. Gestippelde lijn: ${f.previousYear}. De cijfers staan ook in de tabel onder de grafiek.`,
    },
  );
}

/** Grouped horizontal bars: the most frequent types this month vs the same month last year. */
export function topTypesChart(f: MonthlyFigures): string {
  const thisLabel = String(f.year);
  const lastLabel = String(f.previousYear);
  const data = f.top.flatMap((t) => [
    { type: t.label, year: thisLabel, count: t.current },
    ...(t.previous === null ? [] : [{ type: t.label, year: lastLabel, count: t.previous }]),
  ]);
  const order = f.top.map((t) => t.label);
  // Room on the right for the value labels next to the longest bar.
  const max = Math.max(1, ...data.map((d) => d.count));
  return plotSvg(
    {
      width: 720,
      height: 60 + f.top.length * 44,
      marginLeft: 270,
      marginRight: 48,
      marginTop: 24,
      x: { grid: true, label: "Aantal", tickFormat: countTick, domain: [0, max * 1.25] },
      y: { domain: [thisLabel, lastLabel], axis: null },
      fy: { domain: order, label: null, padding: 0.25 },
      color: { domain: [thisLabel, lastLabel], range: [COLOR_THIS_YEAR, COLOR_LAST_YEAR] },
      marks: [
        Plot.barX(data, { x: "count", y: "year", fy: "type", fill: "year" }),
        Plot.text(data, {
          x: "count",
          y: "year",
          fy: "type",
          text: (d: { year: string; count: number }) => `${d.year}: ${formatCount(d.count)}`,
          dx: 4,
          textAnchor: "start",
          fill: "#1a1a1a",
        }),
        Plot.ruleX([0]),
      ],
    },
    {
      title: `De ${f.top.length} soorten die het meest voorkwamen in ${monthLabelNl(f.periods.month)}, tegenover ${monthLabelNl(f.periods.previousMonth)}`,
      description: `Staafgrafiek. Per soort een donkerblauwe staaf voor ${monthLabelNl(f.periods.month)} en een grijze staaf voor ${monthLabelNl(f.periods.previousMonth)}. De cijfers staan ook in de tabel onder de grafiek.`,
    },
  );
}
