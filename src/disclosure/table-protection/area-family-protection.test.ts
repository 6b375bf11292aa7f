import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Rng } from "../../demo/prng.ts";
import { decideAreaFamily, groupOf, wijkOfBuurt } from "./area-family-protection.ts";
import { decideMonthlyCounts } from "./monthly-counts-protection.ts";

// ---- independent check: exact linear algebra over the registrations' own cells ----------------
const P = (1n << 61n) - 1n;
const mod = (a: bigint) => ((a % P) + P) % P;
function inverse(a: bigint): bigint {
  let [t, newT, r, newR] = [0n, 1n, P, mod(a)];
  while (newR !== 0n) {
    const q = r / newR;
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}
function span(width: number) {
  const basis: { pivot: number; row: bigint[] }[] = [];
  const reduce = (v: bigint[]) => {
    const r = v.map(mod);
    for (const b of basis) {
      const f = r[b.pivot] as bigint;
      if (f !== 0n) for (let j = 0; j < width; j++) r[j] = mod((r[j] as bigint) - f * (b.row[j] as bigint));
    }
    return r;
  };
  return {
    add(row: bigint[]) {
      const r = reduce(row);
      const pivot = r.findIndex((x) => x !== 0n);
      if (pivot < 0) return;
      const inv = inverse(r[pivot] as bigint);
      const norm = r.map((x) => mod(x * inv));
      for (const b of basis) {
        const f = b.row[pivot] as bigint;
        if (f !== 0n)
          for (let j = 0; j < width; j++) b.row[j] = mod((b.row[j] as bigint) - f * (norm[j] as bigint));
      }
      basis.push({ pivot, row: norm });
    },
    inSpan: (v: bigint[]) => reduce(v).every((x) => x === 0n),
  };
}

const CODES = ["1.1.1", "1.2.1", "2.2.1"]; // two in group 1, one in group 2
const GEMEENTE = "GM9001";

/** A random family: registrations counted per (code, place, month), place a buurt or a rest. */
function randomFamily(rng: Rng) {
  const n = 3 + rng.int(3);
  const months = Array.from({ length: n }, (_, i) => 202401 + i);
  const wijken = ["WK900101", "WK900102", "WK900103"].slice(0, 2 + rng.int(2));
  const places: { wijk: string | null; buurt: string | null }[] = [];
  for (const w of wijken) {
    for (let b = 1; b <= 1 + rng.int(2); b++) places.push({ wijk: w, buurt: `BU${w.slice(2)}0${b}` });
    if (rng.chance(0.4)) places.push({ wijk: w, buurt: null }); // in the wijk, no buurt known
  }
  if (rng.chance(0.5)) places.push({ wijk: null, buurt: null }); // in the gemeente, no wijk known
  const cells: { code: string; place: number; m: number; v: number }[] = [];
  for (const code of CODES)
    places.forEach((_, place) => {
      for (let m = 0; m < n; m++) {
        const v = rng.chance(0.3) ? 1 + rng.int(4) : rng.chance(0.3) ? 0 : 5 + rng.int(15);
        cells.push({ code, place, m, v });
      }
    });
  return { months, places, cells };
}

describe("table protection of a gemeente with its wijken and buurten", () => {
  it("never leaves a small count of any area computable from everything shown, over 60 random families", () => {
    const rng = new Rng(20261124, "gebiedsfamilie");
    let withheld = 0;
    for (let t = 0; t < 60; t++) {
      const { months, places, cells } = randomFamily(rng);
      const until = months.at(-1) as number;
      const rows = new Map<string, number>();
      const wijkRows = new Map<string, number>();
      const buurtRows = new Map<string, number>();
      const bump = (map: Map<string, number>, key: string, v: number) =>
        map.set(key, (map.get(key) ?? 0) + v);
      for (const c of cells) {
        const p = places[c.place] as { wijk: string | null; buurt: string | null };
        bump(rows, `${c.code}|${months[c.m]}`, c.v);
        if (p.wijk) bump(wijkRows, `${p.wijk}|${c.code}|${months[c.m]}`, c.v);
        if (p.buurt) bump(buurtRows, `${p.buurt}|${c.code}|${months[c.m]}`, c.v);
      }
      const asRows = (map: Map<string, number>) =>
        [...map].map(([k, count]) => {
          const parts = k.split("|");
          const month = Number(parts.at(-1));
          const inpCode = parts.at(-2) as string;
          return {
            area: parts.length === 3 ? (parts[0] as string) : GEMEENTE,
            month,
            inpCode,
            count,
            attempts: 0,
          };
        });
      const d = decideAreaFamily(
        { gemeente: GEMEENTE, rows: asRows(rows), wijken: asRows(wijkRows), buurten: asRows(buurtRows) },
        { minimum: 5, until },
      );

      // Every sum a product can ask: per area and series, months and year-to-date and 12-month windows.
      const sums: {
        label: string;
        match: (code: string, place: number) => boolean;
        shown: (a: number, b: number) => boolean;
      }[] = [];
      const wijken = [...new Set(places.flatMap((p) => (p.wijk ? [p.wijk] : [])))];
      const buurten = places.flatMap((p) => (p.buurt ? [p.buurt] : []));
      for (const code of [...CODES, "totaal"])
        sums.push({
          label: `G ${code}`,
          match: (c) => code === "totaal" || c === code,
          shown: (a, b) => d.gemeente(code, months[a] as number, months[b] as number),
        });
      for (const w of wijken)
        for (const g of ["1", "2", "totaal"])
          sums.push({
            label: `${w} ${g}`,
            match: (c, p) => places[p]?.wijk === w && (g === "totaal" || groupOf(c) === g),
            shown: (a, b) => d.wijk(w)(g, months[a] as number, months[b] as number),
          });
      for (const b of buurten)
        sums.push({
          label: `${b}`,
          match: (_c, p) => places[p]?.buurt === b,
          shown: (a, z) => d.buurt(b)("totaal", months[a] as number, months[z] as number),
        });

      const width = cells.length;
      const vec = (match: (code: string, place: number) => boolean, a: number, b: number) =>
        cells.map((c) => (match(c.code, c.place) && c.m >= a && c.m <= b ? 1n : 0n));
      const value = (match: (code: string, place: number) => boolean, a: number, b: number) =>
        cells.reduce((s, c) => s + (match(c.code, c.place) && c.m >= a && c.m <= b ? c.v : 0), 0);
      const known = span(width);
      const n = months.length;
      const windows: [number, number][] = [];
      for (let b = 0; b < n; b++) for (let a = 0; a <= b; a++) windows.push([a, b]);
      for (const s of sums) for (const [a, b] of windows) if (s.shown(a, b)) known.add(vec(s.match, a, b));
      for (const s of sums)
        for (let m = 0; m < n; m++) {
          const v = value(s.match, m, m);
          if (v > 0 && v < 5) {
            withheld++;
            assert.equal(s.shown(m, m), false, `table ${t}: ${s.label} month ${m} (${v}) is shown`);
            assert.equal(
              known.inSpan(vec(s.match, m, m)),
              false,
              `table ${t}: ${s.label} month ${m} (${v}) follows from what is shown`,
            );
          }
        }
      // A buurt's total follows from the wijk only when the rest is shown too: wijk of buurt codes.
      for (const b of buurten) assert.equal(wijkOfBuurt(b), places.find((p) => p.buurt === b)?.wijk);
    }
    assert.ok(withheld > 100, `the random families had small counts to protect (${withheld})`);
  });

  it("decides the gemeente's own sums exactly as for the gemeente alone", () => {
    const rng = new Rng(20261125, "gemeente-gelijk");
    for (let t = 0; t < 20; t++) {
      const { months, places, cells } = randomFamily(rng);
      const until = months.at(-1) as number;
      const byKey = new Map<string, number>();
      const wijk = new Map<string, number>();
      for (const c of cells) {
        const k = `${c.code}|${months[c.m]}`;
        byKey.set(k, (byKey.get(k) ?? 0) + c.v);
        const w = places[c.place]?.wijk;
        if (w) wijk.set(`${w}|${k}`, (wijk.get(`${w}|${k}`) ?? 0) + c.v);
      }
      const rows = [...byKey].map(([k, count]) => ({
        month: Number(k.split("|")[1]),
        inpCode: k.split("|")[0] as string,
        count,
        attempts: 0,
      }));
      const wijkRows = [...wijk].map(([k, count]) => {
        const [area, inpCode, month] = k.split("|") as [string, string, string];
        return { area, month: Number(month), inpCode, count, attempts: 0 };
      });
      const family = decideAreaFamily(
        { gemeente: GEMEENTE, rows, wijken: wijkRows, buurten: [] },
        { minimum: 5, until },
      );
      const alone = decideMonthlyCounts(rows, { minimum: 5, until });
      for (const code of [...CODES, "totaal"])
        for (let a = 0; a < months.length; a++)
          for (let b = a; b < months.length; b++) {
            const [from, to] = [months[a] as number, months[b] as number];
            assert.equal(
              family.gemeente(code, from, to),
              alone.shown(code, from, to),
              `${code} ${from}-${to}`,
            );
          }
    }
  });
});

describe("table protection of a family with a detail type per wijk and buurt, and splits of a type", () => {
  it("never leaves a small count computable, over 40 random families with woninginbraak per buurt and split by part", () => {
    const rng = new Rng(20261126, "detail-en-uitsplitsing");
    let withheld = 0;
    let partsShown = 0;
    for (let t = 0; t < 40; t++) {
      const { months, places, cells: base } = randomFamily(rng);
      const until = months.at(-1) as number;
      // Every 1.1.1 cell split over parts a, b and (in half of the families) sometimes no part.
      const complete = rng.chance(0.5);
      const cells: { code: string; place: number; m: number; v: number; part: string | null }[] = [];
      for (const c of base) {
        if (c.code !== "1.1.1") {
          cells.push({ ...c, part: null });
          continue;
        }
        // Part b is rare (0 or 1 per cell), so its monthly sums are often small.
        const b = Math.min(c.v, rng.int(2));
        const a = !complete && rng.chance(0.3) ? rng.int(c.v - b + 1) : c.v - b;
        cells.push({ ...c, v: a, part: "a" }, { ...c, v: b, part: "b" });
        // A complete split has no third unknown: someone who knows that can use it.
        if (!complete) cells.push({ ...c, v: c.v - a - b, part: null });
      }
      const sumRows = (
        key: (c: (typeof cells)[number], p: { wijk: string | null; buurt: string | null }) => string | null,
      ) => {
        const map = new Map<string, number>();
        for (const c of cells) {
          const k = key(c, places[c.place] as { wijk: string | null; buurt: string | null });
          if (k !== null)
            map.set(`${k}|${c.code}|${months[c.m]}`, (map.get(`${k}|${c.code}|${months[c.m]}`) ?? 0) + c.v);
        }
        return [...map].map(([k, count]) => {
          const [area, inpCode, month] = k.split("|") as [string, string, string];
          return { area, inpCode, month: Number(month), count, attempts: 0 };
        });
      };
      const rows = sumRows(() => GEMEENTE);
      const wijkRows = sumRows((_c, p) => p.wijk);
      const buurtRows = sumRows((_c, p) => p.buurt);
      const parts = cells
        .filter((c) => c.part !== null)
        .map((c) => ({ part: c.part as string, month: months[c.m] as number, count: c.v }));
      const d = decideAreaFamily(
        {
          gemeente: GEMEENTE,
          rows,
          wijken: wijkRows,
          buurten: buurtRows,
          detailTypes: ["1.1.1"],
          breakdowns: [{ parent: "1.1.1", name: "x", parts }],
        },
        { minimum: 5, until },
      );
      type Match = (c: (typeof cells)[number]) => boolean;
      const sums: { label: string; match: Match; shown: (a: number, b: number) => boolean }[] = [];
      const at = (a: number) => months[a] as number;
      const wijken = [...new Set(places.flatMap((p) => (p.wijk ? [p.wijk] : [])))];
      const buurten = places.flatMap((p) => (p.buurt ? [p.buurt] : []));
      for (const code of [...CODES, "totaal"])
        sums.push({
          label: `G ${code}`,
          match: (c) => code === "totaal" || c.code === code,
          shown: (a, b) => d.gemeente(code, at(a), at(b)),
        });
      for (const part of ["a", "b"])
        sums.push({
          label: `G 1.1.1@${part}`,
          match: (c) => c.code === "1.1.1" && c.part === part,
          shown: (a, b) => d.gemeente(`1.1.1@x:${part}`, at(a), at(b)),
        });
      for (const w of wijken)
        for (const g of ["1", "2", "totaal", "1.1.1"])
          sums.push({
            label: `${w} ${g}`,
            match: (c) =>
              places[c.place]?.wijk === w &&
              (g === "totaal" || (g === "1.1.1" ? c.code === g : groupOf(c.code) === g)),
            shown: (a, b) => d.wijk(w)(g, at(a), at(b)),
          });
      for (const b of buurten)
        for (const g of ["totaal", "1.1.1"])
          sums.push({
            label: `${b} ${g}`,
            match: (c) => places[c.place]?.buurt === b && (g === "totaal" || c.code === g),
            shown: (a, z) => d.buurt(b)(g, at(a), at(z)),
          });
      // Never shown, but a small one must not follow either: every type of every wijk and buurt.
      for (const area of [...wijken, ...buurten])
        for (const code of CODES)
          sums.push({
            label: `${area} ${code} (niet getoond)`,
            match: (c) =>
              (places[c.place]?.wijk === area || places[c.place]?.buurt === area) && c.code === code,
            shown: () => false,
          });
      // A buurt never shows a main group, a wijk never a type that is not a detail type.
      assert.equal(d.buurt(buurten[0] as string)("1", at(0), at(0)), false);
      assert.equal(d.wijk(wijken[0] as string)("1.2.1", at(0), at(0)), false);

      const vec = (match: Match, a: number, b: number) =>
        cells.map((c) => (match(c) && c.m >= a && c.m <= b ? 1n : 0n));
      const value = (match: Match, a: number, b: number) =>
        cells.reduce((s, c) => s + (match(c) && c.m >= a && c.m <= b ? c.v : 0), 0);
      const known = span(cells.length);
      const n = months.length;
      for (const s of sums)
        for (let b = 0; b < n; b++)
          for (let a = 0; a <= b; a++)
            if (s.shown(a, b)) {
              known.add(vec(s.match, a, b));
              if (s.label.includes("@")) partsShown++;
            }
      for (const s of sums)
        for (let m = 0; m < n; m++) {
          const v = value(s.match, m, m);
          if (v > 0 && v < 5) {
            withheld++;
            assert.equal(
              known.inSpan(vec(s.match, m, m)),
              false,
              `table ${t}: ${s.label} month ${m} (${v}) follows from what is shown`,
            );
          }
        }
    }
    assert.ok(withheld > 100, `small counts to protect (${withheld})`);
    assert.ok(partsShown > 0, "some parts were shown");
  });
});
