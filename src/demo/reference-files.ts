// The reference files of the demo region: area boundaries (GeoJSON, WGS84), population per year,
// the police structure (indeling), address points and the classification the demo uses.

import { join } from "node:path";
import { rdToWgs84 } from "../domain/geo/rd.ts";
import { inpPath } from "../domain/inp-tree.ts";
import { BVH_CODES } from "./national-profile.ts";
import type { Ring } from "./polygon.ts";
import { populationRows } from "./population.ts";
import type { DemoRegion } from "./region-types.ts";
import { HOUSE_NUMBER_SUFFIXES } from "./region-types.ts";
import { csvField, TextFile, writeTextFile } from "./text-file.ts";
import { unionRings } from "./union.ts";

type Position = [number, number];

/** An open RD ring as a closed WGS84 ring with 7 decimals (about 1 cm). */
function wgs84Ring(ring: Ring): Position[] {
  const out = ring.map(([x, y]): Position => {
    const [lon, lat] = rdToWgs84(x, y);
    return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
  });
  const first = out[0];
  if (first) out.push([first[0], first[1]]);
  return out;
}

interface FeatureSpec {
  code: string;
  name: string;
  extra?: Record<string, number | string>;
  polygons: Ring[][];
}

function featureJson(f: FeatureSpec): string {
  const geometry =
    f.polygons.length === 1
      ? { type: "Polygon", coordinates: (f.polygons[0] ?? []).map(wgs84Ring) }
      : { type: "MultiPolygon", coordinates: f.polygons.map((poly) => poly.map(wgs84Ring)) };
  return JSON.stringify({
    type: "Feature",
    properties: { code: f.code, naam: f.name, ...f.extra },
    geometry,
  });
}

async function writeFeatureCollection(path: string, features: FeatureSpec[]): Promise<void> {
  const file = await TextFile.create(path);
  file.add('{"type":"FeatureCollection","features":[\n');
  features.forEach((f, i) => {
    file.add(featureJson(f) + (i < features.length - 1 ? ",\n" : "\n"));
  });
  file.add("]}\n");
  await file.close();
}

/** gebieden-{eenheid,gemeente,wijk,buurt}.geojson */
export async function writeAreaFiles(region: DemoRegion, dir: string): Promise<void> {
  await writeFeatureCollection(
    join(dir, "gebieden-eenheid.geojson"),
    region.units.map((u, ui) => ({
      code: u.code,
      name: u.name,
      polygons: unionRings(region.gemeenten.filter((g) => g.unit === ui).map((g) => g.ring)),
    })),
  );
  await writeFeatureCollection(
    join(dir, "gebieden-gemeente.geojson"),
    region.gemeenten.map((g) => ({
      code: g.code,
      name: g.name,
      extra: { stedelijkheid: g.stedelijkheid },
      polygons: [[g.ring]],
    })),
  );
  await writeFeatureCollection(
    join(dir, "gebieden-wijk.geojson"),
    region.wijken.map((w) => ({ code: w.code, name: w.name, polygons: [[w.ring]] })),
  );
  await writeFeatureCollection(
    join(dir, "gebieden-buurt.geojson"),
    region.buurten.map((b) => ({ code: b.code, name: b.name, polygons: [[b.ring]] })),
  );
}

/** bevolking-<jaar>.csv for every year; returns the gemeente totals per year. */
export async function writePopulationFiles(region: DemoRegion, dir: string): Promise<Record<string, number>> {
  const totals: Record<string, number> = {};
  for (let y = 0; y < region.years.length; y++) {
    const year = region.years[y] ?? 0;
    const rows = populationRows(region, y);
    const codes = new Set(region.gemeenten.map((g) => g.code));
    totals[String(year)] = rows.filter((r) => codes.has(r.code)).reduce((s, r) => s + r.inhabitants, 0);
    await writeTextFile(
      join(dir, `bevolking-${year}.csv`),
      `code;inwoners\n${rows.map((r) => `${r.code};${r.inhabitants}\n`).join("")}`,
    );
  }
  return totals;
}

/** indeling.csv: gemeente -> basisteam -> district -> eenheid. */
export async function writeIndeling(region: DemoRegion, dir: string): Promise<void> {
  const lines = [
    "gemeentecode;gemeentenaam;basisteamcode;basisteamnaam;districtcode;districtnaam;eenheidcode;eenheidnaam",
  ];
  for (const g of region.gemeenten) {
    const b = region.basisteams[g.basisteam];
    const d = region.districts[g.district];
    const u = region.units[g.unit];
    lines.push(
      [
        g.code,
        g.name,
        b?.code ?? "",
        b?.name ?? "",
        d?.code ?? "",
        d?.name ?? "",
        u?.code ?? "",
        u?.name ?? "",
      ]
        .map((v) => csvField(v, ";"))
        .join(";"),
    );
  }
  await writeTextFile(join(dir, "indeling.csv"), `${lines.join("\n")}\n`);
}

/** adressen.csv: postcode;huisnummer;x;y (RD metres, one decimal). */
export async function writeAddresses(region: DemoRegion, dir: string): Promise<number> {
  const a = region.addresses;
  const file = await TextFile.create(join(dir, "adressen.csv"));
  file.add("postcode;huisnummer;x;y\n");
  for (let i = 0; i < a.count; i++) {
    const x = a.xDm[i] ?? 0;
    const y = a.yDm[i] ?? 0;
    file.add(
      `${a.pc6Codes[a.pc6[i] ?? 0]};${a.number[i]}${HOUSE_NUMBER_SUFFIXES[a.suffix[i] ?? 0]};` +
        `${Math.floor(x / 10)}.${x % 10};${Math.floor(y / 10)}.${y % 10}\n`,
    );
    if ((i & 0xffff) === 0) await file.flushIfFull();
  }
  await file.close();
  return a.count;
}

export const CLASSIFICATION_HEADER =
  "INP niv1 code,INP niv1,INP niv2 code,INP niv2,INP niv3 code,INP niv3,MaatKlasse code,MaatKlasse oms,Delict J/N";

/**
 * classificatie.csv in the layout of the police table "INP2013 BVH" (comma-separated, CRLF line
 * ends, quotes only where a value holds a comma), with the rows of the codes the demo uses.
 */
export async function writeClassification(dir: string): Promise<number> {
  const lines = [CLASSIFICATION_HEADER];
  for (const row of BVH_CODES) {
    const path = inpPath(row.inp);
    if (!path) continue;
    lines.push(
      [
        path.l1.code,
        path.l1.label,
        path.l2.code,
        path.l2.label,
        path.l3.code,
        path.l3.label,
        row.code,
        row.label,
        row.crime ? "J" : "N",
      ]
        .map((v) => csvField(v, ","))
        .join(","),
    );
  }
  await writeTextFile(join(dir, "classificatie.csv"), `${lines.join("\r\n")}\r\n`);
  return lines.length - 1;
}
