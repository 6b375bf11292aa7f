// Canonical fields (text, as delivered) -> a validated, time-bucketed, placed Registration, or the
// field and Dutch reason why the record goes to quarantine.

import { levelOfCbsCode } from "../domain/area.ts";
import type { ClassificationRow } from "../domain/classification.ts";
import { checkRdPoint, checkWgs84Point } from "../domain/geo/nl-bounds.ts";
import { wgs84ToRd } from "../domain/geo/rd.ts";
import { inpNode } from "../domain/inp-tree.ts";
import { PERSON_ROLES, type PersonLink, type PersonRole, type Registration } from "../domain/registration.ts";
import { localBuckets } from "../domain/time.ts";
import type { AddressPoint } from "../store/store.ts";
import { type DateTimeParser, parseIsoDateTime } from "./parse-datetime.ts";
import type { Placer } from "./placement.ts";

/** The canonical columns (docs/canonieke-registratie-csv.md), plus lat/lon for profiles. */
export const CANONICAL_FIELDS = [
  "registratienummer",
  "versie",
  "soort",
  "maatschappelijke_klasse",
  "inp_code",
  "poging",
  "pleegdatum_begin",
  "pleegdatum_eind",
  "registratiedatum",
  "x",
  "y",
  "lat",
  "lon",
  "postcode",
  "huisnummer",
  "gemeentecode",
  "modus_operandi",
  "personen",
  "omschrijving",
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];
export type CanonicalRecord = Partial<Record<CanonicalField, string>>;

export interface NormalizeContext {
  source: string;
  classification: ReadonlyMap<string, ClassificationRow>;
  placer: Placer;
  /** Address points by "POSTCODE|huisnummer", for records with postcode + house number only. */
  address?: (postcode: string, houseNumber: string) => AddressPoint | undefined;
  /** Parser for date/time fields; default ISO 8601 (local Dutch time without a zone). */
  parseDateTime?: DateTimeParser;
}

export type NormalizeResult =
  | { ok: true; registration: Registration }
  | { ok: false; field: CanonicalField | null; reason: string };

const bad = (field: CanonicalField | null, reason: string): NormalizeResult => ({ ok: false, field, reason });

const YES = new Set(["j", "ja", "y", "yes", "1", "true", "waar", "poging"]);
const NO = new Set(["", "n", "nee", "no", "0", "false", "onwaar"]);

export function parseYesNo(text: string | undefined): boolean | undefined {
  const t = (text ?? "").trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/** "1234 ab" -> { postcode: "1234AB", pc4: "1234" }; "1234" -> pc4 only. */
export function parsePostcode(text: string): { postcode: string | null; pc4: string } | undefined {
  const t = text.replace(/\s+/g, "").toUpperCase();
  const full = /^([1-9]\d{3})([A-Z]{2})$/.exec(t);
  if (full?.[1]) return { postcode: t, pc4: full[1] };
  if (/^[1-9]\d{3}$/.test(t)) return { postcode: null, pc4: t };
  return undefined;
}

/** Decimal number; accepts a decimal comma ("155000,5") as Dutch exports often have. */
export function parseDecimal(text: string): number {
  const t = text.trim();
  if (t === "") return Number.NaN;
  return Number(t.includes(",") && !t.includes(".") ? t.replace(",", ".") : t);
}

function parsePersons(text: string): PersonLink[] | string {
  const persons: PersonLink[] = [];
  for (const part of text.split("|")) {
    const p = part.trim();
    if (!p) continue;
    const i = p.indexOf(":");
    const role = (i > 0 ? p.slice(0, i) : "").trim().toLowerCase();
    const pseudonym = i > 0 ? p.slice(i + 1).trim() : "";
    if (!(PERSON_ROLES as readonly string[]).includes(role)) {
      return `onbekende rol "${role || p}" (toegestaan: ${PERSON_ROLES.join(", ")})`;
    }
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(pseudonym)) {
      return `pseudoniem "${pseudonym}" heeft geen geldige vorm (alleen letters, cijfers, - en _)`;
    }
    persons.push({ role: role as PersonRole, pseudonym });
  }
  return persons;
}

const text = (v: string | undefined): string | null => {
  const t = v?.trim();
  return t ? t : null;
};

export function normalizeRegistration(rec: CanonicalRecord, ctx: NormalizeContext): NormalizeResult {
  const parse = ctx.parseDateTime ?? parseIsoDateTime;

  const sourceId = text(rec.registratienummer);
  if (!sourceId) return bad("registratienummer", "registratienummer ontbreekt");

  let version: Date | null = null;
  const versionText = text(rec.versie);
  if (versionText) {
    const v = parseIsoDateTime(versionText);
    if (!v.ok) return bad("versie", v.reason);
    version = new Date(v.utcMs);
  }

  // Classification: BVH code, INP code, kind.
  const bvhCode = text(rec.maatschappelijke_klasse)?.toUpperCase() ?? null;
  const inpText = text(rec.inp_code);
  const mapped = bvhCode ? ctx.classification.get(bvhCode) : undefined;
  let inpCode: string | null = null;
  if (inpText) {
    if (!inpNode(inpText, 3)) return bad("inp_code", `onbekende INP-code "${inpText}"`);
    inpCode = inpText;
  } else if (mapped) {
    inpCode = mapped.inpCode;
  }
  if (!bvhCode && !inpText) {
    return bad("maatschappelijke_klasse", "maatschappelijke klasse (BVH-code) en INP-code ontbreken allebei");
  }
  if (bvhCode && !mapped && !inpText) {
    return bad(
      "maatschappelijke_klasse",
      `onbekende maatschappelijke klasse "${bvhCode}": niet in de classificatie (driehoek import classificatie)`,
    );
  }
  const kindText = text(rec.soort)?.toLowerCase();
  if (kindText && kindText !== "misdrijf" && kindText !== "incident") {
    return bad("soort", `soort "${kindText}" is niet "misdrijf" of "incident"`);
  }
  // Without a kind, the classification decides (Delict J = misdrijf); unknown counts as incident,
  // so crime figures are never inflated by codes whose status is unclear.
  const kind: Registration["kind"] =
    kindText === "misdrijf" || kindText === "incident" ? kindText : mapped?.isCrime ? "misdrijf" : "incident";

  const attempt = parseYesNo(rec.poging);
  if (attempt === undefined) return bad("poging", `poging "${rec.poging}" is niet J of N`);

  // Times.
  const beginText = text(rec.pleegdatum_begin);
  if (!beginText) return bad("pleegdatum_begin", "pleegdatum (begin) ontbreekt");
  const begin = parse(beginText);
  if (!begin.ok) return bad("pleegdatum_begin", begin.reason);
  let endsAt: Date | null = null;
  const endText = text(rec.pleegdatum_eind);
  if (endText) {
    const end = parse(endText);
    if (!end.ok) return bad("pleegdatum_eind", end.reason);
    if (end.utcMs < begin.utcMs) return bad("pleegdatum_eind", "einde ligt vóór het begin");
    endsAt = new Date(end.utcMs);
  }
  let registeredAt: Date | null = null;
  const regText = text(rec.registratiedatum);
  if (regText) {
    const r = parse(regText);
    if (!r.ok) return bad("registratiedatum", r.reason);
    registeredAt = new Date(r.utcMs);
  }

  // Location.
  let x: number | null = null;
  let y: number | null = null;
  const xText = text(rec.x);
  const yText = text(rec.y);
  const latText = text(rec.lat);
  const lonText = text(rec.lon);
  if (xText || yText) {
    const px = parseDecimal(xText ?? "");
    const py = parseDecimal(yText ?? "");
    const check = checkRdPoint(px, py);
    if (!check.ok) {
      const field = Number.isNaN(py) && !Number.isNaN(px) ? "y" : "x";
      return bad(field, `coördinaten (${xText ?? ""}, ${yText ?? ""}): ${check.reason}`);
    }
    x = px;
    y = py;
  } else if (latText || lonText) {
    const lat = parseDecimal(latText ?? "");
    const lon = parseDecimal(lonText ?? "");
    const check = checkWgs84Point(lat, lon);
    if (!check.ok) return bad("lat", `coördinaten (${latText}, ${lonText}): ${check.reason}`);
    [x, y] = wgs84ToRd(lon, lat);
  }
  let postcode: string | null = null;
  let pc4: string | null = null;
  const pcText = text(rec.postcode);
  if (pcText) {
    const pc = parsePostcode(pcText);
    if (!pc) return bad("postcode", `postcode "${pcText}" heeft geen geldige vorm (1234AB of 1234)`);
    postcode = pc.postcode ?? pc.pc4;
    pc4 = pc.pc4;
  }
  const houseNumber = text(rec.huisnummer);
  const gemeentecode = text(rec.gemeentecode)?.toUpperCase() ?? null;
  if (gemeentecode && !levelOfCbsCode(gemeentecode)?.match(/^(gemeente|wijk|buurt)$/)) {
    return bad(
      "gemeentecode",
      `gebiedscode "${gemeentecode}" heeft niet de vorm GM1234, WK123401 of BU12340101`,
    );
  }

  let placement: Registration["placement"];
  if (x !== null && y !== null) {
    placement = ctx.placer.point(x, y, pc4);
  } else {
    const addr =
      postcode && houseNumber && pc4 !== postcode ? ctx.address?.(postcode, houseNumber) : undefined;
    if (addr) {
      x = addr.x;
      y = addr.y;
      placement = { ...ctx.placer.point(addr.x, addr.y, pc4), method: "adres" };
    } else if (gemeentecode) placement = ctx.placer.areaCode(gemeentecode, pc4);
    else placement = ctx.placer.unplaced(pc4);
  }
  if (placement.method === "punt" && !placement.gemeente && gemeentecode) {
    placement = ctx.placer.areaCode(gemeentecode, pc4);
  }

  let persons: PersonLink[] = [];
  const personsText = text(rec.personen);
  if (personsText) {
    const p = parsePersons(personsText);
    if (typeof p === "string") return bad("personen", p);
    persons = p;
  }

  return {
    ok: true,
    registration: {
      source: ctx.source,
      sourceId,
      version,
      kind,
      bvhCode,
      inpCode,
      attempt,
      startsAt: new Date(begin.utcMs),
      endsAt,
      registeredAt,
      local: localBuckets(begin.utcMs),
      x,
      y,
      postcode,
      houseNumber,
      placement,
      modusOperandi: text(rec.modus_operandi),
      persons,
      description: text(rec.omschrijving),
    },
  };
}
