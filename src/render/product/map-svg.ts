// A map block as a static SVG (no tiles, nothing fetched): the areas' outlines filled by value
// class, points as circles, a legend, and a hatched fill where a value is withheld or missing.
// It works the same in the browser and in a printed PDF; the table next to it is its text
// alternative. No style attributes, so a strict Content-Security-Policy holds.

import type { MapBlock, MapFeature } from "../../products/product-document.ts";
import { formatCount } from "../format-nl.ts";

/** Light to dark blue; the darkest classes carry the most. Text stays dark on all of them. */
export const MAP_CLASSES = ["#dbe8f5", "#a9c8e8", "#6f9fd0", "#3b6fae", "#154273"];
const NO_VALUE = "#f2f2f2";
const WIDTH = 720;

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

type Ring = [number, number][];

function rings(f: MapFeature): Ring[] {
  const g = f.geometry;
  if (g.type === "Polygon") return g.coordinates as Ring[];
  if (g.type === "MultiPolygon") return (g.coordinates as Ring[][]).flat();
  return [];
}

/** Class upper bounds: equal-count (quantile) breaks over the distinct values, at most 5 classes. */
export function classBreaks(values: number[], classes = MAP_CLASSES.length): number[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length <= classes) return sorted;
  const breaks: number[] = [];
  for (let k = 1; k <= classes; k++) {
    const b = sorted[Math.ceil((k * sorted.length) / classes) - 1] as number;
    if (breaks.at(-1) !== b) breaks.push(b);
  }
  return breaks;
}

export function mapSvg(map: MapBlock): string {
  const values = map.features.flatMap((f) => {
    const v = f.properties[map.valueKey];
    return typeof v === "number" ? [v] : [];
  });
  const breaks = classBreaks(values);
  const classOf = (v: number) =>
    Math.max(
      0,
      breaks.findIndex((b) => v <= b),
    );
  const colorOf = (v: unknown) =>
    typeof v === "number"
      ? (MAP_CLASSES[classOf(v) + (MAP_CLASSES.length - breaks.length)] as string)
      : "url(#dh-geen-waarde)";

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = ([x, y]: [number, number]) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  };
  for (const f of map.features) {
    if (f.geometry.type === "Point") visit(f.geometry.coordinates as [number, number]);
    else for (const r of rings(f)) r.forEach(visit);
  }
  const legendHeight = 28 + 22 * (breaks.length + 1);
  if (!Number.isFinite(minX)) {
    return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(map.caption)}" viewBox="0 0 ${WIDTH} 40" width="${WIDTH}" height="40"><title>${esc(map.caption)}</title><text x="0" y="24">Geen gebieden om te tekenen.</text></svg>`;
  }
  // Equirectangular with the longitude shrunk by cos(latitude): right shapes at Dutch scale.
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * kx, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = (WIDTH - 16) / spanX;
  const height = Math.min(Math.round(spanY * scale) + 16, 900);
  const s = Math.min(scale, (height - 16) / spanY);
  const px = (x: number) => (8 + (x - minX) * kx * s).toFixed(1);
  const py = (y: number) => (8 + (maxY - y) * s).toFixed(1);

  const shapes: string[] = [];
  const dots: string[] = [];
  for (const f of map.features) {
    const v = f.properties[map.valueKey];
    const name = String(f.properties.naam ?? f.id);
    const label = `${name}: ${typeof v === "number" ? formatCount(v) : f.properties.afgeschermd ? "afgeschermd" : "geen waarde"}`;
    if (f.geometry.type === "Point") {
      const [x, y] = f.geometry.coordinates as [number, number];
      dots.push(
        `<circle cx="${px(x)}" cy="${py(y)}" r="5" fill="${colorOf(v)}" stroke="#1a1a1a" stroke-width="1"><title>${esc(label)}</title></circle>`,
      );
      continue;
    }
    const d = rings(f)
      .map((r) => `M${r.map(([x, y]) => `${px(x)},${py(y)}`).join("L")}Z`)
      .join("");
    shapes.push(
      `<path d="${d}" fill="${colorOf(v)}" fill-rule="evenodd" stroke="#ffffff" stroke-width="1"><title>${esc(label)}</title></path>`,
    );
  }

  const legend: string[] = [`<text x="0" y="16" font-weight="bold">Legenda</text>`];
  let lower: number | null = null;
  breaks.forEach((b, k) => {
    const y = 28 + 22 * k;
    const text =
      lower === null || lower + 1 >= b
        ? lower === null
          ? `t/m ${formatCount(b)}`
          : formatCount(b)
        : `${formatCount(lower + 1)} t/m ${formatCount(b)}`;
    legend.push(
      `<rect x="0" y="${y}" width="18" height="14" fill="${MAP_CLASSES[k + (MAP_CLASSES.length - breaks.length)]}" stroke="#5c5c5c"/><text x="26" y="${y + 12}">${esc(text)}</text>`,
    );
    lower = b;
  });
  const y = 28 + 22 * breaks.length;
  legend.push(
    `<rect x="0" y="${y}" width="18" height="14" fill="url(#dh-geen-waarde)" stroke="#5c5c5c"/><text x="26" y="${y + 12}">afgeschermd of geen waarde</text>`,
  );

  const total = height + legendHeight + 8;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="dh-map" role="img" aria-label="${esc(map.caption)}" viewBox="0 0 ${WIDTH} ${total}" width="${WIDTH}" height="${total}" font-size="13" fill="#1a1a1a">` +
    `<title>${esc(map.caption)}</title><desc>Kaart met ${map.features.length} gebieden of punten, gekleurd naar aantal. De cijfers staan ook in de tabel.</desc>` +
    `<defs><pattern id="dh-geen-waarde" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${NO_VALUE}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8a8a8a" stroke-width="2"/></pattern></defs>` +
    `<g>${shapes.join("")}${dots.join("")}</g>` +
    `<g transform="translate(8, ${height + 8})">${legend.join("")}</g></svg>`
  );
}
