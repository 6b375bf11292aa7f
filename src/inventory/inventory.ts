// One gemeente's inventory of its information position (the regional mayors' inventory of 2016,
// "Hoofdpunten inventarisatie per regio", per gemeente and per product): for every product of the
// catalog whether the gemeente receives it, how often, whether it wants it (and how often), how
// satisfied it is, and a note. Field names are Dutch, as in the file a gemeente fills in
// (docs/voorbeeld-inventaris.json). Who filled it in and when is not in the file: the store keeps
// that with every version (author, savedAt).

import { z } from "zod";
import { InputError } from "../domain/errors.ts";
import { CATALOG_ENTRIES, type CatalogEntry } from "./catalog-entries.ts";

export const RECEIVES = ["ja", "nee", "deels"] as const;
export type Receives = (typeof RECEIVES)[number];
export const WANTS = ["ja", "nee"] as const;
export type Wants = (typeof WANTS)[number];

/** How often a product comes (or should come), with the words used in sentences. */
export const FREQUENCY_LABELS = {
  dagelijks: "elke dag",
  wekelijks: "elke week",
  tweewekelijks: "elke twee weken",
  maandelijks: "elke maand",
  "per-kwartaal": "elk kwartaal",
  "drie-keer-per-jaar": "drie keer per jaar",
  halfjaarlijks: "elk half jaar",
  jaarlijks: "elk jaar",
  vierjaarlijks: "elke vier jaar",
  "per-driehoeksoverleg": "voor elk driehoeksoverleg",
  "op-verzoek": "op verzoek",
} as const;
export type Frequency = keyof typeof FREQUENCY_LABELS;
export const FREQUENCIES = Object.keys(FREQUENCY_LABELS) as [Frequency, ...Frequency[]];

/** The answer about one product. */
export interface ProductAnswer {
  ontvangt: Receives;
  /** How often it comes now; null when it does not come. */
  frequentie: Frequency | null;
  gewenst: Wants;
  /** How often the gemeente wants it; null: no preference (or as it comes now). */
  gewensteFrequentie: Frequency | null;
  /** 1 (very dissatisfied) to 5 (very satisfied); null: no opinion, or not received. */
  tevredenheid: number | null;
  toelichting: string;
}

export interface Inventory {
  /** CBS code of the gemeente, e.g. "GM9001" (optional in the file; checked against --gemeente). */
  gemeente?: string;
  /** A general note. */
  toelichting: string;
  /** One answer per catalog entry, by product id. */
  producten: Record<string, ProductAnswer>;
}

const choice = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? "ontbreekt"
        : `${what} is ${orList(values.map((v) => `"${v}"`))}, niet ${JSON.stringify(iss.input)}`,
  });

const frequency = z
  .enum(FREQUENCIES, {
    error: (iss) =>
      `onbekende frequentie ${JSON.stringify(iss.input)}; kies uit ${FREQUENCIES.join(", ")} (of null)`,
  })
  .nullable()
  .default(null);

const answer = z
  .strictObject({
    ontvangt: choice(RECEIVES, "ontvangt"),
    frequentie: frequency,
    gewenst: choice(WANTS, "gewenst"),
    gewensteFrequentie: frequency,
    tevredenheid: z
      .int({ error: "tevredenheid is een heel getal van 1 tot en met 5, of null (geen oordeel)" })
      .min(1, { error: "tevredenheid is ten minste 1" })
      .max(5, { error: "tevredenheid is ten hoogste 5" })
      .nullable()
      .default(null),
    toelichting: z.string({ error: "toelichting is tekst" }).default(""),
  })
  .superRefine((a, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (a.ontvangt !== "nee" && a.frequentie === null)
      problem("frequentie", "u krijgt dit product (ja of deels): zeg hoe vaak");
    if (a.ontvangt === "nee" && a.frequentie !== null)
      problem("frequentie", "u krijgt dit product niet: laat de frequentie leeg (null)");
    if (a.ontvangt === "nee" && a.tevredenheid !== null)
      problem("tevredenheid", "u krijgt dit product niet: geef dan geen tevredenheid (null)");
    if (a.gewenst === "nee" && a.gewensteFrequentie !== null)
      problem("gewensteFrequentie", "u wilt dit product niet: laat de gewenste frequentie leeg (null)");
  });

const productIds = CATALOG_ENTRIES.map((e) => e.id);

const inventorySchema = z.strictObject({
  gemeente: z
    .string({ error: "gemeente is een code als GM0344" })
    .regex(/^GM\d{4}$/, { error: "gemeente is een code als GM0344" })
    .optional(),
  toelichting: z.string({ error: "toelichting is tekst" }).default(""),
  producten: z.strictObject(Object.fromEntries(productIds.map((id) => [id, answer])), {
    error: (iss) => (iss.input === undefined ? "ontbreekt: geef per product een antwoord" : undefined),
  }),
});

/** A message names at most this many problems (and how many more there are). */
const MAX_PROBLEMS_SHOWN = 10;

/** One problem in an inventory: the field path ("producten.gebiedsscan.ontvangt") and what is wrong. */
export interface InventoryProblem {
  path: string;
  message: string;
}

export type InventoryResult =
  | { ok: true; inventory: Inventory }
  | { ok: false; problems: InventoryProblem[] };

/** Checks an inventory (parsed JSON); every problem names its field. */
export function checkInventory(json: unknown): InventoryResult {
  const r = inventorySchema.safeParse(json, { error: dutchIssue });
  if (r.success) return { ok: true, inventory: r.data as Inventory };
  return {
    ok: false,
    problems: r.error.issues.map((iss) => ({ path: iss.path.map(String).join("."), message: iss.message })),
  };
}

/**
 * The inventory in a file's text.
 * @throws InputError naming `source` and the field(s) when it is no JSON or does not fit.
 */
export function parseInventory(text: string, source: string): Inventory {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`geen geldige JSON: ${(err as Error).message}`, source);
  }
  const r = checkInventory(json);
  if (r.ok) return r.inventory;
  const [first, ...rest] = r.problems;
  if (first && rest.length === 0) throw new InputError(first.message, source, null, first.path || null);
  const shown = r.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `${p.path || "(bestand)"}: ${p.message}`);
  const more = r.problems.length - shown.length;
  throw new InputError(
    `${r.problems.length} fouten: ${shown.join("; ")}${more > 0 ? `; en nog ${more}` : ""}`,
    source,
  );
}

/** The catalog entries an inventory answers about, in catalog order, with the answers. */
export function answersInOrder(
  inventory: Inventory,
): { entry: CatalogEntry; answer: ProductAnswer | undefined }[] {
  return CATALOG_ENTRIES.map((entry) => ({ entry, answer: inventory.producten[entry.id] }));
}

/** Messages for what the schema does not say itself. */
function dutchIssue(iss: z.core.$ZodRawIssue): string | undefined {
  const last = iss.path?.[iss.path.length - 1];
  if (iss.code === "unrecognized_keys") {
    const keys = iss.keys.map((k) => `"${k}"`).join(", ");
    if (iss.path?.length === 1 && iss.path[0] === "producten")
      return `onbekend product ${keys}; kies uit ${productIds.join(", ")}`;
    return `onbekend veld ${keys}`;
  }
  if (iss.code === "invalid_type" && iss.input === undefined) {
    const entry = CATALOG_ENTRIES.find((e) => e.id === last);
    return entry && iss.path?.length === 2
      ? `ontbreekt: geef ook een antwoord over ${entry.title}`
      : "ontbreekt";
  }
  if (iss.code === "invalid_type" && iss.expected === "object") return "hier hoort een object ({ … })";
  return undefined;
}

function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} of ${items.at(-1)}`;
}
