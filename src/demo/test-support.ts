// Helpers for the demo tests: an independent RFC 4180 reader and plane geometry on GeoJSON, so
// the tests check the written files without reusing the generator's own code.

import { readFileSync } from "node:fs";
import { seededUniform } from "./prng.ts";

/** Parses delimited text with quoted fields (quotes doubled, line breaks allowed inside quotes). */
export function parseDelimited(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface Table {
  header: string[];
  rows: Record<string, string>[];
}

export function readTable(path: string, sep: string): Table {
  const [header = [], ...rest] = parseDelimited(readFileSync(path, "utf8"), sep);
  return {
    header,
    rows: rest.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""]))),
  };
}

export type Pos = [number, number];
/** Polygons, each as rings (closed, as in GeoJSON). */
export type Rings = Pos[][][];

export interface AreaFeature {
  code: string;
  naam: string;
  props: Record<string, unknown>;
  polygons: Rings;
}

export function readAreas(path: string): AreaFeature[] {
  const fc = JSON.parse(readFileSync(path, "utf8")) as {
    type: string;
    crs?: unknown;
    features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
  };
  if (fc.type !== "FeatureCollection" || fc.crs !== undefined)
    throw new Error(`${path}: no plain FeatureCollection`);
  return fc.features.map((f) => ({
    code: String(f.properties.code),
    naam: String(f.properties.naam),
    props: f.properties,
    polygons:
      f.geometry.type === "Polygon"
        ? [f.geometry.coordinates as Pos[][]]
        : (f.geometry.coordinates as Pos[][][]),
  }));
}

function inRing(ring: Pos[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Pos;
    const [xj, yj] = ring[j] as Pos;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even-odd containment over all rings of all polygons. */
export function contains(polygons: Rings, x: number, y: number): boolean {
  let inside = false;
  for (const poly of polygons) for (const ring of poly) if (inRing(ring, x, y)) inside = !inside;
  return inside;
}

/** Area (in squared coordinate units) of polygons with holes. */
export function areaOf(polygons: Rings): number {
  let total = 0;
  for (const poly of polygons) {
    poly.forEach((ring, k) => {
      let a = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as Pos;
        const [xj, yj] = ring[j] as Pos;
        a += xj * yi - xi * yj;
      }
      total += (k === 0 ? 1 : -1) * Math.abs(a / 2);
    });
  }
  return total;
}

export function boundsOf(polygons: Rings): [number, number, number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const poly of polygons) {
    for (const [x, y] of poly[0] ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}

/** A small seeded generator for the tests' own sampling. */
export const testRandom = (seed: number): (() => number) => seededUniform(seed, "demo-test");
