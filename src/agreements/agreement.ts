// A local information agreement (informatieafspraak) of one gemeente, as its OOV-adviseur writes it
// (Dutch field names, like config/*.json): which products, for which area, how often, in which
// formats, to whom, through which channels, for which purpose and under which legal basis; when it
// starts and when it is to be evaluated. This module checks its shape; validate-agreement.ts checks
// it against the catalog, the legal-basis registry, the areas and the users.
//
// Delivery day (`dagVanLevering`): the n-th working day (Monday to Friday) after the period ends,
// 1 to 20, default 1. Public holidays (config/feestdagen.json) are not working days. "3" for a
// monthly product means: on the third working day of the next month (or later, when the scheduler
// did not run that day).
// The agreement covers deliveries whose delivery day is on or after `geldigVanaf`.
//
// Each recipient gets the product as made for them, through the disclosure gate: the legal basis
// named here is what the agreement relies on, but the gate decides per recipient.

import { z } from "zod";
import { InputError } from "../domain/errors.ts";
import { PRODUCT_FORMATS, type ProductFormat } from "../render/product/render-product.ts";
import { AGREEMENT_CADENCES, type AgreementCadence } from "./cadence.ts";
import { isIsoDate } from "./calendar.ts";
import { dutchIssue, type Problem, problemsOf } from "./dutch-issues.ts";

/** Channels an agreed product goes out through. web and api: made available, fetched by the user. */
export const CHANNELS = ["web", "email", "map", "api"] as const;
export type Channel = (typeof CHANNELS)[number];

const isoDate = z
  .string()
  .refine(isIsoDate, "schrijf een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-01");
const text = z.string().trim().min(1);
const areaCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]+$/, "schrijf een gebiedscode, bijvoorbeeld GM9001 of WK900101");
const legalBasisId = z
  .string()
  .regex(/^[a-z0-9-]+$/, "schrijf de code van een grondslag, bijvoorbeeld wpg-16-1-c");
/** A folder inside the gemeente's delivery folder: no "..", not absolute, plain names only. */
const folder = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9 ._-]*(\/[A-Za-z0-9][A-Za-z0-9 ._-]*)*$/,
    'schrijf een map binnen de leveringsmap, bijvoorbeeld "maandcijfers" of "politie/maandcijfers" (geen .. en niet beginnen met /)',
  );

const itemShape = z
  .object({
    product: z.string().regex(/^[a-z0-9-]+$/, "schrijf de code van een product, bijvoorbeeld maandoverzicht"),
    /** Area code; default: the gemeente. */
    gebied: areaCode.optional(),
    cadans: z.enum(AGREEMENT_CADENCES),
    dagVanLevering: z.number().int().min(1).max(20).optional(),
    formaten: z.array(z.enum(PRODUCT_FORMATS)).min(1),
    /** User ids of driehoek users; each gets the product made as them. */
    ontvangers: z.array(text).min(1),
    /** Purpose id, as in config/doelen.json ("casus:NUMMER" for a purpose with a number). */
    doel: text,
    kanalen: z.array(z.enum(CHANNELS)).min(1),
    /** Folder inside <leveringsmap>/<gemeente>/ for channel "map"; default: the product id. */
    map: folder.optional(),
    /** Legal basis id; default: the agreement's. */
    grondslag: legalBasisId.optional(),
    /** Whether this is covered by the local agreement in the sense of the legal bases; default: the agreement's. */
    lokaleAfspraak: z.boolean().optional(),
    toelichting: z.string().optional(),
  })
  .strict();

const agreementShape = z
  .object({
    gemeente: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^GM\d{4}$/, "schrijf de code van de gemeente, bijvoorbeeld GM9001"),
    geldigVanaf: isoDate,
    evaluatieOp: isoDate,
    afgesprokenMet: text,
    toelichting: z.string().optional(),
    grondslag: legalBasisId.optional(),
    lokaleAfspraak: z.boolean().optional(),
    producten: z.array(itemShape),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.evaluatieOp <= a.geldigVanaf) {
      ctx.addIssue({
        code: "custom",
        path: ["evaluatieOp"],
        message: `moet na geldigVanaf (${a.geldigVanaf}) liggen`,
      });
    }
    a.producten.forEach((p, i) => {
      if (!p.grondslag && !a.grondslag) {
        ctx.addIssue({
          code: "custom",
          path: ["producten", i, "grondslag"],
          message: "ontbreekt: noem de grondslag hier of voor de hele afspraak",
        });
      }
    });
  });

export type AgreementInput = z.input<typeof agreementShape>;

/** One agreed product with every default filled in. */
export interface AgreementItem {
  product: string;
  gebied: string;
  cadans: AgreementCadence;
  dagVanLevering: number;
  formaten: ProductFormat[];
  ontvangers: string[];
  doel: string;
  kanalen: Channel[];
  /** Set when the item goes to the delivery folder. */
  map?: string;
  grondslag: string;
  lokaleAfspraak: boolean;
  toelichting?: string;
}

/** An agreement with every default filled in: what is stored and what the scheduler reads. */
export interface Agreement {
  gemeente: string;
  geldigVanaf: string;
  evaluatieOp: string;
  afgesprokenMet: string;
  toelichting?: string;
  grondslag?: string;
  lokaleAfspraak: boolean;
  producten: AgreementItem[];
}

/** An agreement that does not hold; names every problem with its field. */
export class AgreementInvalid extends InputError {
  constructor(
    readonly problems: Problem[],
    file = "afspraak",
  ) {
    super(
      `de afspraak klopt niet:\n${problems.map((p) => `  - ${p.path || "(de afspraak)"}: ${p.message}`).join("\n")}`,
      file,
      null,
      problems[0]?.path || null,
    );
    this.name = "AgreementInvalid";
  }
}

/**
 * Checks the shape of an agreement (types, required fields, dates, codes) and fills in defaults.
 * @throws AgreementInvalid naming every field that is wrong.
 */
export function parseAgreement(json: unknown, file?: string): Agreement {
  const r = agreementShape.safeParse(json, { error: dutchIssue });
  if (!r.success) throw new AgreementInvalid(problemsOf(r.error), file);
  const a = r.data;
  return {
    gemeente: a.gemeente,
    geldigVanaf: a.geldigVanaf,
    evaluatieOp: a.evaluatieOp,
    afgesprokenMet: a.afgesprokenMet,
    ...(a.toelichting !== undefined ? { toelichting: a.toelichting } : {}),
    ...(a.grondslag !== undefined ? { grondslag: a.grondslag } : {}),
    lokaleAfspraak: a.lokaleAfspraak ?? false,
    producten: a.producten.map((p) => ({
      product: p.product,
      gebied: p.gebied ?? a.gemeente,
      cadans: p.cadans,
      dagVanLevering: p.dagVanLevering ?? 1,
      formaten: p.formaten,
      ontvangers: p.ontvangers,
      doel: p.doel,
      kanalen: p.kanalen,
      ...(p.kanalen.includes("map") ? { map: p.map ?? p.product } : p.map ? { map: p.map } : {}),
      grondslag: (p.grondslag ?? a.grondslag) as string,
      lokaleAfspraak: p.lokaleAfspraak ?? a.lokaleAfspraak ?? false,
      ...(p.toelichting !== undefined ? { toelichting: p.toelichting } : {}),
    })),
  };
}
