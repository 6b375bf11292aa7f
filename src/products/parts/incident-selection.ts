// Which registrations the record-level products show: the agreed selection of INP types, as data
// in config/incidentselectie.json (one list per product, versioned like the other files in
// config/). A product left out of the file gets driehoek's default selection below. An error
// names the file and the field, in Dutch, for whoever edits the file.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { DEFAULT_CONFIG_DIR } from "../../disclosure/config-file.ts";
import { InputError } from "../../domain/errors.ts";
import { inpNode } from "../../domain/inp-tree.ts";

export const INCIDENT_SELECTION_FILE = "incidentselectie.json";

export const SELECTION_PRODUCTS = ["incidentenrapport", "dagrapport", "operationeel-beeld"] as const;
export type SelectionProduct = (typeof SELECTION_PRODUCTS)[number];

export interface IncidentSelection {
  /** INP level-3 codes, in the agreed order (tables follow it). */
  inpCodes: string[];
  /** Per INP code: which of the mayor's powers it touches, in Dutch (dagrapport). */
  powers: Record<string, string>;
  /** Where the selection comes from, in Dutch, for the explanation in the document. */
  source: string;
}

/** driehoek's default selections (the shipped config file holds the same lists). */
export const DEFAULT_SELECTIONS: Record<SelectionProduct, { inpCodes: string[] }> = {
  // Public order and safety in the gemeente: burglary, robbery, violence in public, arson and
  // explosions, drugs, vandalism, nightlife nuisance, disturbing public order.
  incidentenrapport: {
    inpCodes: [
      "1.1.1",
      "1.4.2",
      "1.4.3",
      "1.4.6",
      "1.4.7",
      "1.6.1",
      "2.1.1",
      "2.2.1",
      "2.2.2",
      "3.1.1",
      "3.6.4",
    ],
  },
  // Only what touches the mayor's public-order powers (Gemeentewet art. 172–176, Opiumwet 13b).
  dagrapport: {
    inpCodes: ["1.4.3", "1.6.1", "2.2.2", "3.1.1", "3.1.3", "3.6.1", "3.6.2", "3.6.3", "3.6.4"],
  },
  // The larger incidents for a police unit's daily picture.
  "operationeel-beeld": {
    inpCodes: ["1.4.2", "1.4.3", "1.4.6", "1.4.7", "1.6.1", "3.1.3", "3.6.1", "3.6.2", "3.6.3", "3.6.4"],
  },
};

const inpCode = z.string().superRefine((code, ctx) => {
  if (!inpNode(code, 3)) {
    ctx.addIssue({
      code: "custom",
      message: `"${code}" is geen INP-code van niveau 3 (bijvoorbeeld 1.1.1 voor woninginbraak)`,
    });
  }
});

const selection = z
  .strictObject({
    toelichting: z.string().optional(),
    inpCodes: z
      .array(inpCode)
      .min(1, { message: "geef minstens één INP-code" })
      .superRefine((codes, ctx) => {
        codes.forEach((code, i) => {
          if (codes.indexOf(code) !== i) {
            ctx.addIssue({ code: "custom", message: `INP-code "${code}" staat er twee keer in`, path: [i] });
          }
        });
      }),
    bevoegdheden: z.record(inpCode, z.string().min(1)).optional(),
  })
  .superRefine((s, ctx) => {
    for (const code of Object.keys(s.bevoegdheden ?? {})) {
      if (!s.inpCodes.includes(code)) {
        ctx.addIssue({
          code: "custom",
          message: `INP-code "${code}" heeft een bevoegdheid maar staat niet in inpCodes`,
          path: ["bevoegdheden", code],
        });
      }
    }
  });

const file = z.strictObject({
  versie: z.string().min(1),
  toelichting: z.string().optional(),
  incidentenrapport: selection.optional(),
  dagrapport: selection.optional(),
  "operationeel-beeld": selection.optional(),
});

/**
 * The selection for one product from `dir`/incidentselectie.json (read on every call, so a changed
 * file counts from the next report on).
 * @throws InputError naming the file (and field) when the file is missing, no JSON, or wrong.
 */
export function readIncidentSelection(
  product: SelectionProduct,
  dir: string = DEFAULT_CONFIG_DIR,
): IncidentSelection {
  const path = join(dir, INCIDENT_SELECTION_FILE);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    const message = (err as Error).message;
    throw new InputError(
      err instanceof SyntaxError ? `geen geldige JSON: ${message}` : `kan het bestand niet lezen: ${message}`,
      path,
    );
  }
  const r = file.safeParse(json, { error: z.locales.nl().localeError });
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.join(".") ?? "";
    throw new InputError(`klopt niet bij "${field}": ${issue?.message}`, path, null, field || null);
  }
  const own = r.data[product];
  if (!own) {
    return {
      inpCodes: [...DEFAULT_SELECTIONS[product].inpCodes],
      powers: {},
      source: `de standaardselectie van driehoek (${INCIDENT_SELECTION_FILE} noemt dit product niet)`,
    };
  }
  return {
    inpCodes: own.inpCodes,
    powers: own.bevoegdheden ?? {},
    source: `de afgesproken selectie in ${INCIDENT_SELECTION_FILE}, versie ${r.data.versie}`,
  };
}
