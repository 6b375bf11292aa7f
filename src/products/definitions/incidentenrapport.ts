// (Twee)wekelijks incidentenrapport: the agreed selection of registrations in a gemeente for a
// week (or a month), as single records protected at sensitivity "incident" (no persons, free text
// or modus operandi; buurt centre; whole hour; pseudonym). Counts per type against the week before
// and the same week last year, the records, and a map of the buurten.
// The selection is data: config/incidentselectie.json, key "incidentenrapport".

import { DEFAULT_CONFIG_DIR } from "../../disclosure/config-file.ts";
import { formatCount } from "../../render/format-nl.ts";
import {
  buurtMap,
  comparisonLines,
  explanationBlock,
  type IncidentInput,
  loadIncidents,
  perTypeTable,
  protectIncidents,
  protectIncidentTable,
  recordsTable,
  topTypesText,
  unfinishedLine,
} from "../parts/incident-records.ts";
import { readIncidentSelection } from "../parts/incident-selection.ts";
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

  const summary: string[] = [];
  const unfinished = unfinishedLine(ctx);
  if (unfinished) summary.push(unfinished);
  summary.push(
    n === 0
      ? `In ${label} staan er in ${ctx.area.name} geen registraties uit de afgesproken selectie.`
      : `In ${label} staan er in ${ctx.area.name} ${formatCount(n)} ${n === 1 ? "registratie" : "registraties"} uit de afgesproken selectie.`,
  );
  summary.push(...comparisonLines(p, "registraties uit de selectie"));
  const top = topTypesText(p);
  if (top) summary.push(`Het meest: ${top}.`);
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
    note: "Kenmerk: een code in plaats van het registratienummer. Tijd: het hele uur waarin het begon.",
  });
  const { map, table: perBuurt } = buurtMap(p, {
    mapId: "kaart",
    tableId: "per-buurt",
    caption: `Registraties per buurt in ${ctx.area.name}, ${label} (stip in het midden van de buurt)`,
    tableCaption: `Registraties per buurt in ${ctx.area.name}, ${label}`,
  });

  return {
    product: ID,
    title: `Incidentenrapport ${ctx.area.name}, ${label}`,
    area: { code: ctx.area.code, name: ctx.area.name, level: ctx.area.level },
    period: { id: ctx.period.id, label, from: ctx.period.from, to: ctx.period.to },
    sensitivity: "incident",
    madeAt: ctx.now.toISOString(),
    summary,
    sections: [
      {
        id: "per-soort",
        title: SECTIONS[0].title,
        blocks: [
          {
            kind: "chart",
            table: perType.id,
            title: perType.caption,
            type: "bar",
            x: "soort",
            y: ["aantal", ...p.comparisons.map((c) => c.kind)],
          },
          perType,
        ],
      },
      { id: "registraties", title: SECTIONS[1].title, blocks: [records] },
      { id: "kaart", title: SECTIONS[2].title, blocks: [map, perBuurt] },
      { id: "uitleg", title: SECTIONS[3].title, blocks: [explanationBlock(p, { place: "buurt" })] },
    ],
  };
}

/** The incidentenrapport with its selection read from `configDir` (default: the shipped config/). */
export function makeIncidentenrapport(opts: { configDir?: string } = {}): ProductDefinition<IncidentInput> {
  const configDir = opts.configDir ?? DEFAULT_CONFIG_DIR;
  return {
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
    sensitivity: "incident",
    load: async (store, ctx) =>
      loadIncidents(store, ctx, {
        product: ID,
        selection: readIncidentSelection("incidentenrapport", configDir),
        comparisons: ["vorige", "vorig-jaar"],
      }),
    protect: async (_store, input, table) => protectIncidentTable(input, table),
    build,
  };
}

export const incidentenrapport: ProductDefinition<IncidentInput> = makeIncidentenrapport();
