// Security settings as data (config/beveiliging.json): from which sensitivity a second factor is
// required.

import { z } from "zod";
import { SENSITIVITIES, type Sensitivity } from "../domain/sensitivity.ts";
import { DEFAULT_CONFIG_DIR, readConfigFile } from "./config-file.ts";

const file = z
  .object({
    versie: z.string().min(1),
    toelichting: z.string().optional(),
    tweedeFactorVanaf: z.enum(SENSITIVITIES),
  })
  .strict();

export function loadSecuritySettings(dir: string = DEFAULT_CONFIG_DIR): { strongFrom: Sensitivity } {
  const r = { data: readConfigFile(dir, "beveiliging.json", file).data };
  return { strongFrom: r.data.tweedeFactorVanaf };
}
