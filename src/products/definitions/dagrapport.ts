// Dag-/weekrapport met contextinformatie: the registrations of a day or week in a gemeente that
// touch the mayor's public-order powers (DESIGN.md §4: day reports only where they do), as single
// records at sensitivity "incident". Per type: which power it touches, the count against the
// period before, the same period last year and the average over the four weeks before (context),
// the records and a map of the buurten.
// The selection and the powers are data: config/incidentselectie.json, key "dagrapport".

import { formatCount } from "../../render/format-nl.ts";
import { documentHead } from "../parts/document-head.ts";
import {
  buurtMapSection,
  incidentProduct,
  incidentSummary,
  perTypeSection,
  RECORDS_NOTE,
} from "../parts/incident-product.ts";
import {
  explanationBlock,
  type IncidentInput,
  perTypeTable,
  protectIncidents,
  recordsTable,
} from "../parts/incident-records.ts";
import type { ProductContext, ProductDefinition } from "../product-definition.ts";
import type { ProductDocument } from "../product-document.ts";

const ID = "dagrapport";

const SECTIONS = [
  { id: "per-soort", title: "Aantallen per soort, met context" },
  { id: "registraties", title: "Registraties" },
  { id: "kaart", title: "Kaart" },
  { id: "uitleg", title: "Hoe lees je dit rapport?" },
] as const;

function build(input: IncidentInput, ctx: ProductContext): ProductDocument {
  // Record protection first, always (also when the gate asked no table protection).
  const p = protectIncidents(input, ctx, "buurt");
  const label = ctx.period.label;
  const n = p.records.length;
  const day = ctx.period.kind === "dag";
  const on = day ? "Op" : "In";

  const summary = incidentSummary(
    p,
    ctx,
    n === 0
      ? `${on} ${label} zijn er in ${ctx.area.name} geen registraties die de openbare-ordebevoegdheden van de burgemeester raken.`
      : `${on} ${label} ${n === 1 ? "is er" : "zijn er"} in ${ctx.area.name} ${formatCount(n)} ${n === 1 ? "registratie" : "registraties"} die de openbare-ordebevoegdheden van de burgemeester ${n === 1 ? "raakt" : "raken"}.`,
    "registraties uit de selectie",
  );

  const perType = perTypeTable(p, {
    id: "per-soort",
    caption: `Registraties per soort in ${ctx.area.name}, ${label}, met de bevoegdheid die het raakt`,
    periodLabel: label,
    powers: true,
    note: `Het gemiddelde over de 4 weken ervoor geeft aan wat gewoon is voor ${ctx.area.name}.`,
  });
  const records = recordsTable(p, {
    id: "registraties",
    caption: `Registraties die de openbare orde raken in ${ctx.area.name}, ${label}`,
    columns: day
      ? ["id", "uur", "soort", "poging", "wijk", "buurt"]
      : ["id", "datum", "uur", "soort", "poging", "wijk", "buurt"],
    note: RECORDS_NOTE,
  });

  return {
    ...documentHead(
      ctx,
      ID,
      `${day ? "Dagrapport" : "Weekrapport"} openbare orde ${ctx.area.name}, ${label}`,
      "incident",
    ),
    summary,
    sections: [
      // At most three series: the period, the one before and the usual level.
      perTypeSection(SECTIONS[0], p, perType, ["aantal", "vorige", "vier-weken"]),
      { id: "registraties", title: SECTIONS[1].title, blocks: [records] },
      buurtMapSection(SECTIONS[2], p, ctx),
      {
        id: "uitleg",
        title: SECTIONS[3].title,
        blocks: [
          explanationBlock(p, {
            place: "buurt",
            extra: [
              "Dit rapport gaat alleen over registraties die de bevoegdheden van de burgemeester voor de openbare orde raken. In de kolom 'Raakt aan' staat welke bevoegdheid. Informatie over opsporing en vervolging krijgt de burgemeester alleen in cijfers.",
            ],
          }),
        ],
      },
    ],
  };
}

/** The dagrapport with its selection read from `configDir` (default: the shipped config/). */
export function makeDagrapport(opts: { configDir?: string } = {}): ProductDefinition<IncidentInput> {
  return incidentProduct(
    {
      id: ID,
      title: "Dag-/weekrapport met contextinformatie",
      description:
        "De registraties van een dag of week in de gemeente die de openbare-ordebevoegdheden van de burgemeester raken, zonder personen: per soort met de bevoegdheid, vergeleken met de periode ervoor, vorig jaar en de 4 weken ervoor, en een kaart per buurt.",
      sections: SECTIONS,
      measures: [
        "aantal registraties per soort",
        "de bevoegdheid die het raakt",
        "vorige dag of week, vorig jaar, gemiddelde van de 4 weken ervoor",
        "losse registraties (kenmerk, uur, soort, wijk, buurt)",
        "registraties per buurt",
      ],
      // Registrations that touch the mayor's public-order powers, not criminal enforcement (Wpg 16-1-c).
      facts: { touchesPublicOrder: true, criminalEnforcement: false },
      levels: ["gemeente"],
      defaultLevel: "gemeente",
      periodKinds: ["dag", "week"],
      cadence: "dagelijks",
      audience: ["burgemeester", "teamchef", "politie-analist"],
      comparisons: ["vorige", "vorig-jaar", "vier-weken"],
      build,
    },
    opts.configDir,
  );
}

export const dagrapport: ProductDefinition<IncidentInput> = makeDagrapport();
