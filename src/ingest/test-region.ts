// A tiny region for ingest tests: two gemeenten of unit squares in RD, with classification and an
// address point, loaded into a real store. Test support only.

import type { Area } from "../domain/area.ts";
import { rdToWgs84 } from "../domain/geo/rd.ts";
import type { Store } from "../store/store.ts";
import { square } from "../store/store-suite.ts";

function area(
  code: string,
  level: Area["level"],
  parent: string | null,
  x0: number,
  y0: number,
  size: number,
): Area {
  const rd = [square(x0, y0, size)];
  return {
    code,
    level,
    year: 2024,
    name: `Gebied ${code}`,
    parent,
    rd,
    wgs84: rd.map((p) => p.map((ring) => ring.map(([x, y]) => rdToWgs84(x, y)))),
  };
}

/** Buurten: BU90010101 [150000,151000), BU90010102 [151000,152000), BU90020101 [152000,153000) in x; y 460000–461000. */
export const TEST_AREAS: Area[] = [
  area("GM9001", "gemeente", null, 150000, 460000, 2000),
  area("GM9002", "gemeente", null, 152000, 460000, 1000),
  area("WK900101", "wijk", "GM9001", 150000, 460000, 2000),
  area("WK900201", "wijk", "GM9002", 152000, 460000, 1000),
  area("BU90010101", "buurt", "WK900101", 150000, 460000, 1000),
  area("BU90010102", "buurt", "WK900101", 151000, 460000, 1000),
  area("BU90020101", "buurt", "WK900201", 152000, 460000, 1000),
];

export async function loadTestRegion(store: Store): Promise<void> {
  await store.importClassification([
    { bvhCode: "A20", bvhLabel: "GEKWAL. DIEFSTAL IN/UIT WONING", inpCode: "1.1.1", isCrime: true },
    { bvhCode: "F550", bvhLabel: "MISHANDELING", inpCode: "1.4.5", isCrime: true },
    { bvhCode: "E35", bvhLabel: "OVERLAST JEUGD", inpCode: "2.7.1", isCrime: false },
  ]);
  await store.importAreas(TEST_AREAS);
  await store.importAddresses([{ postcode: "9001AB", houseNumber: "12", x: 151500, y: 460500 }]);
}

export const CANONICAL_HEADER =
  "registratienummer;versie;soort;maatschappelijke_klasse;inp_code;poging;pleegdatum_begin;pleegdatum_eind;registratiedatum;x;y;postcode;huisnummer;gemeentecode;modus_operandi;personen;omschrijving";

/** One canonical CSV line from named values (missing ones empty), quoted per RFC 4180. */
export function canonicalLine(v: Record<string, string>): string {
  return CANONICAL_HEADER.split(";")
    .map((c) => v[c] ?? "")
    .map((s) => (/[;"\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s))
    .join(";");
}
