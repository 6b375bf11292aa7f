// A chart block drawn from its table (the table is its text alternative): lines over ordered
// categories, or horizontal bars (grouped by series). Withheld and empty cells are left out of the
// picture. Series are told apart by colour, line style and a label, not by colour alone.

import * as Plot from "@observablehq/plot";
import type { ChartBlock, TableBlock } from "../../products/product-document.ts";
import { formatCount } from "../format-nl.ts";
import { plotSvg } from "../plot-svg.ts";

/** Dark blue, grey, dark orange: each ≥ 4.5:1 against white. */
export const SERIES_COLORS = ["#154273", "#5c5c5c", "#a34400"];
const DASHES = ["", "6 4", "2 3"];

const tick = (d: number) => (Number.isInteger(d) ? formatCount(d) : "");

export function chartSvg(chart: ChartBlock, table: TableBlock): string {
  const label = (key: string) => table.columns.find((c) => c.key === key)?.label ?? key;
  const categories = table.rows.map((r) => String(r.cells[chart.x] ?? ""));
  const series = chart.y.map(label);
  const points = table.rows.flatMap((r, i) =>
    chart.y.flatMap((key, s) => {
      const v = r.cells[key];
      return typeof v === "number"
        ? [{ i, category: categories[i] as string, series: series[s] as string, value: v }]
        : [];
    }),
  );
  const color = { domain: series, range: SERIES_COLORS.slice(0, series.length) };
  const seriesText = series
    .map(
      (s, k) => `${s}: ${["donkerblauw, doorgetrokken", "grijs, gestippeld", "oranje, gestreept"][k] ?? ""}`,
    )
    .join("; ");
  if (chart.type === "line") {
    return plotSvg(
      {
        width: 720,
        height: 320,
        marginLeft: 56,
        marginRight: 96,
        marginBottom: 48,
        x: {
          type: "point",
          domain: categories.map((_, i) => i),
          tickFormat: (i: number) => categories[i] ?? "",
          label: null,
          tickRotate: categories.length > 12 ? -45 : 0,
        },
        y: { grid: true, zero: true, label: "Aantal", tickFormat: tick },
        color,
        marks: [
          Plot.ruleY([0]),
          ...series.map((s, k) =>
            Plot.lineY(
              points.filter((p) => p.series === s),
              {
                x: "i",
                y: "value",
                stroke: SERIES_COLORS[k],
                strokeWidth: k === 0 ? 3 : 2,
                strokeDasharray: DASHES[k],
              },
            ),
          ),
          Plot.dot(points, { x: "i", y: "value", fill: "series", r: 3 }),
          ...series.map((s, k) =>
            Plot.text(points.filter((p) => p.series === s).slice(-1), {
              x: "i",
              y: "value",
              text: () => s,
              dx: 8,
              dy: k === 0 ? -10 : 10,
              textAnchor: "start",
              fill: SERIES_COLORS[k],
            }),
          ),
        ],
      },
      { title: chart.title, description: `Lijngrafiek. ${seriesText}. De cijfers staan ook in de tabel.` },
    );
  }
  const max = Math.max(1, ...points.map((p) => p.value));
  const fy = { domain: [...new Set(categories)], label: null, padding: 0.25 };
  return plotSvg(
    {
      width: 720,
      height: 60 + categories.length * (series.length > 1 ? 44 : 28),
      marginLeft: 270,
      marginRight: 64,
      marginTop: 24,
      x: { grid: true, label: "Aantal", tickFormat: tick, domain: [0, max * 1.25] },
      y: { domain: series, axis: null },
      fy,
      color,
      marks: [
        Plot.barX(points, { x: "value", y: "series", fy: "category", fill: "series" }),
        Plot.text(points, {
          x: "value",
          y: "series",
          fy: "category",
          text: (d: { series: string; value: number }) =>
            series.length > 1 ? `${d.series}: ${formatCount(d.value)}` : formatCount(d.value),
          dx: 4,
          textAnchor: "start",
          fill: "#1a1a1a",
        }),
        Plot.ruleX([0]),
      ],
    },
    { title: chart.title, description: `Staafgrafiek. ${seriesText}. De cijfers staan ook in de tabel.` },
  );
}
