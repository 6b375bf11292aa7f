// Burgemeestersrapportage: the mayor's own bundle, as agreed locally — chosen sections of other
// products in one document. Each part runs its own load, protect and build; the bundle goes
// through the gate once, at the highest sensitivity of its parts, for every area any part shows.
//
// Protection, so that no part shows more in the bundle than it would alone:
//  - a part is protected with the table protection the gate asks for the bundle, except that types
//    left out below the gemeente (withholdTypes) are left out only of a part that itself shows an
//    area below the gemeente (as the protection rules decide for a product alone); a part whose
//    table then asks nothing is not protected, as the gate would not ask it to be;
//  - figures (open, aggregated) and single records (incident and up) are protected in different
//    ways (records have no minimum; figures have no record protection), and the gate asks one
//    protection for the bundle's sensitivity: so a bundle holds either only figures or only
//    records, never both.
//
// Ids: every section id is prefixed with its product id ("woninginbraakmonitor-per-maand"), and so
// are table and map ids (and the references of charts and maps to them), so they stay unique.

import type { DisclosureFacts } from "../../disclosure/disclosure-gate.ts";
import type { TableProtection } from "../../disclosure/table-protection/protection-rules.ts";
import { type AreaLevel, levelOfCbsCode } from "../../domain/area.ts";
import { InputError } from "../../domain/errors.ts";
import { SENSITIVITIES, type Sensitivity } from "../../domain/sensitivity.ts";
import type { ProductContext, ProductDefinition, ProductStore } from "../product-definition.ts";
import type { Block, ProductDocument, Section } from "../product-document.ts";
import type { PeriodKind } from "../product-period.ts";
import { maandoverzicht } from "./maandoverzicht.ts";
import { woninginbraakmonitor } from "./woninginbraakmonitor.ts";

const ID = "burgemeestersrapportage";
const FILE = "burgemeestersrapportage";

/** One part of the bundle: a product and (optionally) which of its sections, in this order. */
export interface BundlePart {
  product: string;
  /** Section ids of the product; absent: all of them. */
  sections?: readonly string[];
}

// biome-ignore lint/suspicious/noExplicitAny: each part has its own input type
type AnyDefinition = ProductDefinition<any>;

export interface BundleInput {
  parts: {
    product: string;
    /** The areas this part shows figures of (its own disclosedAreas). */
    areas: string[];
    input: unknown;
  }[];
}

const level = (s: Sensitivity) => SENSITIVITIES.indexOf(s);
const RECORDS_FROM = level("incident");

/** The highest of the sensitivities. */
export function highestSensitivity(list: readonly Sensitivity[]): Sensitivity {
  return list.reduce((a, b) => (level(b) > level(a) ? b : a), "open" as Sensitivity);
}

/**
 * The facts that hold for the whole bundle: for figures nothing is needed; for records a fact holds
 * only when every part with records states it (criminalEnforcement false, touchesPublicOrder and
 * localAgreement true, one and the same decision or convenant). Undefined otherwise, so the gate
 * assumes nothing.
 */
export function bundleFacts(
  defs: readonly Pick<AnyDefinition, "sensitivity" | "facts">[],
): DisclosureFacts | undefined {
  const records = defs.filter((d) => level(d.sensitivity) >= RECORDS_FROM);
  if (records.length === 0) return undefined;
  const all = <K extends keyof DisclosureFacts>(k: K): DisclosureFacts[K] | undefined => {
    const values = records.map((d) => d.facts?.[k]);
    const first = values[0];
    return first !== undefined && first !== null && values.every((v) => v === first) ? first : undefined;
  };
  const facts: DisclosureFacts = {};
  if (all("criminalEnforcement") === false) facts.criminalEnforcement = false;
  if (all("touchesPublicOrder") === true) facts.touchesPublicOrder = true;
  if (all("localAgreement") === true) facts.localAgreement = true;
  const decision = all("decision");
  if (decision) facts.decision = decision;
  const convenant = all("convenant");
  if (convenant) facts.convenant = convenant;
  return Object.keys(facts).length > 0 ? facts : undefined;
}

/** Whether the areas include one below the gemeente (wijk, buurt, postcode area). */
const belowGemeente = (areas: readonly string[]) =>
  areas.some((a) => {
    const l = levelOfCbsCode(a);
    return l === "wijk" || l === "buurt" || l === "pc4";
  });

/** The table protection for one part: the bundle's, without types left out below the gemeente when it shows none. */
export function partProtection(table: TableProtection, areas: readonly string[]): TableProtection {
  if (belowGemeente(areas) || !table.withholdTypes) return table;
  const { withholdTypes: _left, ...rest } = table;
  return rest;
}

/** Whether a table protection asks anything (as the gate decides whether to call protect). */
const asks = (t: TableProtection) =>
  t.minimum > 1 || (t.roundTo ?? 1) > 1 || (t.withholdTypes?.length ?? 0) > 0;

function intersect<T>(lists: readonly (readonly T[])[]): T[] {
  const [first = [], ...rest] = lists;
  return first.filter((x) => rest.every((l) => l.includes(x)));
}

/** A block with its ids (and references to ids) prefixed. */
function prefixBlock(block: Block, prefix: string): Block {
  switch (block.kind) {
    case "table":
      return { ...block, id: `${prefix}-${block.id}` };
    case "chart":
      return { ...block, table: `${prefix}-${block.table}` };
    case "map":
      return {
        ...block,
        id: `${prefix}-${block.id}`,
        ...(block.table ? { table: `${prefix}-${block.table}` } : {}),
      };
    default:
      return block;
  }
}

/**
 * A Burgemeestersrapportage of these parts, made with these definitions (passed in, so this module
 * needs no catalog).
 * @throws InputError when a product or section is unknown or twice in it, when the parts have no
 *   level or period kind in common, or when it mixes figures with single records.
 */
export function burgemeestersrapportage(
  parts: readonly BundlePart[],
  definitions: readonly AnyDefinition[],
): ProductDefinition<BundleInput> {
  if (parts.length === 0)
    throw new InputError("een burgemeestersrapportage heeft minstens één onderdeel", FILE);
  const chosen = parts.map((part) => {
    if (part.product === ID)
      throw new InputError("een burgemeestersrapportage kan zichzelf niet bevatten", FILE);
    const def = definitions.find((d) => d.id === part.product);
    if (!def) {
      throw new InputError(
        `product "${part.product}" bestaat niet; er zijn: ${definitions.map((d) => d.id).join(", ")}`,
        FILE,
      );
    }
    const known = def.sections.map((s) => s.id);
    const ids = part.sections ? [...part.sections] : known;
    if (ids.length === 0) throw new InputError(`kies minstens één onderdeel van ${def.title}`, FILE);
    for (const id of ids) {
      if (!known.includes(id)) {
        throw new InputError(`${def.title} heeft geen onderdeel "${id}"; wel: ${known.join(", ")}`, FILE);
      }
    }
    if (new Set(ids).size !== ids.length) {
      throw new InputError(`een onderdeel van ${def.title} staat er twee keer in`, FILE);
    }
    return { def, sections: ids, whole: !part.sections };
  });
  const products = chosen.map((c) => c.def.id);
  if (new Set(products).size !== products.length) {
    throw new InputError("een product staat er twee keer in; kies de onderdelen in één regel", FILE);
  }
  const defs = chosen.map((c) => c.def);
  const withRecords = defs.filter((d) => level(d.sensitivity) >= RECORDS_FROM);
  if (withRecords.length > 0 && withRecords.length < defs.length) {
    throw new InputError(
      `cijfers en losse registraties kunnen niet in één bundel: die worden anders beveiligd. Maak twee bundels (losse registraties: ${withRecords.map((d) => d.title).join(", ")})`,
      FILE,
    );
  }
  const levels = intersect<AreaLevel>(defs.map((d) => d.levels));
  if (levels.length === 0) throw new InputError("de producten hebben geen gebiedsniveau gemeen", FILE);
  const periodKinds = intersect<PeriodKind>(defs.map((d) => d.periodKinds));
  if (periodKinds.length === 0) throw new InputError("de producten hebben geen soort periode gemeen", FILE);
  const sensitivity = highestSensitivity(defs.map((d) => d.sensitivity));
  const facts = bundleFacts(defs);
  const cadences = new Set(defs.map((d) => d.cadence));

  const sections = chosen.flatMap(({ def, sections: ids }) =>
    ids.map((id) => ({
      id: `${def.id}-${id}`,
      title: `${def.title}: ${def.sections.find((s) => s.id === id)?.title ?? id}`,
    })),
  );

  const areasOf = async (def: AnyDefinition, store: ProductStore, ctx: ProductContext) =>
    def.disclosedAreas ? await def.disclosedAreas(store, ctx) : [ctx.area.code];

  async function disclosedAreas(store: ProductStore, ctx: ProductContext): Promise<string[]> {
    const all: string[] = [];
    for (const def of defs) all.push(...(await areasOf(def, store, ctx)));
    return [...new Set(all)];
  }

  async function load(store: ProductStore, ctx: ProductContext): Promise<BundleInput> {
    const out: BundleInput["parts"] = [];
    for (const def of defs) {
      out.push({ product: def.id, areas: await areasOf(def, store, ctx), input: await def.load(store, ctx) });
    }
    return { parts: out };
  }

  async function protect(
    store: ProductStore,
    input: BundleInput,
    table: TableProtection,
    ctx: ProductContext,
  ): Promise<BundleInput> {
    const out: BundleInput["parts"] = [];
    for (const [i, part] of input.parts.entries()) {
      const def = defs[i] as AnyDefinition;
      const own = partProtection(table, part.areas);
      out.push({ ...part, input: asks(own) ? await def.protect(store, part.input, own, ctx) : part.input });
    }
    return { parts: out };
  }

  function build(input: BundleInput, ctx: ProductContext): ProductDocument {
    const docs = chosen.map(({ def }, i) => def.build(input.parts[i]?.input, ctx));
    const summary: string[] = [];
    const docSections: Section[] = [];
    for (const [i, { def, sections: ids, whole }] of chosen.entries()) {
      const doc = docs[i] as ProductDocument;
      // A part's summary may speak of any of its sections: only when the whole product is chosen.
      if (whole) for (const line of doc.summary) summary.push(`${def.title}: ${line}`);
      for (const id of ids) {
        // A section a document leaves out for this recipient (e.g. weeks for the police only) stays out.
        const s = doc.sections.find((x) => x.id === id);
        if (!s) continue;
        docSections.push({
          id: `${def.id}-${s.id}`,
          title: `${def.title}: ${s.title}`,
          blocks: s.blocks.map((b) => prefixBlock(b, def.id)),
        });
      }
    }
    const first = docs[0] as ProductDocument;
    return {
      product: ID,
      title: `Burgemeestersrapportage ${ctx.area.name}, ${ctx.period.label}`,
      area: first.area,
      period: first.period,
      sensitivity,
      madeAt: ctx.now.toISOString(),
      summary,
      sections: docSections,
    };
  }

  return {
    id: ID,
    title: "Burgemeestersrapportage",
    description: `De eigen bundel van de burgemeester, zoals lokaal afgesproken: ${chosen.map((c) => c.def.title).join(", ")}.`,
    sections,
    measures: [...new Set(defs.flatMap((d) => d.measures))],
    levels,
    defaultLevel: levels.includes(defs[0]?.defaultLevel as AreaLevel)
      ? (defs[0]?.defaultLevel as AreaLevel)
      : (levels[0] as AreaLevel),
    periodKinds,
    cadence: cadences.size === 1 ? (defs[0]?.cadence ?? "op-verzoek") : "op-verzoek",
    audience: ["burgemeester"],
    sensitivity,
    ...(facts ? { facts } : {}),
    disclosedAreas,
    load,
    protect,
    build,
  };
}

/** The default bundle: the whole Maandoverzicht and the main parts of the Woninginbrakenmonitor. */
export const DEFAULT_BUNDLE: readonly BundlePart[] = [
  { product: "maandoverzicht" },
  { product: "woninginbraakmonitor", sections: ["per-maand", "gebieden", "herhaling", "uitleg"] },
];

export const defaultBurgemeestersrapportage: ProductDefinition<BundleInput> = burgemeestersrapportage(
  DEFAULT_BUNDLE,
  [maandoverzicht, woninginbraakmonitor],
);
