// The registry of legal bases and purposes, read from versioned data files (config/grondslagen.json,
// config/doelen.json) so that a privacy officer can read and change them without code. Validated
// on load: an unknown role, sensitivity, purpose or condition is an error naming file and field.

import { z } from "zod";
import { InputError } from "../../domain/errors.ts";
import { ROLE_IDS } from "../../domain/roles.ts";
import { SENSITIVITIES } from "../../domain/sensitivity.ts";
import { DEFAULT_CONFIG_DIR, readConfigFile } from "../config-file.ts";

/**
 * Where data comes from; a legal basis covers certain sources. "openbaar" is public reference data
 * (CBS boundaries, names, population, the classification).
 */
export const DATA_SOURCES = ["politie", "gemeente", "om", "partner", "openbaar", "*"] as const;
export type DataSource = Exclude<(typeof DATA_SOURCES)[number], "*">;

/** Condition kinds the gate knows how to check; each is explained in docs/privacy.md. */
export const CONDITION_KINDS = [
  "alleen-burgemeester-boven",
  "strafrechtelijk-alleen-geaggregeerd",
  "raakt-openbare-orde",
  "lokale-afspraak",
  "casus",
  "besluit",
  "convenant",
  "tabelbeveiliging",
  "niet-herleidbaar-tot-anderen",
  "afronden-op-5",
  "eigen-gebied",
] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

const sensitivity = z.enum(SENSITIVITIES);
const condition = z
  .object({
    soort: z.enum(CONDITION_KINDS),
    /** The condition applies from this sensitivity upwards; absent: always. */
    vanaf: sensitivity.optional(),
    /** For alleen-burgemeester-boven: the highest sensitivity for other recipient roles. */
    gevoeligheid: sensitivity.optional(),
    toelichting: z.string().min(1),
  })
  .strict();

const legalBasis = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    wet: z.string().min(1).nullable(),
    artikel: z.string().min(1).nullable(),
    titel: z.string().min(1),
    /** Recipient roles; "*" is every role. */
    ontvangers: z.array(z.union([z.enum(ROLE_IDS as [string, ...string[]]), z.literal("*")])).min(1),
    hoogsteGevoeligheid: sensitivity,
    /** Purpose ids from doelen.json; "*" is any purpose. */
    doelen: z.array(z.string().min(1)).min(1),
    /** Data sources this basis covers ("politie", "gemeente", "om", "partner"; "*" any); absent: police data. */
    bronnen: z.array(z.enum(DATA_SOURCES)).optional(),
    voorwaarden: z.array(condition),
  })
  .strict();

const legalBasesFile = z
  .object({
    versie: z.string().min(1),
    toelichting: z.string().optional(),
    grondslagen: z.array(legalBasis).min(1),
  })
  .strict();

const purposesFile = z
  .object({
    versie: z.string().min(1),
    toelichting: z.string().optional(),
    doelen: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]+$/),
            naam: z.string().min(1),
            /** Asked as `id:NUMMER`, e.g. casus:2026-014. */
            metNummer: z.boolean().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type LegalBasis = z.infer<typeof legalBasis>;
export type LegalBasisCondition = z.infer<typeof condition>;
export type Purpose = z.infer<typeof purposesFile>["doelen"][number];

export interface LegalBasisRegistry {
  /** Version of the legal-bases file, recorded with each disclosure. */
  version: string;
  bases: LegalBasis[];
  purposesVersion: string;
  purposes: Purpose[];
}

export { DEFAULT_CONFIG_DIR };

/** Reads and checks grondslagen.json and doelen.json from `dir` (default: the shipped config/). */
export function loadLegalBasisRegistry(dir: string = DEFAULT_CONFIG_DIR): LegalBasisRegistry {
  const { data: bases, path: basesFile } = readConfigFile(dir, "grondslagen.json", legalBasesFile);
  const { data: purposes } = readConfigFile(dir, "doelen.json", purposesFile);

  const purposeIds = new Set(purposes.doelen.map((p) => p.id));
  const seen = new Set<string>();
  bases.grondslagen.forEach((b, i) => {
    if (seen.has(b.id)) {
      throw new InputError(`grondslag ${b.id} staat er twee keer in`, basesFile, null, `grondslagen.${i}.id`);
    }
    seen.add(b.id);
    b.doelen.forEach((d, j) => {
      if (d !== "*" && !purposeIds.has(d)) {
        throw new InputError(
          `doel ${d} van grondslag ${b.id} staat niet in doelen.json`,
          basesFile,
          null,
          `grondslagen.${i}.doelen.${j}`,
        );
      }
    });
  });
  return {
    version: bases.versie,
    bases: bases.grondslagen,
    purposesVersion: purposes.versie,
    purposes: purposes.doelen,
  };
}

/** A purpose as asked: "openbare-orde", or "casus:2026-014" for a purpose with a number. */
export interface AskedPurpose {
  id: string;
  number: string | null;
}

/**
 * Checks a purpose as given on the command line, in the API or chosen in the web app.
 * @throws InputError naming `field` when it is empty, unknown, or lacks/has a number wrongly.
 */
export function parsePurpose(registry: LegalBasisRegistry, text: string, field = "doel"): AskedPurpose {
  const [id = "", number, ...rest] = text.trim().split(":");
  const known = registry.purposes.find((p) => p.id === id);
  if (!known) {
    throw new InputError(
      text.trim() === ""
        ? "geen doel opgegeven: zonder doel geen gegevens"
        : `onbekend doel "${text}"; kies uit ${registry.purposes.map((p) => p.id).join(", ")}`,
      field,
    );
  }
  if (known.metNummer) {
    if (
      !number ||
      rest.length > 0 ||
      !(number.length <= 64 && /^[A-Za-z0-9]+([._/-][A-Za-z0-9]+)*$/.test(number))
    ) {
      throw new InputError(`doel ${id} vraagt een nummer, bijvoorbeeld ${id}:2026-014`, field);
    }
    return { id, number };
  }
  if (number !== undefined) throw new InputError(`doel ${id} heeft geen nummer`, field);
  return { id, number: null };
}
