// The engine: definition × area × period × recipient → document, through the disclosure gate.
// The gate checks purpose, legal basis and policy for the product's sensitivity and area, the
// definition protects its data as the gate asks, the document is built from the protected data,
// and the register entry holds the document's hash before anything is returned.

import type { DisclosureFacts, Gate, Requester } from "../disclosure/disclosure-gate.ts";
import type { LegalBasisRegistry } from "../disclosure/legal-bases/legal-basis-registry.ts";
import { type AreaSummary, levelOfCbsCode } from "../domain/area.ts";
import { InputError } from "../domain/errors.ts";
import { lastCompleteMonth } from "../domain/time.ts";
import type { ProductDefinition, ProductStore } from "./product-definition.ts";
import { documentCellCount, type ProductDocument } from "./product-document.ts";
import { PERIOD_KIND_LABELS, type ProductPeriod } from "./product-period.ts";

export interface ProductRequest {
  requester: Requester;
  purpose: string | null;
  /** Area code (CBS gemeente/wijk/buurt, or a police area). */
  area: string;
  period: ProductPeriod;
  facts?: DisclosureFacts;
}

export interface ProductEngineDeps {
  store: ProductStore;
  gate: Gate;
  registry: LegalBasisRegistry;
  now: () => Date;
  /** Key for registration pseudonyms, for record-level products. */
  recordKey?: Uint8Array;
}

/** Finds the area (newest boundary year that has it); public reference data. */
export async function findArea(
  store: Pick<ProductStore, "listAreas">,
  code: string,
): Promise<AreaSummary | undefined> {
  // A CBS code says its level: read that level's list (not every buurt of the country).
  const level = levelOfCbsCode(code);
  const all = await store.listAreas(level ? { level } : {});
  return all.filter((a) => a.code === code).sort((a, b) => b.year - a.year)[0];
}

export async function runProduct<I>(
  deps: ProductEngineDeps,
  def: ProductDefinition<I>,
  req: ProductRequest,
): Promise<ProductDocument> {
  const area = await findArea(deps.store, req.area);
  if (!area) throw new InputError(`gebied ${req.area} is onbekend`, "--gebied");
  if (!def.levels.includes(area.level)) {
    throw new InputError(
      `${def.title} is er voor ${def.levels.join(", ")}; ${area.name} (${area.code}) is een ${area.level}`,
      "--gebied",
    );
  }
  if (!def.periodKinds.includes(req.period.kind)) {
    throw new InputError(
      `${def.title} gaat over een ${def.periodKinds.map((k) => PERIOD_KIND_LABELS[k]).join(" of ")}, niet over een ${PERIOD_KIND_LABELS[req.period.kind]}`,
      "--periode",
    );
  }
  const now = deps.now();
  const complete = lastCompleteMonth(now);
  if (req.period.to > complete && req.period.kind !== "dag" && req.period.kind !== "week") {
    throw new InputError(
      `${req.period.label} is nog niet voorbij: er zijn nog geen volledige cijfers`,
      "--periode",
    );
  }
  const ctx = { area, period: req.period, lastCompleteMonth: complete, now, recordKey: deps.recordKey };
  const r = await deps.gate.disclose(
    {
      requester: req.requester,
      purpose: req.purpose,
      what: def.id,
      areas: def.disclosedAreas ? await def.disclosedAreas(deps.store, ctx) : [area.code],
      period: req.period.id,
      sensitivity: def.sensitivity,
      facts: def.facts || req.facts ? { ...def.facts, ...req.facts } : undefined,
    },
    () => def.load(deps.store, ctx),
    {
      protect: (input, _obligations, table) => def.protect(deps.store, input, table, ctx),
      present: (input) => def.build(input, ctx),
      count: documentCellCount,
    },
  );
  const basis = deps.registry.bases.find((b) => b.id === r.legalBasis);
  return {
    ...r.data,
    disclosure: {
      legalBasis: r.legalBasis,
      legalBasisLabel: basis ? [basis.wet, basis.artikel].filter(Boolean).join(" ") : r.legalBasis,
      purpose: req.purpose ?? "",
      registerSeq: r.registerSeq,
      protection: protectionText(r.data),
    },
  };
}

/** What the table protection did to this document, in plain Dutch; null when nothing was withheld. */
function protectionText(doc: ProductDocument): string | null {
  let withheld = 0;
  for (const s of doc.sections)
    for (const b of s.blocks)
      if (b.kind === "table")
        for (const row of b.rows)
          for (const v of Object.values(row.cells)) if (typeof v === "object" && v !== null) withheld++;
  return withheld === 0
    ? null
    : `${withheld === 1 ? "Eén aantal is" : `${withheld} aantallen zijn`} afgeschermd: kleine aantallen, en wat je daaruit zou kunnen terugrekenen, worden niet getoond.`;
}
