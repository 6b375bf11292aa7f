// (Twee)wekelijks incidentenrapport: the agreed selection of registrations in a gemeente for a
// week (or a month), as single records protected at sensitivity "incident" (no persons, free text
// or modus operandi; buurt centre; whole hour; pseudonym). Counts per type against the week before
// and the same week last year, the records, and a map of the buurten.
// The selection is data: config/incidentselectie.json, key "incidentenrapport".

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

const ID = "incidentenrapport";

const SECTIONS = [
  { id: "per-soort", title: "Aantallen per soort" },
  { id: "registraties", title: "Registraties" },
  { id: "kaart", title: "Kaart" },
  { id: "uitleg", title: "Hoe lees je dit rapport?" },
] as const;

function build(input: IncidentInput, ctx: ProductContext): ProductDocument {
  // Record protection first, always (also when the gate asked no table protection).
  const p = protectIncidents(input, ctx, "buurt");
  const label = ctx.period.label;
  const n = p.records.length;
  const unit = ctx.period.kind === "week" ? "week" : "maand";

  const summary = incidentSummary(
    p,
    ctx,
    n === 0
      ? `In ${label} staan er in ${ctx.area.name} geen registraties uit de afgesproken selectie.`
      : `In ${label} staan er in ${ctx.area.name} ${formatCount(n)} ${n === 1 ? "registratie" : "registraties"} uit de afgesproken selectie.`,
    "registraties uit de selectie",
  );
  const attempts = p.records.filter((r) => r.attempt).length;
  if (attempts > 0) {
    summary.push(
      `Bij ${formatCount(attempts)} ${attempts === 1 ? "registratie" : "registraties"} ging het om een poging.`,
    );
  }

  const perType = perTypeTable(p, {
    id: "per-soort",
    caption: `Registraties per soort in ${ctx.area.name}, ${label}, met de ${unit} ervoor en dezelfde ${unit} vorig jaar`,
    periodLabel: label,
  });
  const records = recordsTable(p, {
    id: "registraties",
    caption: `Registraties uit de selectie in ${ctx.area.name}, ${label}`,
    columns: ["id", "datum", "uur", "soort", "poging", "buurt"],
    note: RECORDS_NOTE,
  });

  return {
    ...documentHead(ctx, ID, `Incidentenrapport ${ctx.area.name}, ${label}`, "incident"),
    summary,
    sections: [
      perTypeSection(SECTIONS[0], p, perType),
      { id: "registraties", title: SECTIONS[1].title, blocks: [records] },
      buurtMapSection(SECTIONS[2], p, ctx),
      { id: "uitleg", title: SECTIONS[3].title, blocks: [explanationBlock(p, { place: "buurt" })] },
    ],
  };
}

/** The incidentenrapport with its selection read from `configDir` (default: the shipped config/). */
export function makeIncidentenrapport(opts: { configDir?: string } = {}): ProductDefinition<IncidentInput> {
  return incidentProduct(
    {
      id: ID,
      title: "(Twee)wekelijks incidentenrapport",
      description:
        "De afgesproken selectie van politieregistraties in de gemeente over een week (of maand): aantallen per soort, vergeleken met de week ervoor en dezelfde week vorig jaar, de losse registraties zonder personen en een kaart per buurt.",
      sections: SECTIONS,
      measures: [
        "aantal registraties per soort",
        "waarvan poging",
        "vorige week en dezelfde week vorig jaar",
        "losse registraties (kenmerk, uur, soort, buurt)",
        "registraties per buurt",
      ],
      levels: ["gemeente"],
      defaultLevel: "gemeente",
      periodKinds: ["week", "maand"],
      cadence: "wekelijks",
      audience: ["burgemeester", "teamchef", "politie-analist"],
      comparisons: ["vorige", "vorig-jaar"],
      build,
    },
    opts.configDir,
  );
}

export const incidentenrapport: ProductDefinition<IncidentInput> = makeIncidentenrapport();
