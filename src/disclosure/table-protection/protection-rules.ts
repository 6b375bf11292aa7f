// Which protection a table gets, by sensitivity and recipient: data in config/tabelbeveiliging.json
// (default: counts 1–4 withheld for recipients outside the police; open data rounded to 5).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { InputError } from "../../domain/errors.ts";
import { SENSITIVITIES, type Sensitivity } from "../../domain/sensitivity.ts";
import type { Requester } from "../disclosure-gate.ts";
import { DEFAULT_CONFIG_DIR } from "../legal-bases/legal-basis-registry.ts";

const rule = z
  .object({
    gevoeligheid: z.enum(SENSITIVITIES),
    ontvangers: z.enum(["iedereen", "politie", "niet-politie"]),
    minimum: z.number().int().min(0),
    afronden: z.number().int().min(1).optional(),
  })
  .strict();
const file = z
  .object({ versie: z.string().min(1), toelichting: z.string().optional(), regels: z.array(rule) })
  .strict();

export interface TableProtection {
  /** Counts 1…minimum−1 are withheld, with all that reveals them; 0 withholds nothing. */
  minimum: number;
  /** Counts rounded to a multiple of this; 1 or absent: not rounded. */
  roundTo?: number;
}

export interface ProtectionRules {
  version: string;
  /** The protection for this recipient and sensitivity (first matching rule; none: nothing). */
  for(requester: Requester, sensitivity: Sensitivity): TableProtection;
}

export function loadProtectionRules(dir: string = DEFAULT_CONFIG_DIR): ProtectionRules {
  const path = join(dir, "tabelbeveiliging.json");
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new InputError(`kan het bestand niet lezen: ${(err as Error).message}`, path);
  }
  const r = file.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.join(".") ?? "";
    throw new InputError(`klopt niet bij "${field}": ${issue?.message}`, path, null, field || null);
  }
  const rules = r.data.regels;
  return {
    version: r.data.versie,
    for(requester, sensitivity) {
      const police = requester.organisation?.kind === "politie";
      const match = rules.find(
        (x) =>
          x.gevoeligheid === sensitivity &&
          (x.ontvangers === "iedereen" || (x.ontvangers === "politie") === police),
      );
      return match ? { minimum: match.minimum, roundTo: match.afronden } : { minimum: 0 };
    },
  };
}
