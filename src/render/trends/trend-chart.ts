// The chart of the trends page: the count per month as a line with dots (SVG, see plot-svg.ts).
// Withheld months and months without figures leave a gap in the line; unusually high or low months
// get a ring and a word, so they are told apart by shape and text, not by colour alone. The same
// numbers are in the table under the chart.

import * as Plot from "@observablehq/plot";
import { monthLabelNl } from "../../domain/time.ts";
import type { TrendModel } from "../../server/trends/trend-model.ts";
import { formatCount, shortMonthNl } from "../format-nl.ts";
import { COLOR_THIS_YEAR } from "../monthly-figures-charts.ts";
import { plotSvg } from "../plot-svg.ts";

/** Dark red for unusual months: 7:1 against white. */
export const COLOR_UNUSUAL = "#8b1a1a";

const monthDate = (yyyymm: number) => new Date(Date.UTC(Math.floor(yyyymm / 100), (yyyymm % 100) - 1, 1));

export function trendChart(m: TrendModel): string {
  const points = m.months.map((x) => ({ date: monthDate(x.month), count: x.value, unusual: x.unusual }));
  const shown = points.filter((p) => p.count !== null);
  const unusual = points.filter((p) => p.unusual !== null);
  const first = m.months[0]?.month ?? m.params.from;
  const last = m.months.at(-1)?.month ?? m.params.to;
  const span = m.months.length;
  // About 8–12 ticks: every month, quarter, half year or year.
  const step = span <= 12 ? 1 : span <= 36 ? 3 : span <= 72 ? 6 : 12;
  const ticks = m.months.filter((_, i) => i % step === 0).map((x) => monthDate(x.month));
  const tick = (d: Date) => `${shortMonthNl(d.getUTCMonth() + 1)} ${String(d.getUTCFullYear()).slice(2)}`;
  const countTick = (d: number) => (Number.isInteger(d) ? formatCount(d) : "");
  const gaps =
    m.withheldMonths + m.noDataMonths > 0 ? " Een onderbreking in de lijn: afgeschermd of geen cijfers." : "";
  return plotSvg(
    {
      width: 720,
      height: 320,
      marginLeft: 56,
      marginRight: 32,
      marginBottom: 40,
      x: { type: "utc", domain: [monthDate(first), monthDate(last)], ticks, tickFormat: tick, label: null },
      y: { grid: true, zero: true, label: "Aantal", tickFormat: countTick },
      marks: [
        Plot.ruleY([0]),
        // A null count breaks the line (Plot leaves undefined points out of a line as a gap).
        Plot.lineY(points, { x: "date", y: "count", stroke: COLOR_THIS_YEAR, strokeWidth: 2 }),
        Plot.dot(shown, { x: "date", y: "count", fill: COLOR_THIS_YEAR, r: 2.5 }),
        Plot.dot(unusual, { x: "date", y: "count", stroke: COLOR_UNUSUAL, strokeWidth: 2, r: 7 }),
        Plot.text(
          unusual.filter((d) => d.unusual?.flag === "hoger"),
          { x: "date", y: "count", text: () => "hoog", dy: -14, fill: COLOR_UNUSUAL, fontWeight: "bold" },
        ),
        Plot.text(
          unusual.filter((d) => d.unusual?.flag === "lager"),
          { x: "date", y: "count", text: () => "laag", dy: 16, fill: COLOR_UNUSUAL, fontWeight: "bold" },
        ),
      ],
    },
    {
      title: `Aantal ${m.subject} per maand in ${m.area.name}, ${monthLabelNl(first)} tot en met ${monthLabelNl(last)}`,
      description: `Lijngrafiek met een punt per maand. Een rondje met "hoog" of "laag": een ongewone maand.${gaps} De cijfers staan ook in de tabel onder de grafiek.`,
    },
  );
}
