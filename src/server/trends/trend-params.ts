// The query of the trends page (/trends?gebied=…&soort=…&van=…&tot=…&vergelijk=…): read, checked
// and given defaults, with a Dutch message per field for whatever is wrong. Pure: what the store
// knows (areas, types) comes in as arguments.

import { addMonths, monthLabelNl } from "../../domain/time.ts";
import { monthParam } from "../../render/format-nl.ts";
import { parseMonthParam } from "../month-param.ts";

/** The comparisons the page offers, with their Dutch names. */
export const COMPARISONS = {
  "vorig-jaar": "Dezelfde maanden een jaar eerder",
  "gemiddelde-5-jaar": "Gemiddelde van dezelfde maanden in de 5 jaar ervoor",
} as const;
export type Comparison = keyof typeof COMPARISONS;

/** Months shown by default: the last 36 complete months. */
export const DEFAULT_MONTHS = 36;
/** The longest series the page shows (20 years), so a page stays quick and readable. */
export const MAX_MONTHS = 240;

/** The form's fields, with the label the page shows (error messages name the field by it). */
export const FIELD_LABELS = {
  gebied: "Gebied",
  soort: "Soort",
  van: "Van maand",
  tot: "Tot en met maand",
  vergelijk: "Vergelijken met",
} as const;
export type TrendField = keyof typeof FIELD_LABELS;

export interface TrendParams {
  /** Area code as asked (upper case), e.g. "GM0363" or "WK036301". */
  area: string;
  /** INP level-3 code, or "" for all types. */
  type: string;
  /** First and last month of the series (yyyymm, inclusive). */
  from: number;
  to: number;
  comparison: Comparison;
}

export interface FieldError {
  field: TrendField;
  /** Dutch, starting with the field's label. */
  message: string;
}

/** What the form shows: the values as typed (also when wrong), to put back in the fields. */
export type TrendFormValues = Record<TrendField, string>;

export type ParsedTrendParams =
  | { ok: true; params: TrendParams; values: TrendFormValues }
  | { ok: false; errors: FieldError[]; values: TrendFormValues };

export interface TrendParamContext {
  /** The last complete month (yyyymm): the default end, and the latest that can be asked. */
  latest: number;
  /** The area when none is asked: the user's own gemeente ("" when unknown). */
  ownArea: string;
  /** Type codes that can be chosen (besides "" for all). */
  types: ReadonlySet<string>;
}

/** Reads the query; missing fields get their default, wrong ones a message naming the field. */
export function parseTrendParams(
  query: Partial<Record<string, string>>,
  ctx: TrendParamContext,
): ParsedTrendParams {
  const text = (name: TrendField) => (query[name] ?? "").trim();
  const errors: FieldError[] = [];
  const fail = (field: TrendField, rest: string) =>
    errors.push({ field, message: `${FIELD_LABELS[field]}: ${rest}` });

  const area = (text("gebied") || ctx.ownArea).toUpperCase();
  if (area === "") fail("gebied", "vul de code van een gebied in, bijvoorbeeld GM0363 voor een gemeente.");

  const type = text("soort");
  if (type !== "" && !ctx.types.has(type))
    fail("soort", `"${type}" is geen soort die we kennen. Kies een soort uit de lijst.`);

  const month = (field: "van" | "tot", fallback: number): number | null => {
    const raw = text(field);
    if (raw === "") return fallback;
    const m = parseMonthParam(raw);
    if (m === null) {
      fail(
        field,
        `"${raw}" is geen maand. Schrijf jaar en maand met een streepje ertussen, bijvoorbeeld 2024-03.`,
      );
      return null;
    }
    if (m > ctx.latest) {
      fail(
        field,
        `${monthLabelNl(m)} is nog niet voorbij. Kies ${monthLabelNl(ctx.latest)} of een eerdere maand.`,
      );
      return null;
    }
    return m;
  };
  const to = month("tot", ctx.latest);
  const from = month("van", addMonths(to ?? ctx.latest, -(DEFAULT_MONTHS - 1)));
  if (from !== null && to !== null) {
    if (from > to)
      fail("van", `${monthLabelNl(from)} ligt na ${monthLabelNl(to)}. Kies een eerdere beginmaand.`);
    else if (addMonths(from, MAX_MONTHS - 1) < to)
      fail("van", `kies hooguit ${MAX_MONTHS} maanden (${MAX_MONTHS / 12} jaar) tussen begin en eind.`);
  }

  const comparisonText = text("vergelijk") || "vorig-jaar";
  const comparison = Object.hasOwn(COMPARISONS, comparisonText) ? (comparisonText as Comparison) : null;
  if (comparison === null)
    fail("vergelijk", `kies "${COMPARISONS["vorig-jaar"]}" of "${COMPARISONS["gemiddelde-5-jaar"]}".`);

  const values: TrendFormValues = {
    gebied: area,
    soort: type,
    van: text("van") || (from !== null ? monthParam(from) : ""),
    tot: text("tot") || (to !== null ? monthParam(to) : ""),
    vergelijk: comparisonText,
  };
  if (errors.length > 0 || from === null || to === null || comparison === null)
    return { ok: false, errors, values };
  return { ok: true, params: { area, type, from, to, comparison }, values };
}

/** The page's URL for these parameters (all of them, so a link always shows the same). */
export function trendsHref(p: TrendParams): string {
  const q = new URLSearchParams({
    gebied: p.area,
    soort: p.type,
    van: monthParam(p.from),
    tot: monthParam(p.to),
    vergelijk: p.comparison,
  });
  return `/trends?${q}`;
}
