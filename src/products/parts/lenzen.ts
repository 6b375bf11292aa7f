// Selections of types as data (config/lenzen.json): the types of the Halfjaarcijfers, and the
// lenses of the Situatierapportage (one phenomenon: a title, a short description, its INP types).
// Read once per folder and checked: every code must be an INP level-3 type.

import { z } from "zod";
import { DEFAULT_CONFIG_DIR, readConfigFile } from "../../disclosure/config-file.ts";
import { InputError } from "../../domain/errors.ts";
import { inpNode } from "../../domain/inp-tree.ts";

const inpCode = z
  .string()
  .trim()
  .refine((c) => inpNode(c, 3) !== undefined, { message: "geen INP-code van niveau 3 (soort)" });
const uniqueCodes = (codes: readonly string[]) => new Set(codes).size === codes.length;

const lens = z
  .object({
    titel: z.string().min(1),
    omschrijving: z.string().min(1),
    inpCodes: z.array(inpCode).min(1).refine(uniqueCodes, { message: "een INP-code staat er twee keer in" }),
  })
  .strict();
const file = z
  .object({
    versie: z.string().min(1),
    toelichting: z.string().optional(),
    halfjaarcijfers: z
      .object({
        toelichting: z.string().optional(),
        soorten: z
          .array(z.object({ inpCode, naam: z.string().min(1) }).strict())
          .min(1)
          .refine((s) => uniqueCodes(s.map((x) => x.inpCode)), {
            message: "een INP-code staat er twee keer in",
          }),
      })
      .strict(),
    lenzen: z
      .record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "een lens-id is kleine letters, cijfers en -"), lens)
      .refine((r) => Object.keys(r).length > 0, { message: "er is geen enkele lens" }),
  })
  .strict();

/** One phenomenon a Situatierapportage looks at. */
export interface Lens {
  /** Short id, e.g. "jeugdoverlast". */
  id: string;
  /** Dutch title, e.g. "Jeugdoverlast". */
  title: string;
  /** What the lens covers, in plain Dutch. */
  description: string;
  /** INP level-3 codes, in the order of the file. */
  inpCodes: readonly string[];
}

/** A type of the Halfjaarcijfers with the plural noun used in sentences ("woninginbraken"). */
export interface HalfYearType {
  inpCode: string;
  name: string;
}

export interface LensConfig {
  version: string;
  halfYearTypes: readonly HalfYearType[];
  lenses: readonly Lens[];
}

const cache = new Map<string, LensConfig>();

/** Reads and checks config/lenzen.json from `dir` (default: the shipped config/); cached per folder. */
export function loadLensConfig(dir: string = DEFAULT_CONFIG_DIR): LensConfig {
  const hit = cache.get(dir);
  if (hit) return hit;
  const { data } = readConfigFile(dir, "lenzen.json", file);
  const config: LensConfig = {
    version: data.versie,
    halfYearTypes: data.halfjaarcijfers.soorten.map((s) => ({ inpCode: s.inpCode, name: s.naam })),
    lenses: Object.entries(data.lenzen).map(([id, l]) => ({
      id,
      title: l.titel,
      description: l.omschrijving,
      inpCodes: l.inpCodes,
    })),
  };
  cache.set(dir, config);
  return config;
}

/** The lens with this id; InputError (field "--lens") naming the lenses there are otherwise. */
export function lensById(id: string, config: LensConfig = loadLensConfig()): Lens {
  const found = config.lenses.find((l) => l.id === id);
  if (!found) {
    throw new InputError(
      `lens "${id}" bestaat niet; er zijn: ${config.lenses.map((l) => l.id).join(", ")}`,
      "--lens",
    );
  }
  return found;
}

const protectionFile = z.object({ zeden: z.object({ inpCodes: z.array(z.string()) }).optional() });

/**
 * The types table protection leaves out altogether below the gemeente (config/tabelbeveiliging.json,
 * "zeden"). A product that lists types from configuration cannot tell such a type from one
 * without registrations, so it offers levels below the gemeente only without these types.
 */
export function typesLeftOutBelowGemeente(dir: string = DEFAULT_CONFIG_DIR): ReadonlySet<string> {
  const { data } = readConfigFile(dir, "tabelbeveiliging.json", protectionFile);
  return new Set((data.zeden?.inpCodes ?? []).map((c) => c.trim()));
}
