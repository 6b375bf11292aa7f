// The COA reception locations as data (config/coa-locaties.json): per gemeente an id, a name, the
// point (RD New metres) and the CBS buurt the point lies in, and the radius the police get counts
// for. Read per folder and checked: codes in the right form, each buurt in its gemeente, each point
// inside the Netherlands, ids unique within a gemeente.

import { z } from "zod";
import { DEFAULT_CONFIG_DIR, readConfigFile } from "../../disclosure/config-file.ts";
import { CBS_CODE } from "../../domain/area.ts";
import { insideRdBounds } from "../../domain/geo/nl-bounds.ts";

const location = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "een kenmerk is kleine letters, cijfers en -"),
    naam: z.string().min(1),
    x: z.number(),
    y: z.number(),
    buurt: z.string().regex(CBS_CODE.buurt, "geen CBS-buurtcode (BU12345678)"),
  })
  .strict()
  .refine((l) => insideRdBounds(l.x, l.y), { message: "het punt ligt niet in Nederland (RD-coördinaten)" });

const file = z
  .object({
    versie: z.string().min(1),
    toelichting: z.string().optional(),
    straalMeter: z.number().positive().max(5000),
    gemeenten: z.record(
      z.string().regex(CBS_CODE.gemeente, "geen CBS-gemeentecode (GM1234)"),
      z.array(location).min(1),
    ),
  })
  .strict()
  .superRefine((f, ctx) => {
    for (const [gemeente, list] of Object.entries(f.gemeenten)) {
      const seen = new Set<string>();
      for (const [i, l] of list.entries()) {
        if (seen.has(l.id)) {
          ctx.addIssue({
            code: "custom",
            path: ["gemeenten", gemeente, i, "id"],
            message: "staat er twee keer in",
          });
        }
        seen.add(l.id);
        if (l.buurt.slice(2, 6) !== gemeente.slice(2)) {
          ctx.addIssue({
            code: "custom",
            path: ["gemeenten", gemeente, i, "buurt"],
            message: `buurt ${l.buurt} ligt niet in gemeente ${gemeente}`,
          });
        }
      }
    }
  });

export interface CoaLocation {
  id: string;
  name: string;
  /** RD New metres. */
  x: number;
  y: number;
  /** CBS code of the buurt the point lies in. */
  buurt: string;
}

export interface CoaConfig {
  version: string;
  /** Radius (metres) of the count around a location, for the police only. */
  radius: number;
  /** Locations by gemeente code. */
  locations: Record<string, readonly CoaLocation[]>;
}

/** Reads and checks config/coa-locaties.json from `dir` (default: the shipped config/), on every call. */
export function loadCoaConfig(dir: string = DEFAULT_CONFIG_DIR): CoaConfig {
  const { data } = readConfigFile(dir, "coa-locaties.json", file);
  return {
    version: data.versie,
    radius: data.straalMeter,
    locations: Object.fromEntries(
      Object.entries(data.gemeenten).map(([g, list]) => [
        g,
        list.map((l) => ({ id: l.id, name: l.naam, x: l.x, y: l.y, buurt: l.buurt })),
      ]),
    ),
  };
}
