// Streams the registrations of the demo region to the canonical CSV (docs/canonieke-registratie-csv.md),
// one calendar year per file, day by day: per day and kind a Poisson number of events, each placed
// in a buurt and at an address, timed by its pattern, with near-repeat burglaries scheduled ahead.
//
// Speed: each event is encoded to bytes as soon as it is drawn (into a reused day buffer, see
// ByteWriter), then the day is ordered by begin time with a counting sort and copied out with its
// registration number. No per-event objects or strings are made, so the garbage collector stays
// idle, and the region is read from typed arrays (FlatRegion). Only one day is in memory.

import type { AliasTable } from "./alias-table.ts";
import { AliasTable as Alias } from "./alias-table.ts";
import { ByteWriter } from "./byte-writer.ts";
import {
  A_BUURT,
  A_INSET,
  A_LETTERS,
  A_NUMBER,
  A_PC4,
  A_STRIDE,
  A_SUFFIX,
  A_X,
  A_Y,
  FlatRegion,
} from "./flat-region.ts";
import { AddressGrid, buildHotspots, type Hotspots } from "./hotspots.ts";
import { PersonPools, pseudonym } from "./persons.ts";
import { Rng } from "./prng.ts";
import type { GenCode, RateModel, SpatialYear } from "./rate-model.ts";
import { buildRateModel, NEAR_REPEAT_CHANCE, NEAR_REPEAT_MEAN, spatialYear } from "./rate-model.ts";
import { type DemoRegion, HOUSE_NUMBER_SUFFIXES } from "./region-types.ts";
import type { TextFile } from "./text-file.ts";
import { csvField } from "./text-file.ts";
import { daysInMonth, existingWall, wallMinute } from "./wall-time.ts";

export const REGISTRATION_HEADER =
  "registratienummer;versie;soort;maatschappelijke_klasse;inp_code;poging;pleegdatum_begin;pleegdatum_eind;" +
  "registratiedatum;x;y;postcode;huisnummer;gemeentecode;modus_operandi;personen;omschrijving";

/** Share of registrations with only a gemeentecode, and with only a postcode. */
const ONLY_GEMEENTE = 0.017;
const ONLY_POSTCODE = 0.01;
/** Share of suspects taken from the pool of active persons (repeat suspects). */
const REPEAT_SUSPECT = 0.35;
const STREET_JITTER = 35;
const NEAR_REPEAT_DISTANCE = 200;
/** Rare free texts with a second line, to exercise quoted line breaks (RFC 4180). */
const SECOND_LINE = "\nAanvulling: melder later opnieuw gesproken";
const MINUTES_PER_DAY = 1440;
const SEMICOLON = 59;
const FLAG_CRIME = 1;
const FLAG_BURGLARY = 2;

export interface YearCounts {
  year: number;
  registraties: number;
  misdrijven: number;
  incidenten: number;
  woninginbraken: number;
}

export interface RegistrationOptions {
  seed: number;
  /** Calendar years to write, ascending. */
  years: number[];
  /** Last month (yyyymm) of the last year. */
  until: number;
  /** Scales rates so a year stays under this many registrations (for tests). */
  maxPerYear?: number;
}

interface Repeat {
  addr: number;
  suspect: number;
  mo: number;
}

const enc = (s: string) => Buffer.from(s, "utf8");

/** Text pieces of one kind of registration, encoded once. */
interface CodeBytes {
  /** `soort;maatschappelijke_klasse;inp_code;` per BVH code of the kind. */
  classification: Buffer[];
  mo: Buffer[];
  texts: Buffer[];
  textsSecondLine: Buffer[];
  /** Role of the involved person of an incident, as bytes, or null. */
  role: Buffer | null;
}

const VERDACHTE = enc("verdachte:");
const SLACHTOFFER = enc("slachtoffer:");
const GETUIGE = enc("getuige:");
const MELDER = enc("melder:");
const SEPARATOR = enc(" | ");

export class RegistrationStream {
  private readonly model: RateModel;
  private readonly flat: FlatRegion;
  private readonly hotspots: Hotspots;
  private readonly grid: AddressGrid;
  private readonly persons: PersonPools;
  private readonly moTables: (AliasTable | null)[];
  private readonly codeBytes: CodeBytes[];
  private readonly spatial = new Map<number, SpatialYear>();
  private readonly pending = new Map<number, Repeat[]>();
  private readonly periodEnd: number;
  private readonly scale: number[];
  private readonly expected: number[];
  /** The current day's encoded rows (without registration number) and their index. */
  private readonly day = new ByteWriter();
  private dayCount = 0;
  private evBegin = new Int32Array(4096);
  private evStart = new Int32Array(4096);
  private evEnd = new Int32Array(4096);
  private evUnit = new Int32Array(4096);
  private evFlags = new Uint8Array(4096);
  private readonly out = new ByteWriter();
  /** Counting-sort buckets: one per minute of a day, plus an hour of spill (spring change). */
  private readonly bucketStart = new Int32Array(1502);
  private order = new Int32Array(4096);
  private rng: Rng;

  constructor(
    private readonly region: DemoRegion,
    private readonly opts: RegistrationOptions,
  ) {
    const setup = new Rng(opts.seed, "registraties-opzet");
    this.model = buildRateModel();
    this.flat = new FlatRegion(region);
    this.hotspots = buildHotspots(region, setup.fork("hotspots"));
    this.grid = new AddressGrid(region);
    this.persons = new PersonPools(region, setup.fork("personen"));
    this.moTables = this.model.patterns.map((p) =>
      p.mo.length > 0 ? new Alias(p.mo.map((m) => m[1])) : null,
    );
    this.codeBytes = this.model.codes.map((c) => ({
      classification: c.bvhCodes.map((b) => enc(`${c.kind};${b};${c.inp};`)),
      mo: c.pattern.mo.map((m) => enc(m[0])),
      texts: c.pattern.texts.map((t) => enc(csvField(t, ";"))),
      textsSecondLine: c.pattern.texts.map((t) => enc(csvField(t + SECOND_LINE, ";"))),
      role: c.pattern.involved ? enc(`${c.pattern.involved.role}:`) : null,
    }));
    const untilYear = Math.floor(opts.until / 100);
    const untilMonth = opts.until % 100;
    this.periodEnd = wallMinute(untilYear, untilMonth, daysInMonth(untilYear, untilMonth), 23, 59);
    this.rng = new Rng(opts.seed, "registraties");
    const unscaled = opts.years.map((_, yi) => this.expectedInYear(yi));
    this.scale = unscaled.map((e) =>
      opts.maxPerYear !== undefined && e > opts.maxPerYear * 0.97 ? (opts.maxPerYear * 0.97) / e : 1,
    );
    this.expected = unscaled.map((e, yi) => e * (this.scale[yi] ?? 1));
  }

  /** Expected number of registrations per year (after scaling). */
  expectedPerYear(): number[] {
    return [...this.expected];
  }

  private spatialFor(yi: number): SpatialYear {
    let s = this.spatial.get(yi);
    if (!s) {
      s = spatialYear(this.region, this.model, yi);
      this.spatial.set(yi, s);
    }
    return s;
  }

  /** Days of year index `yi`: [wall minute of 1 January 00:00, number of days]. */
  private days(yi: number): [number, number] {
    const year = this.opts.years[yi] ?? 2000;
    const start = wallMinute(year, 1, 1);
    const endDay = Math.min(wallMinute(year, 12, 31), this.periodEnd - (this.periodEnd % MINUTES_PER_DAY));
    return [start, Math.round((endDay - start) / MINUTES_PER_DAY) + 1];
  }

  /** Expected events of `code` on a day (near-repeats not included). */
  private lambda(
    code: GenCode,
    eff: number,
    month0: number,
    weekday0: number,
    special: number,
    scale: number,
  ): number {
    const t = this.model.times[code.patternIndex];
    if (!t) return 0;
    const burglaryBase = code.burglary ? 1 / (1 + NEAR_REPEAT_CHANCE * NEAR_REPEAT_MEAN) : 1;
    return (
      ((code.rate * eff) / 365.25) *
      (t.month[month0] ?? 1) *
      (t.weekday[weekday0] ?? 1) *
      t.newYearCompensation *
      (1 + code.pattern.newYear * special) *
      burglaryBase *
      scale
    );
  }

  private expectedInYear(yi: number): number {
    const s = this.spatialFor(yi);
    const [start, n] = this.days(yi);
    let total = 0;
    for (let d = 0; d < n; d++) {
      const date = new Date((start + d * MINUTES_PER_DAY) * 60000);
      const month0 = date.getUTCMonth();
      const weekday0 = (date.getUTCDay() + 6) % 7;
      const special = specialDay(month0, date.getUTCDate());
      for (const code of this.model.codes) {
        const l = this.lambda(
          code,
          s.effectivePopulation[code.patternIndex] ?? 0,
          month0,
          weekday0,
          special,
          1,
        );
        total += code.burglary ? l * (1 + NEAR_REPEAT_CHANCE * NEAR_REPEAT_MEAN) : l;
      }
    }
    return total;
  }

  /** Writes year index `yi` (header included) to `file`; `onRows` gets the rows written per day. */
  async writeYear(yi: number, file: TextFile, onRows?: (n: number) => void): Promise<YearCounts> {
    const year = this.opts.years[yi] ?? 2000;
    this.rng = new Rng(this.opts.seed, `registraties-${year}`);
    const s = this.spatialFor(yi);
    const scale = this.scale[yi] ?? 1;
    const [start, n] = this.days(yi);
    const counts: YearCounts = { year, registraties: 0, misdrijven: 0, incidenten: 0, woninginbraken: 0 };
    const seq = new Int32Array(100);
    const max = this.opts.maxPerYear ?? Number.POSITIVE_INFINITY;
    const burglaryIndex = this.model.codes.findIndex((c) => c.burglary);
    file.add(`${REGISTRATION_HEADER}\n`);
    for (let d = 0; d < n && counts.registraties < max; d++) {
      const dayStart = start + d * MINUTES_PER_DAY;
      const date = new Date(dayStart * 60000);
      const month0 = date.getUTCMonth();
      const dom = date.getUTCDate();
      const weekday0 = (date.getUTCDay() + 6) % 7;
      const special = specialDay(month0, dom);
      this.dayCount = 0;
      this.day.pos = 0;
      const codes = this.model.codes;
      for (let ci = 0; ci < codes.length; ci++) {
        const code = codes[ci] as GenCode;
        const t = this.model.times[code.patternIndex];
        if (!t) continue;
        const eff = s.effectivePopulation[code.patternIndex] ?? 0;
        const k = this.rng.poisson(this.lambda(code, eff, month0, weekday0, special, scale));
        const newYear = code.pattern.newYear > 0;
        const hours =
          newYear && month0 === 11 && dom === 31
            ? t.eveHours
            : newYear && month0 === 0 && dom === 1
              ? t.nightHours
              : (t.hours[weekday0] as AliasTable);
        for (let i = 0; i < k; i++) this.event(ci, s, dayStart, hours, null);
      }
      const dayNumber = dayStart / MINUTES_PER_DAY;
      const repeats = this.pending.get(dayNumber);
      if (repeats) {
        this.pending.delete(dayNumber);
        const code = codes[burglaryIndex];
        const t = code ? this.model.times[code.patternIndex] : undefined;
        if (t) {
          for (const r of repeats) this.event(burglaryIndex, s, dayStart, t.hours[weekday0] as AliasTable, r);
        }
      }
      const order = this.sortByBegin(dayStart);
      const out = this.out;
      const src = this.day.buf;
      let written = 0;
      for (let i = 0; i < this.dayCount && counts.registraties < max; i++) {
        const e = order[i] ?? 0;
        const unit = this.evUnit[e] ?? 90;
        const nr = (seq[unit] ?? 0) + 1;
        seq[unit] = nr;
        const from = this.evStart[e] ?? 0;
        const to = this.evEnd[e] ?? 0;
        out.ensure(to - from + 32);
        out.byte(80);
        out.byte(76);
        out.uint(unit, 2);
        out.byte(48);
        out.byte(48);
        out.byte(45);
        out.uint(year, 4);
        out.uint(nr, 7);
        out.byte(SEMICOLON);
        src.copy(out.buf, out.pos, from, to);
        out.pos += to - from;
        const flags = this.evFlags[e] ?? 0;
        if (flags & FLAG_CRIME) counts.misdrijven++;
        else counts.incidenten++;
        if (flags & FLAG_BURGLARY) counts.woninginbraken++;
        counts.registraties++;
        written++;
      }
      file.addBytes(out.take());
      onRows?.(written);
      await file.flushIfFull();
    }
    return counts;
  }

  /** Indices of the day's events ordered by begin minute (counting sort; ties keep generation order). */
  private sortByBegin(dayStart: number): Int32Array {
    const count = this.dayCount;
    const starts = this.bucketStart;
    starts.fill(0);
    const last = starts.length - 2;
    for (let i = 0; i < count; i++) {
      const b = Math.min(last, Math.max(0, (this.evBegin[i] ?? dayStart) - dayStart)) + 1;
      starts[b] = (starts[b] ?? 0) + 1;
    }
    for (let b = 1; b < starts.length; b++) starts[b] = (starts[b] ?? 0) + (starts[b - 1] ?? 0);
    if (this.order.length < count) this.order = new Int32Array(count * 2);
    const order = this.order;
    for (let i = 0; i < count; i++) {
      const b = Math.min(last, Math.max(0, (this.evBegin[i] ?? dayStart) - dayStart));
      order[starts[b] ?? 0] = i;
      starts[b] = (starts[b] ?? 0) + 1;
    }
    return order;
  }

  /** Room for one more event in the day index. */
  private growDayIndex(): void {
    const n = this.evBegin.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.evBegin = grow(this.evBegin, (k) => new Int32Array(k));
    this.evStart = grow(this.evStart, (k) => new Int32Array(k));
    this.evEnd = grow(this.evEnd, (k) => new Int32Array(k));
    this.evUnit = grow(this.evUnit, (k) => new Int32Array(k));
    this.evFlags = grow(this.evFlags, (k) => new Uint8Array(k));
  }

  /** Draws one event of code `ci` on the day starting at `dayStart` and encodes it into the day buffer. */
  private event(
    ci: number,
    s: SpatialYear,
    dayStart: number,
    hours: AliasTable,
    repeat: Repeat | null,
  ): void {
    const rng = this.rng;
    const code = this.model.codes[ci] as GenCode;
    const bytes = this.codeBytes[ci] as CodeBytes;
    const p = code.pattern;
    const flat = this.flat;
    const rec = flat.address;
    let addr: number;
    if (repeat) {
      addr = repeat.addr;
    } else {
      const bi = (s.buurtTables[code.patternIndex] as AliasTable).draw(rng);
      addr = (flat.buurtStart[bi] ?? 0) + rng.int(flat.buurtCount[bi] ?? 1);
      if (p.hotspot && rng.next() < p.hotspotShare) {
        const list = this.hotspots[p.hotspot][flat.buurtGemeente[bi] ?? 0];
        if (list && list.length > 0) addr = list[rng.int(list.length)] ?? addr;
      }
    }
    const r0 = addr * A_STRIDE;
    const gi = flat.buurtGemeente[rec[r0 + A_BUURT] ?? 0] ?? 0;
    const periodEnd = this.periodEnd;

    // Time: begin from the pattern, end after the duration, registration and version later.
    const begin = existingWall(Math.min(periodEnd, dayStart + hours.draw(rng) * 60 + rng.int(60)));
    let end = -1;
    if (p.duration)
      end = existingWall(Math.min(periodEnd, begin + rng.intBetween(p.duration[0], p.duration[1])));
    const after = end >= 0 ? end : begin;
    const registered = existingWall(Math.max(after, Math.min(periodEnd, after + this.delay(code))));
    let version = registered + rng.int(30);
    if (rng.next() < 0.12) version += rng.intBetween(1440, 60 * 1440);
    version = existingWall(Math.max(registered, Math.min(periodEnd, version)));

    // Place: mostly a point (with the address for address-bound kinds), some only a gemeente or postcode.
    const r = rng.next();
    const onlyGemeente = ONLY_GEMEENTE + p.noPlace;
    // 0: point, 1: only gemeente, 2: only postcode (pc6), 3: only pc4.
    const place = r < onlyGemeente ? 1 : r < onlyGemeente + ONLY_POSTCODE ? (rng.next() < 0.25 ? 3 : 2) : 0;
    let xDm = rec[r0 + A_X] ?? 0;
    let yDm = rec[r0 + A_Y] ?? 0;
    if (place === 0 && !p.address) {
      // Street events lie near the address, never closer than 1 m to the buurt's edge.
      const room = Math.min(STREET_JITTER, (rec[r0 + A_INSET] ?? 0) / 10 - 1);
      if (room > 0) {
        const angle = rng.next() * 2 * Math.PI;
        const dist = room * Math.sqrt(rng.next()) * 10;
        xDm = Math.round(xDm + Math.cos(angle) * dist);
        yDm = Math.round(yDm + Math.sin(angle) * dist);
      }
    }

    // Modus operandi, persons, description, attempt, BVH code.
    const moTable = this.moTables[code.patternIndex];
    const mo = moTable ? (repeat && repeat.mo >= 0 && rng.next() < 0.7 ? repeat.mo : moTable.draw(rng)) : -1;
    let suspect = -1;
    let victim = -1;
    let witness = -1;
    let involved = -1;
    let melder = -1;
    if (code.kind === "misdrijf") {
      if (repeat && repeat.suspect >= 0) suspect = repeat.suspect;
      else if (rng.next() < p.suspect) {
        suspect = rng.next() < REPEAT_SUSPECT ? this.persons.active(rng, gi) : pseudonym(rng);
      }
      if (rng.next() < p.victim) victim = pseudonym(rng);
      if (rng.next() < 0.03) witness = pseudonym(rng);
    } else if (p.involved && rng.next() < p.involved.share) {
      const betrokkene = p.involved.role === "betrokkene";
      involved = betrokkene && rng.next() < 0.4 ? this.persons.active(rng, gi) : pseudonym(rng);
      if (p.involved.role !== "melder" && rng.next() < 0.2) melder = pseudonym(rng);
    }
    const text = p.texts.length > 0 && rng.next() < p.textShare ? rng.int(p.texts.length) : -1;
    const secondLine = text >= 0 && rng.next() < 0.0005;
    const attempt = rng.next() < p.attempt;
    const bvh = code.bvhTable.draw(rng);

    // Near-repeats: a burglary makes more burglaries nearby in the next two weeks more likely.
    if (code.burglary && !repeat && rng.next() < NEAR_REPEAT_CHANCE) {
      const k = rng.next() < 0.7 ? 1 : 2;
      for (let i = 0; i < k; i++) {
        const near = this.grid.randomNear(rng, addr, NEAR_REPEAT_DISTANCE);
        if (near < 0) continue;
        const day = Math.floor(begin / MINUTES_PER_DAY) + 1 + Math.floor(13 * rng.next() ** 1.5);
        const item: Repeat = { addr: near, suspect, mo };
        const list = this.pending.get(day);
        if (list) list.push(item);
        else this.pending.set(day, [item]);
      }
    }

    // Encode everything after the registration number.
    if (this.dayCount === this.evBegin.length) this.growDayIndex();
    const n = this.dayCount++;
    const w = this.day;
    const textBytes = text >= 0 ? ((secondLine ? bytes.textsSecondLine : bytes.texts)[text] ?? null) : null;
    w.ensure(400 + (textBytes?.length ?? 0));
    this.evBegin[n] = begin;
    this.evStart[n] = w.pos;
    this.evUnit[n] = flat.gemeenteUnit[gi] ?? 90;
    this.evFlags[n] = (code.kind === "misdrijf" ? FLAG_CRIME : 0) | (code.burglary ? FLAG_BURGLARY : 0);
    w.isoOffset(version, rng.int(60));
    w.byte(SEMICOLON);
    w.bytes(bytes.classification[bvh] as Buffer);
    w.byte(attempt ? 74 : 78);
    w.byte(SEMICOLON);
    w.wall(begin);
    w.byte(SEMICOLON);
    if (end >= 0) w.wall(end);
    w.byte(SEMICOLON);
    w.wall(registered);
    w.byte(SEMICOLON);
    if (place === 0) {
      w.decimetres(xDm);
      w.byte(SEMICOLON);
      w.decimetres(yDm);
    } else {
      w.byte(SEMICOLON);
    }
    w.byte(SEMICOLON);
    const withAddress = place === 0 && p.address;
    if (withAddress || place >= 2) w.uint(rec[r0 + A_PC4] ?? 0, 4);
    if (withAddress || place === 2) {
      const l = 2 * (rec[r0 + A_LETTERS] ?? 0);
      w.byte(flat.letterBytes[l] ?? 65);
      w.byte(flat.letterBytes[l + 1] ?? 65);
    }
    w.byte(SEMICOLON);
    if (withAddress) {
      w.uint(rec[r0 + A_NUMBER] ?? 1);
      const suffix = rec[r0 + A_SUFFIX] ?? 0;
      if (suffix > 0) w.ascii(HOUSE_NUMBER_SUFFIXES[suffix] ?? "");
    }
    w.byte(SEMICOLON);
    if (place <= 1) {
      w.byte(71);
      w.byte(77);
      w.uint(flat.gemeenteDigits[gi] ?? 0, 4);
    }
    w.byte(SEMICOLON);
    if (mo >= 0) w.bytes(bytes.mo[mo] as Buffer);
    w.byte(SEMICOLON);
    let persons = 0;
    if (code.kind === "misdrijf") {
      persons = this.person(persons, VERDACHTE, suspect);
      persons = this.person(persons, SLACHTOFFER, victim);
      this.person(persons, GETUIGE, witness);
    } else if (bytes.role) {
      persons = this.person(persons, bytes.role, involved);
      this.person(persons, MELDER, melder);
    }
    w.byte(SEMICOLON);
    if (textBytes) w.bytes(textBytes);
    w.byte(10);
    this.evEnd[n] = w.pos;
  }

  /** Writes `role:pseudonym` (after " | " when `n` > 0) if `v` is a person; returns the new count. */
  private person(n: number, role: Buffer, v: number): number {
    if (v < 0) return n;
    const w = this.day;
    if (n > 0) w.bytes(SEPARATOR);
    w.bytes(role);
    w.pseudonym(v);
    return n + 1;
  }

  /** Minutes from the end of the event to its registration. */
  private delay(code: GenCode): number {
    const rng = this.rng;
    if (code.kind === "incident") return rng.intBetween(2, 45);
    const r = rng.next();
    switch (code.pattern.delay) {
      case "direct":
        return rng.intBetween(10, 150);
      case "aangifte":
        if (r < 0.35) return rng.intBetween(15, 180);
        if (r < 0.8) return rng.intBetween(180, 3 * 1440);
        return rng.intBetween(3 * 1440, 30 * 1440);
      case "laat":
        if (r < 0.2) return rng.intBetween(60, 1440);
        if (r < 0.7) return rng.intBetween(1440, 14 * 1440);
        return rng.intBetween(14 * 1440, 90 * 1440);
    }
  }
}

/** 0.4 on New Year's Eve, 0.6 on New Year's Day, 0 otherwise (share of the New Year extra). */
function specialDay(month0: number, day: number): number {
  if (month0 === 11 && day === 31) return 0.4;
  if (month0 === 0 && day === 1) return 0.6;
  return 0;
}
