// Dagelijks algemeen operationeel beeld: a compact, anonymised picture of the larger incidents of
// one day in a whole police unit (eenheid). Counts per type (against the day before and the same
// day last year) and per gemeente and type, and the records with only their pseudonym, hour, type
// and gemeente: no buurt, wijk or point, so no map.
// The selection is data: config/incidentselectie.json, key "operationeel-beeld".

import { formatCount } from "../../render/format-nl.ts";
import { documentHead } from "../parts/document-head.ts";
import { incidentProduct, incidentSummary, perTypeSection, RECORDS_NOTE } from "../parts/incident-product.ts";
import {
  explanationBlock,
  type IncidentInput,
  type ProtectedIncidents,
  perTypeTable,
  protectIncidents,
  recordsTable,
  typeLabel,
} from "../parts/incident-records.ts";
import type { ProductContext, ProductDefinition } from "../product-definition.ts";
import type { Cell, Column, ProductDocument, Row, TableBlock } from "../product-document.ts";

const ID = "operationeel-beeld";

const SECTIONS = [
  { id: "per-soort", title: "Per soort" },
  { id: "per-gemeente", title: "Per gemeente" },
  { id: "registraties", title: "Registraties" },
  { id: "uitleg", title: "Hoe lees je dit beeld?" },
] as const;

const typeKey = (code: string) => `soort_${code.replaceAll(".", "_")}`;

/** Gemeenten × types of the selection, with a total column and a total row. */
function perGemeenteTable(p: ProtectedIncidents, caption: string): TableBlock {
  const codes = p.selection.inpCodes;
  const count = new Map<string, number>();
  for (const r of p.records) {
    const k = `${r.gemeente}|${r.inpCode}`;
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const withRecords = new Set(p.records.map((r) => r.gemeente));
  const gemeenten = p.gemeenten.filter((g) => g.current || withRecords.has(g.code));
  const columns: Column[] = [
    { key: "gemeente", label: "Gemeente", type: "text" },
    ...codes.map((c): Column => ({ key: typeKey(c), label: typeLabel(c), type: "count" })),
    { key: "totaal", label: "Totaal", type: "count" },
  ];
  const row = (label: string, of: (code: string) => number, total = false): Row => {
    const cells: Record<string, Cell> = { gemeente: label };
    let all = 0;
    for (const c of codes) {
      const v = of(c);
      cells[typeKey(c)] = v;
      all += v;
    }
    cells.totaal = all;
    return total ? { cells, total } : { cells };
  };
  const rows = gemeenten.map((g) => row(g.name, (c) => count.get(`${g.code}|${c}`) ?? 0));
  rows.push(
    row(
      "Totaal",
      (c) => p.records.filter((r) => r.inpCode === c && gemeenten.some((g) => g.code === r.gemeente)).length,
      true,
    ),
  );
  return { kind: "table", id: "per-gemeente", caption, columns, rows };
}

function build(input: IncidentInput, ctx: ProductContext): ProductDocument {
  // Record protection first, always, and without buurt, wijk or point.
  const p = protectIncidents(input, ctx, "gemeente");
  const label = ctx.period.label;
  const n = p.records.length;
  const unitName = `eenheid ${ctx.area.name}`;

  const touched = new Set(p.records.map((r) => r.gemeente)).size;
  const current = p.gemeenten.filter((g) => g.current).length;
  const summary = incidentSummary(
    p,
    ctx,
    n === 0
      ? `Op ${label} zijn er in ${unitName} geen grotere incidenten geregistreerd.`
      : `Op ${label} ${n === 1 ? "is er" : "zijn er"} in ${unitName} ${formatCount(n)} ${n === 1 ? "groter incident" : "grotere incidenten"} geregistreerd, in ${formatCount(touched)} van de ${formatCount(current)} gemeenten.`,
    "grotere incidenten",
  );

  const perType = perTypeTable(p, {
    id: "per-soort",
    caption: `Grotere incidenten per soort in ${unitName}, ${label}`,
    periodLabel: label,
  });
  const perGemeente = perGemeenteTable(
    p,
    `Grotere incidenten per gemeente en soort in ${unitName}, ${label}`,
  );
  const records = recordsTable(p, {
    id: "registraties",
    caption: `Grotere incidenten in ${unitName}, ${label}`,
    columns: ["id", "uur", "soort", "gemeente"],
    note: RECORDS_NOTE,
  });

  return {
    ...documentHead(ctx, ID, `Operationeel beeld ${unitName}, ${label}`, "incident"),
    summary,
    sections: [
      perTypeSection(SECTIONS[0], p, perType),
      { id: "per-gemeente", title: SECTIONS[1].title, blocks: [perGemeente] },
      { id: "registraties", title: SECTIONS[2].title, blocks: [records] },
      { id: "uitleg", title: SECTIONS[3].title, blocks: [explanationBlock(p, { place: "gemeente" })] },
    ],
  };
}

/** The operationeel beeld with its selection read from `configDir` (default: the shipped config/). */
export function makeOperationeelBeeld(opts: { configDir?: string } = {}): ProductDefinition<IncidentInput> {
  return incidentProduct(
    {
      id: ID,
      title: "Dagelijks algemeen operationeel beeld",
      description:
        "Een kort, geanonimiseerd beeld van de grotere incidenten van één dag in de hele eenheid: aantallen per soort en per gemeente, en de incidenten met alleen kenmerk, uur, soort en gemeente.",
      sections: SECTIONS,
      measures: [
        "aantal grotere incidenten per soort",
        "vorige dag en dezelfde dag vorig jaar",
        "aantal per gemeente en soort",
        "losse incidenten (kenmerk, uur, soort, gemeente)",
      ],
      levels: ["eenheid", "district", "basisteam"],
      defaultLevel: "eenheid",
      periodKinds: ["dag"],
      cadence: "dagelijks",
      audience: ["teamchef", "districtschef", "politie-analist"],
      comparisons: ["vorige", "vorig-jaar"],
      build,
    },
    opts.configDir,
  );
}

export const operationeelBeeld: ProductDefinition<IncidentInput> = makeOperationeelBeeld();
