// Bestuurlijke rapportage (art. 16 Wpg): police information for an administrative measure
// (closure, Bibob, area ban) about one ADDRESS, at sensitivity "address": the registrations at
// that postcode and house number in the gemeente asked over the last N years, each with date,
// hour, type and the role of the address. No persons (those belong to sensitivity "person"), no
// free text, no modus operandi; the registration number replaced by a keyed pseudonym.
//
// The engine has no address parameter, so the address is part of the definition: the factory
// `bestuurlijkeRapportage({ postcode, huisnummer, maatregel, besluit })` makes one per request,
// stating the disclosure decision (besluit) in its facts, so the gate checks it and the register
// names it. The catalog entry `bestuurlijkeRapportageCatalogEntry` refuses with a plain message.
//
// The data path: load keeps only the registrations at the address (the rest of the gemeente is
// dropped at once); build turns every one of them into a ProtectedRecord (protectRecord,
// "address") before anything is shown, and shows only the chosen columns of it.

import { type ProtectedRecord, protectRecord } from "../../disclosure/record-protection/protect-record.ts";
import type { TableProtection } from "../../disclosure/table-protection/protection-rules.ts";
import { AccessDenied, InputError } from "../../domain/errors.ts";
import type { Registration } from "../../domain/registration.ts";
import { formatCount } from "../../render/format-nl.ts";
import { documentHead } from "../parts/document-head.ts";
import {
  dayLabelNl,
  dayNumber,
  fromDayNumber,
  hourParts,
  recordStoreOf,
  typeLabel,
} from "../parts/incident-records.ts";
import { recordKeyOf } from "../parts/record-key.ts";
import { chartOf } from "../parts/table-chart.ts";
import type { ProductContext, ProductDefinition, ProductStore } from "../product-definition.ts";
import type { ProductDocument, TableBlock } from "../product-document.ts";

export const BESTUURLIJKE_RAPPORTAGE_ID = "bestuurlijke-rapportage";
const ID = BESTUURLIJKE_RAPPORTAGE_ID;

/** The administrative measures the report is for, with how the report names them. */
export const MAATREGELEN = {
  sluiting: "sluiting van een pand (bijvoorbeeld artikel 13b Opiumwet of artikel 174a Gemeentewet)",
  bibob: "Bibob-onderzoek",
  gebiedsverbod: "gebiedsverbod",
} as const;
export type Maatregel = keyof typeof MAATREGELEN;

/** Default number of years looked back. */
export const DEFAULT_YEARS = 5;

export interface BestuurlijkeRapportageRequest {
  /** Postcode of the address, e.g. "9001AA" or "9001 aa". */
  postcode: string;
  /** House number with any addition, e.g. "12", "12A", "12-bis". */
  huisnummer: string;
  maatregel: Maatregel;
  /** Reference of the recorded disclosure decision (verstrekkingsbesluit). */
  besluit: string;
  /** Years looked back from the end of the period asked (default 5). */
  jaren?: number;
}

/** The registrations at the address (raw: only `build` reads them, through protectRecord). */
export interface AddressInput {
  registrations: Registration[];
  /** The days looked at (yyyymmdd, inclusive). */
  days: { from: number; to: number };
  /** INP codes left out by table protection. */
  withheldTypes: string[];
}

const SECTIONS = [
  { id: "adres", title: "Adres en maatregel" },
  { id: "per-soort", title: "Registraties per soort" },
  { id: "per-jaar", title: "Registraties per jaar" },
  { id: "registraties", title: "Registraties" },
  { id: "uitleg", title: "Hoe lees je deze rapportage?" },
] as const;

/** "9001 aa" → "9001AA"; null when it is no full Dutch postcode. */
export function normalPostcode(text: string): string | null {
  const t = text.replace(/\s+/g, "").toUpperCase();
  return /^[1-9]\d{3}[A-Z]{2}$/.test(t) ? t : null;
}

/** "12 a", "12-A", "12a" → "12A": only digits and letters, upper case. */
export function normalHouseNumber(text: string): string {
  return text.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

/** The role the address has in a registration: driehoek knows only where it happened. */
function addressRole(r: ProtectedRecord): string {
  return r.kind === "misdrijf" ? "plaats van het misdrijf" : "plaats van het incident";
}

/** The N years up to and including the last day of the period. */
export function yearsBefore(to: number, years: number): { from: number; to: number } {
  const sameDayEarlier = to - years * 10000;
  return { from: fromDayNumber(dayNumber(sameDayEarlier) + 1), to };
}

function check(req: BestuurlijkeRapportageRequest): {
  postcode: string;
  houseNumber: string;
  years: number;
} {
  const postcode = normalPostcode(req.postcode ?? "");
  if (!postcode) {
    throw new InputError(`postcode "${req.postcode}" klopt niet: gebruik 1234AB`, "--postcode");
  }
  const houseNumber = normalHouseNumber(req.huisnummer ?? "");
  if (!/^[1-9]\d*[A-Z0-9]*$/.test(houseNumber)) {
    throw new InputError(
      `huisnummer "${req.huisnummer}" klopt niet: gebruik een nummer met eventueel een toevoeging, zoals 12 of 12A`,
      "--huisnummer",
    );
  }
  if (!Object.hasOwn(MAATREGELEN, req.maatregel)) {
    throw new InputError(
      `maatregel "${req.maatregel}" bestaat niet; kies uit: ${Object.keys(MAATREGELEN).join(", ")}`,
      "--maatregel",
    );
  }
  if (typeof req.besluit !== "string" || req.besluit.trim() === "") {
    throw new InputError(
      "geef het kenmerk van het verstrekkingsbesluit op: zonder besluit geen bestuurlijke rapportage",
      "--besluit",
    );
  }
  const years = req.jaren ?? DEFAULT_YEARS;
  if (!Number.isInteger(years) || years < 1 || years > 10) {
    throw new InputError(`aantal jaren ${years} klopt niet: kies 1 tot en met 10`, "--jaren");
  }
  return { postcode, houseNumber, years };
}

const ENTRY = {
  id: ID,
  title: "Bestuurlijke rapportage (art. 16 Wpg)",
  description:
    "Politie-informatie over één adres voor een bestuurlijke maatregel (sluiting, Bibob, gebiedsverbod): de registraties op dat adres in de laatste jaren, met datum, soort en de rol van het adres. Zonder personen en zonder beschrijving.",
  sections: SECTIONS,
  measures: [
    "registraties op het adres (kenmerk, datum, uur, soort, poging, rol van het adres)",
    "aantal per soort",
    "aantal per jaar",
  ],
  levels: ["gemeente"],
  defaultLevel: "gemeente",
  periodKinds: ["dag", "maand", "jaar"],
  cadence: "op-verzoek",
  audience: ["burgemeester", "teamchef", "politie-analist"],
  sensitivity: "address",
} as const satisfies Partial<ProductDefinition>;

/** Table protection on single records: types withheld are left out; a minimum or rounding cannot be met. */
function protect(_store: ProductStore, input: AddressInput, table: TableProtection): Promise<AddressInput> {
  if (table.minimum > 1 || (table.roundTo ?? 1) > 1) {
    return Promise.reject(
      new AccessDenied(
        "een bestuurlijke rapportage bestaat uit losse registraties: die kunnen niet worden afgeschermd of afgerond zoals de tabelbeveiliging vraagt",
        ID,
      ),
    );
  }
  const withhold = new Set(table.withholdTypes ?? []);
  if (withhold.size === 0) return Promise.resolve(input);
  const left = new Set<string>();
  const registrations = input.registrations.filter((r) => {
    if (r.inpCode !== null && withhold.has(r.inpCode)) {
      left.add(r.inpCode);
      return false;
    }
    return true;
  });
  return Promise.resolve({
    ...input,
    registrations,
    withheldTypes: [...new Set([...input.withheldTypes, ...left])].sort(),
  });
}

/**
 * The Bestuurlijke rapportage about one address, for one administrative measure under one
 * recorded disclosure decision.
 * @throws InputError when the postcode, house number, measure or decision is missing or wrong.
 */
export function bestuurlijkeRapportage(req: BestuurlijkeRapportageRequest): ProductDefinition<AddressInput> {
  const { postcode, houseNumber, years } = check(req);
  const besluit = req.besluit.trim();
  const maatregel = MAATREGELEN[req.maatregel];
  const addressLabel = `${postcode.slice(0, 4)} ${postcode.slice(4)}, huisnummer ${houseNumber}`;

  async function load(productStore: ProductStore, ctx: ProductContext): Promise<AddressInput> {
    const store = recordStoreOf(productStore, ID);
    if (ctx.area.level !== "gemeente") {
      throw new InputError("een bestuurlijke rapportage wordt per gemeente gegeven", "--gebied");
    }
    const days = yearsBefore(ctx.period.days.to, years);
    const all = await store.registrations({
      area: ctx.area.code,
      level: "gemeente",
      fromDay: days.from,
      toDay: days.to,
    });
    // Only this address; everything else of the gemeente is dropped here.
    const registrations = all.filter(
      (r) =>
        r.postcode !== null &&
        r.houseNumber !== null &&
        normalPostcode(r.postcode) === postcode &&
        normalHouseNumber(r.houseNumber) === houseNumber,
    );
    return { registrations, days, withheldTypes: [] };
  }

  function build(input: AddressInput, ctx: ProductContext): ProductDocument {
    const key = recordKeyOf(ctx, ID);
    // Record protection first, always: nothing below reads a raw registration.
    const records = input.registrations
      .map((r) => protectRecord(r, "address", { key, buurtCentre: () => null }))
      // Only the address asked, whatever input build is given.
      .filter(
        (r) =>
          normalPostcode(r.postcode ?? "") === postcode &&
          normalHouseNumber(r.houseNumber ?? "") === houseNumber,
      )
      .sort((a, b) => a.startsAtHour.localeCompare(b.startsAtHour) || a.id.localeCompare(b.id));
    const window = `${dayLabelNl(input.days.from)} tot en met ${dayLabelNl(input.days.to)}`;
    const n = records.length;

    const perType = new Map<string, { count: number; attempts: number }>();
    const perYear = new Map<number, number>();
    for (const r of records) {
      const code = r.inpCode ?? "onbekend";
      const t = perType.get(code) ?? { count: 0, attempts: 0 };
      t.count++;
      if (r.attempt) t.attempts++;
      perType.set(code, t);
      const year = Number(r.startsAtHour.slice(0, 4));
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
    }
    const typeTable: TableBlock = {
      kind: "table",
      id: "per-soort",
      caption: `Registraties per soort op ${addressLabel}, ${window}`,
      columns: [
        { key: "soort", label: "Soort", type: "text" },
        { key: "code", label: "Code", type: "text" },
        { key: "aantal", label: "Aantal", type: "count" },
        { key: "pogingen", label: "Waarvan poging", type: "count" },
      ],
      rows: [...perType.entries()]
        .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0], "en", { numeric: true }))
        .map(([code, t]) => ({
          cells: {
            soort: typeLabel(code === "onbekend" ? null : code),
            code: code === "onbekend" ? null : code,
            aantal: t.count,
            pogingen: t.attempts,
          },
        })),
      note: `Totaal: ${formatCount(n)}.`,
    };
    const firstYear = Math.floor(input.days.from / 10000);
    const lastYear = Math.floor(input.days.to / 10000);
    const yearTable: TableBlock = {
      kind: "table",
      id: "per-jaar",
      caption: `Registraties per jaar op ${addressLabel}`,
      columns: [
        { key: "jaar", label: "Jaar", type: "text" },
        { key: "aantal", label: "Aantal", type: "count" },
      ],
      rows: Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i).map((y) => ({
        cells: { jaar: String(y), aantal: perYear.get(y) ?? 0 },
      })),
      note: `${firstYear} en ${lastYear} tellen alleen mee vanaf ${dayLabelNl(input.days.from)} en tot en met ${dayLabelNl(input.days.to)}.`,
    };
    const recordsTable: TableBlock = {
      kind: "table",
      id: "registraties",
      caption: `Registraties op ${addressLabel}, ${window}`,
      columns: [
        { key: "id", label: "Kenmerk", type: "text" },
        { key: "datum", label: "Datum", type: "text" },
        { key: "uur", label: "Tijd (hele uur)", type: "text" },
        { key: "soort", label: "Soort", type: "text" },
        { key: "poging", label: "Poging", type: "text" },
        { key: "rol", label: "Rol van het adres", type: "text" },
      ],
      rows: records.map((r) => {
        const { date, hour } = hourParts(r.startsAtHour);
        return {
          cells: {
            id: r.id,
            datum: date,
            uur: hour,
            soort: typeLabel(r.inpCode),
            poging: r.attempt ? "ja" : "nee",
            rol: addressRole(r),
          },
        };
      }),
      note: "Kenmerk: een code in plaats van het registratienummer. Tijd: het hele uur waarin het begon.",
    };

    const summary = [
      n === 0
        ? `Op ${addressLabel} in ${ctx.area.name} staan van ${window} geen registraties van de politie.`
        : `Op ${addressLabel} in ${ctx.area.name} staan van ${window} ${formatCount(n)} ${n === 1 ? "registratie" : "registraties"} van de politie.`,
      `Voor: ${maatregel}. Verstrekkingsbesluit: ${besluit}.`,
    ];
    const explanation = [
      "Deze rapportage is voor de voorbereiding van een bestuurlijke maatregel van de burgemeester (artikel 16 Wet politiegegevens). Gebruik haar alleen daarvoor.",
      "Er staan alleen registraties in die de politie op dit adres heeft vastgelegd, in deze gemeente. Een registratie zonder adres, of op een ander adres in hetzelfde pand, staat er niet in.",
      "Rol van het adres: driehoek weet alleen waar iets gebeurde. Of iemand op dit adres woont of werkt, staat er niet in.",
      "Om de mensen achter een registratie te beschermen staan er geen namen, geen beschrijving en geen werkwijze in. Het kenmerk is een code in plaats van het registratienummer: de politie kan de registratie ermee terugvinden, een ander niet.",
      "Een registratie is geen bewijs: het is wat de politie heeft vastgelegd. Vraag de politie om een toelichting als u een maatregel overweegt.",
    ];
    if (input.withheldTypes.length > 0) {
      explanation.push(
        `Deze soorten zijn afgeschermd en staan er niet in: ${input.withheldTypes.map((c) => typeLabel(c).toLowerCase()).join("; ")}.`,
      );
    }

    return {
      ...documentHead(ctx, ID, `Bestuurlijke rapportage ${addressLabel}, ${ctx.area.name}`, "address"),
      summary,
      sections: [
        {
          id: "adres",
          title: SECTIONS[0].title,
          blocks: [
            {
              kind: "text",
              paragraphs: [
                `Adres: ${addressLabel}, gemeente ${ctx.area.name}.`,
                `Maatregel: ${maatregel}.`,
                `Verstrekkingsbesluit: ${besluit}.`,
                `Periode: ${window} (${years} jaar).`,
              ],
            },
          ],
        },
        {
          id: "per-soort",
          title: SECTIONS[1].title,
          blocks: n > 0 ? [chartOf(typeTable, "bar", "soort", ["aantal"]), typeTable] : [typeTable],
        },
        { id: "per-jaar", title: SECTIONS[2].title, blocks: [yearTable] },
        { id: "registraties", title: SECTIONS[3].title, blocks: [recordsTable] },
        { id: "uitleg", title: SECTIONS[4].title, blocks: [{ kind: "text", paragraphs: explanation }] },
      ],
    };
  }

  return {
    ...ENTRY,
    facts: { decision: besluit, touchesPublicOrder: true, criminalEnforcement: false },
    load,
    protect,
    build,
  };
}

/** Why the catalog entry cannot be made without an address and a decision. */
export const NEEDS_ADDRESS =
  "De bestuurlijke rapportage gaat over één adres en hoort bij één verstrekkingsbesluit. Geef de postcode, het huisnummer, de maatregel (sluiting, bibob of gebiedsverbod) en het kenmerk van het besluit op.";

function needsAddress(): never {
  throw new InputError(NEEDS_ADDRESS, "--adres");
}

/**
 * The catalog entry: describes the product; making it without an address refuses with a plain
 * message (before the gate is asked, and again in load).
 */
export const bestuurlijkeRapportageCatalogEntry: ProductDefinition<AddressInput> = {
  ...ENTRY,
  facts: { touchesPublicOrder: true, criminalEnforcement: false },
  disclosedAreas: async () => needsAddress(),
  load: async () => needsAddress(),
  protect,
  build: () => needsAddress(),
};
