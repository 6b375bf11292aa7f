// The Kaart page's maps as static SVG from the RD outlines (no tiles, nothing fetched): areas
// filled by class, Gi* hot and cold spots outlined, incident points at buurt centres, and the
// density cells. No style attributes or scripts, so the strict Content-Security-Policy holds; the
// tables next to the maps are their text alternative, and this is also what print shows.

import type { MultiPolygon } from "../../domain/area.ts";
import { formatCount } from "../format-nl.ts";
import { MAP_CLASSES } from "../product/map-svg.ts";
import type { GiKlasse } from "./kaart-data.ts";

const WIDTH = 720;
const MAX_HEIGHT = 720;
const PAD = 8;

export const GI_STROKES: Record<
  Exclude<GiKlasse, "niet-significant">,
  { color: string; width: number; dash?: string }
> = {
  "hot-99": { color: "#b3000c", width: 4 },
  "hot-95": { color: "#b3000c", width: 2.5 },
  "cold-99": { color: "#00507a", width: 4, dash: "6 3" },
  "cold-95": { color: "#00507a", width: 2.5, dash: "6 3" },
};

/** Density levels 1…5, light to dark orange (the areas' classes are blue). */
export const DENSITY_COLORS = ["#fde6c8", "#fbc585", "#f59a3c", "#d4650f", "#8f3d00"];

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export interface Frame {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** RD metres to SVG pixels: north up, the frame fitted in WIDTH × at most MAX_HEIGHT. */
export function projection(frame: Frame) {
  const spanX = Math.max(frame.maxX - frame.minX, 1);
  const spanY = Math.max(frame.maxY - frame.minY, 1);
  const s = Math.min((WIDTH - 2 * PAD) / spanX, (MAX_HEIGHT - 2 * PAD) / spanY);
  const width = Math.round(spanX * s) + 2 * PAD;
  const height = Math.round(spanY * s) + 2 * PAD;
  return {
    width,
    height,
    x: (x: number) => (PAD + (x - frame.minX) * s).toFixed(1),
    y: (y: number) => (PAD + (frame.maxY - y) * s).toFixed(1),
  };
}

/**
 * SVG path data of an area: each ring as "Mx,y x,y …Z" (after M, further pairs are lines), a point
 * left out when it falls on the previous one at 0.1 px, a ring left out when it shrinks to less
 * than a triangle (too small to see). Buurt outlines hold many points closer than that.
 */
export function pathOf(rd: MultiPolygon, p: ReturnType<typeof projection>): string {
  let d = "";
  for (const polygon of rd)
    for (const ring of polygon) {
      const points: string[] = [];
      for (const [x, y] of ring) {
        const point = `${p.x(x)},${p.y(y)}`;
        if (point !== points[points.length - 1]) points.push(point);
      }
      if (points.length > 1 && points[0] === points[points.length - 1]) points.pop();
      if (points.length >= 3) d += `M${points.join(" ")}Z`;
    }
  return d;
}

export interface SvgArea {
  code: string;
  name: string;
  rd: MultiPolygon | null;
  /** 1-based class, or null (withheld or no value): hatched. */
  klasse: number | null;
  /** Text for the area's tooltip and title. */
  label: string;
  gi: GiKlasse | null;
}

export interface SvgPoint {
  x: number;
  y: number;
  count: number;
  label: string;
}

export interface ChoroplethSvgInput {
  title: string;
  description: string;
  frame: Frame;
  areas: readonly SvgArea[];
  /** Number of classes (the colours used are the darkest `classes` of MAP_CLASSES). */
  classes: number;
  /** Legend lines for the classes, lowest first. */
  legend: readonly string[];
  points?: readonly SvgPoint[];
  /** Whether the Gi* outlines are drawn (and in the legend). */
  gi: boolean;
}

const classColor = (k: number, classes: number) =>
  MAP_CLASSES[k - 1 + (MAP_CLASSES.length - classes)] ?? (MAP_CLASSES[MAP_CLASSES.length - 1] as string);

const PATTERN =
  '<pattern id="dh-kaart-geen" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8a8a8a" stroke-width="2"/></pattern>';

/** The choropleth: areas by class, Gi* outlines, incident points, and a legend under the map. */
export function choroplethSvg(input: ChoroplethSvgInput): string {
  const p = projection(input.frame);
  const shapes: string[] = [];
  const outlines: string[] = [];
  for (const a of input.areas) {
    if (!a.rd) continue;
    const d = pathOf(a.rd, p);
    const fill = a.klasse === null ? "url(#dh-kaart-geen)" : classColor(a.klasse, input.classes);
    shapes.push(
      `<path d="${d}" fill="${fill}" fill-rule="evenodd" stroke="#ffffff" stroke-width="1" data-code="${esc(a.code)}"><title>${esc(a.label)}</title></path>`,
    );
    if (input.gi && a.gi && a.gi !== "niet-significant") {
      const s = GI_STROKES[a.gi];
      outlines.push(
        `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""} stroke-linejoin="round"/>`,
      );
    }
  }
  const dots: string[] = [];
  const maxCount = Math.max(1, ...(input.points ?? []).map((q) => q.count));
  for (const q of input.points ?? []) {
    const r = 3 + 9 * Math.sqrt(q.count / maxCount);
    dots.push(
      `<circle cx="${p.x(q.x)}" cy="${p.y(q.y)}" r="${r.toFixed(1)}" fill="#1a1a1a" fill-opacity="0.75" stroke="#ffffff" stroke-width="1"><title>${esc(q.label)}</title></circle>`,
    );
  }

  const legend: string[] = ['<text x="0" y="16" font-weight="bold">Legenda</text>'];
  let y = 28;
  input.legend.forEach((text, i) => {
    legend.push(
      `<rect x="0" y="${y}" width="18" height="14" fill="${classColor(i + 1, input.classes)}" stroke="#5c5c5c"/><text x="26" y="${y + 12}">${esc(text)}</text>`,
    );
    y += 22;
  });
  legend.push(
    `<rect x="0" y="${y}" width="18" height="14" fill="url(#dh-kaart-geen)" stroke="#5c5c5c"/><text x="26" y="${y + 12}">afgeschermd of geen waarde</text>`,
  );
  y += 22;
  if (input.gi) {
    for (const [k, text] of [
      ["hot-99", "hotspot (Gi*), 99%"],
      ["hot-95", "hotspot (Gi*), 95%"],
      ["cold-99", "coldspot (Gi*), 99%"],
      ["cold-95", "coldspot (Gi*), 95%"],
    ] as const) {
      const s = GI_STROKES[k];
      legend.push(
        `<rect x="2" y="${y + 1}" width="14" height="12" fill="#ffffff" stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/><text x="26" y="${y + 12}">${text}</text>`,
      );
      y += 22;
    }
  }
  if ((input.points?.length ?? 0) > 0) {
    legend.push(
      `<circle cx="9" cy="${y + 7}" r="6" fill="#1a1a1a" fill-opacity="0.75"/><text x="26" y="${y + 12}">losse registraties per buurt (stip in het midden van de buurt)</text>`,
    );
    y += 22;
  }
  const total = p.height + y + 8;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="dh-map dh-kaart-svg" role="img" aria-label="${esc(input.title)}" viewBox="0 0 ${WIDTH} ${total}" width="${WIDTH}" height="${total}" font-size="13" fill="#1a1a1a" focusable="false">` +
    `<title>${esc(input.title)}</title><desc>${esc(input.description)}</desc>` +
    `<defs>${PATTERN}</defs>` +
    `<g>${shapes.join("")}</g><g>${outlines.join("")}</g><g>${dots.join("")}</g>` +
    `<g transform="translate(${PAD}, ${p.height + 4})">${legend.join("")}</g></svg>`
  );
}

export interface DensitySvgInput {
  title: string;
  description: string;
  frame: Frame;
  /** Outlines drawn under the cells, for orientation. */
  areas: readonly { rd: MultiPolygon | null }[];
  cells: readonly { x0: number; y0: number; niveau: number }[];
  cell: number;
}

/** The density cells (five levels) over the area outlines, with a legend. */
export function densitySvg(input: DensitySvgInput): string {
  const p = projection(input.frame);
  const base = input.areas
    .filter((a) => a.rd)
    .map(
      (a) =>
        `<path d="${pathOf(a.rd as MultiPolygon, p)}" fill="#f7f7f7" stroke="#8a8a8a" stroke-width="0.75"/>`,
    );
  // One path per level, a square per cell: "Mx,yhwvhh-wz" is a third of a <rect> element.
  const byLevel = DENSITY_COLORS.map(() => [] as string[]);
  for (const c of input.cells) {
    const x = p.x(c.x0);
    const y = p.y(c.y0 + input.cell);
    const w = (Number(p.x(c.x0 + input.cell)) - Number(x)).toFixed(1);
    const h = (Number(p.y(c.y0)) - Number(y)).toFixed(1);
    byLevel[c.niveau - 1]?.push(`M${x},${y}h${w}v${h}h-${w}z`);
  }
  const cells = byLevel.flatMap((squares, i) =>
    squares.length > 0 ? [`<path d="${squares.join("")}" fill="${DENSITY_COLORS[i]}"/>`] : [],
  );
  const legend: string[] = ['<text x="0" y="16" font-weight="bold">Dichtheid</text>'];
  let y = 28;
  DENSITY_COLORS.forEach((color, i) => {
    legend.push(
      `<rect x="0" y="${y}" width="18" height="14" fill="${color}" stroke="#5c5c5c"/><text x="26" y="${y + 12}">niveau ${i + 1}${i === 0 ? " (laag)" : i === 4 ? " (hoog)" : ""}</text>`,
    );
    y += 22;
  });
  const total = p.height + y + 8;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="dh-map dh-kaart-svg" role="img" aria-label="${esc(input.title)}" viewBox="0 0 ${WIDTH} ${total}" width="${WIDTH}" height="${total}" font-size="13" fill="#1a1a1a" focusable="false">` +
    `<title>${esc(input.title)}</title><desc>${esc(input.description)}</desc>` +
    `<g>${base.join("")}</g><g>${cells.join("")}</g>` +
    `<g transform="translate(${PAD}, ${p.height + 4})">${legend.join("")}</g></svg>`
  );
}

/** Legend lines for class bounds ("3 t/m 7", "7,1 t/m 12,4"), lowest class first. */
export function legendLines(bounds: readonly number[], decimals: number): string[] {
  const fmt = (v: number) =>
    decimals === 0
      ? formatCount(v)
      : v.toLocaleString("nl-NL", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const out: string[] = [];
  for (let i = 1; i < bounds.length; i++) {
    const lo = bounds[i - 1] as number;
    const hi = bounds[i] as number;
    // The first class holds its lower bound; the others start just above the previous class.
    out.push(
      i === 1 ? (lo === hi ? fmt(hi) : `${fmt(lo)} t/m ${fmt(hi)}`) : `meer dan ${fmt(lo)} t/m ${fmt(hi)}`,
    );
  }
  return out;
}
