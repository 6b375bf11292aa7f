// Mapping profiles (koppelprofielen): how any CSV or JSON export maps onto the canonical fields.
// Documented for users in docs/koppelprofiel.md.

import { readFileSync } from "node:fs";
import { z } from "zod";
import { InputError } from "../domain/errors.ts";
import { CANONICAL_FIELDS, type CanonicalField, type CanonicalRecord } from "./normalize-registration.ts";

const field = z.enum(CANONICAL_FIELDS);
const codeTarget = z
  .object({
    maatschappelijke_klasse: z.string().optional(),
    inp_code: z.string().optional(),
    poging: z.string().optional(),
    soort: z.enum(["misdrijf", "incident"]).optional(),
  })
  .strict();

export const profileSchema = z
  .object({
    naam: z.string().min(1),
    formaat: z.enum(["csv", "json"]).default("csv"),
    scheiding: z.enum([",", ";", "\t"]).optional(),
    codering: z.enum(["utf-8", "windows-1252"]).optional(),
    /** Pattern for date/time fields, e.g. "dd-MM-yyyy[ HH:mm]"; default ISO 8601. */
    datumformaat: z.string().optional(),
    /** Canonical field -> source column (CSV) or dotted path (JSON); a list is joined with a space. */
    velden: z.partialRecord(field, z.union([z.string(), z.array(z.string()).min(1)])),
    /** Fixed values for canonical fields, e.g. { "soort": "misdrijf" }. */
    vast: z.partialRecord(field, z.string()).optional(),
    /** Source values of one column -> BVH/INP code, attempt flag and kind. */
    codes: z
      .object({
        kolom: z.string(),
        waarden: z.record(z.string(), codeTarget),
      })
      .optional(),
    /** Per canonical field, source value -> canonical value (e.g. poging: { "Ja": "J" }). */
    waarden: z.partialRecord(field, z.record(z.string(), z.string())).optional(),
  })
  .strict();

export type Profile = z.infer<typeof profileSchema>;

export function parseProfile(text: string, file: string): Profile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`het koppelprofiel is geen geldige JSON: ${(err as Error).message}`, file);
  }
  const r = profileSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue?.path.join(".") ?? "";
    throw new InputError(
      `het koppelprofiel klopt niet bij "${path}": ${issue?.message}`,
      file,
      null,
      path || null,
    );
  }
  const p = r.data;
  if (!p.velden.registratienummer)
    throw new InputError("het koppelprofiel koppelt geen registratienummer", file, null, "velden");
  if (!p.velden.pleegdatum_begin)
    throw new InputError("het koppelprofiel koppelt geen pleegdatum_begin", file, null, "velden");
  return p;
}

export function loadProfile(path: string): Profile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new InputError("koppelprofiel niet gevonden of niet leesbaar", path);
  }
  return parseProfile(text, path);
}

/** Reads one source value: a column of a CSV row or a dotted path in a JSON object. */
export type SourceGetter = (name: string) => string | undefined;

export type MappedRecord =
  | { ok: true; record: CanonicalRecord }
  | { ok: false; field: string; reason: string };

/** The source columns a CSV file must have for this profile. */
export function profileColumns(p: Profile): string[] {
  const cols = new Set<string>();
  for (const v of Object.values(p.velden)) for (const c of Array.isArray(v) ? v : [v]) cols.add(c);
  if (p.codes) cols.add(p.codes.kolom);
  return [...cols];
}

/** Maps one source record onto canonical fields following the profile. */
export function applyProfile(p: Profile, get: SourceGetter): MappedRecord {
  const record: CanonicalRecord = { ...(p.vast ?? {}) };
  for (const [f, src] of Object.entries(p.velden) as [CanonicalField, string | string[]][]) {
    const value = Array.isArray(src)
      ? src
          .map(get)
          .filter((v) => v !== undefined && v.trim() !== "")
          .join(" ")
      : get(src);
    if (value === undefined) continue;
    const map = p.waarden?.[f];
    if (map && value.trim() !== "") {
      const mapped = map[value.trim()];
      if (mapped === undefined) {
        return {
          ok: false,
          field: Array.isArray(src) ? src.join("+") : src,
          reason: `waarde "${value}" staat niet in het koppelprofiel (waarden.${f})`,
        };
      }
      record[f] = mapped;
    } else record[f] = value;
  }
  if (p.codes) {
    const value = (get(p.codes.kolom) ?? "").trim();
    const target = p.codes.waarden[value];
    if (!target) {
      return {
        ok: false,
        field: p.codes.kolom,
        reason: `onbekende code "${value}": niet in het koppelprofiel (codes.waarden)`,
      };
    }
    for (const [k, v] of Object.entries(target) as [CanonicalField, string][]) record[k] = v;
  }
  return { ok: true, record };
}

/** Dotted-path getter for a JSON object ("locatie.x"); numbers and booleans become text. */
export function jsonGetter(obj: Record<string, unknown>): SourceGetter {
  return (path) => {
    let cur: unknown = obj;
    for (const part of path.split(".")) {
      if (cur === null || typeof cur !== "object") return undefined;
      cur = (cur as Record<string, unknown>)[part];
    }
    if (cur === null || cur === undefined) return undefined;
    return typeof cur === "object" ? JSON.stringify(cur) : String(cur);
  };
}
