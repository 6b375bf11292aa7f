// Security settings as data (config/beveiliging.json): from which sensitivity a second factor is
// required.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { InputError } from "../domain/errors.ts";
import { SENSITIVITIES, type Sensitivity } from "../domain/sensitivity.ts";
import { DEFAULT_CONFIG_DIR } from "./legal-bases/legal-basis-registry.ts";

const file = z
  .object({
    versie: z.string().min(1),
    toelichting: z.string().optional(),
    tweedeFactorVanaf: z.enum(SENSITIVITIES),
  })
  .strict();

export function loadSecuritySettings(dir: string = DEFAULT_CONFIG_DIR): { strongFrom: Sensitivity } {
  const path = join(dir, "beveiliging.json");
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
  return { strongFrom: r.data.tweedeFactorVanaf };
}
