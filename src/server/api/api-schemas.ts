// The shapes of the API (/api/v1/…) as zod schemas: the query and path parameters of every
// operation and every JSON answer exactly as the routes in src/server/routes/api-routes.ts make
// them today, plus the problem+json of every error (RFC 9457). The OpenAPI document
// (src/server/api/openapi.ts) is generated from these; the tests parse the real answers with them.
// Descriptions are Dutch: they are what a programmer at a gemeente or partner reads.

import { z } from "zod";
import { AREA_LEVELS, CBS_CODE } from "../../domain/area.ts";
import { SENSITIVITIES } from "../../domain/sensitivity.ts";
import { PRODUCT_FORMATS } from "../../render/product/render-product.ts";

/** The schemas that become components/schemas in the OpenAPI document, by their component name. */
export const apiComponents = z.registry<{ id: string }>();

/** Registers `schema` as component `id` and returns it. */
function component<T extends z.ZodType>(id: string, schema: T): T {
  apiComponents.add(schema, { id });
  return schema;
}

// ---- Shared pieces ----------------------------------------------------------------------------

const gemeenteCode = z
  .string()
  .regex(CBS_CODE.gemeente)
  .describe("CBS-code van de gemeente: GM en vier cijfers, bijvoorbeeld GM0344.");

/** A month as the number yyyymm, as the answers give it. */
const month = (description: string) => z.int().min(190001).max(999912).describe(description);

/** A month as asked in a query: JJJJ-MM (src/server/month-param.ts). */
const monthParam = (description: string) =>
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .describe(description);

const count = () => z.int().min(0);

// ---- Parameters -------------------------------------------------------------------------------

export const gemeentePathSchema = z.object({
  code: gemeenteCode.describe(
    "CBS-code van de gemeente: GM en vier cijfers, bijvoorbeeld GM0344. Een code in een andere vorm geeft 404.",
  ),
});

export const maandcijfersQuerySchema = z.object({
  van: monthParam("Eerste maand, als JJJJ-MM (bijvoorbeeld 2024-01)."),
  tot: monthParam(
    "Laatste maand, als JJJJ-MM; niet voor `van`. Voor de niet-open maandcijfers hooguit de laatste volledige maand.",
  ),
});

export const productPathSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .describe(
      "Het product uit de catalogus, bijvoorbeeld maandoverzicht. Een situatierapportage over één onderwerp heet situatierapportage-ONDERWERP, bijvoorbeeld situatierapportage-drugs. Een onbekend product geeft 404.",
    ),
});

export const productQuerySchema = z.object({
  gebied: z
    .string()
    .min(1)
    .describe(
      "Code van het gebied, bijvoorbeeld GM0344 (gemeente), WK034401 (wijk) of BU03440101 (buurt). Welk soort gebied kan, hangt af van het product.",
    ),
  periode: z
    .string()
    .regex(/^\d{4}(-(\d{2}|[Qq][1-4]|[Hh][12]|[Ww]\d{2}|\d{2}-\d{2}))?$/)
    .describe(
      "De periode: JJJJ-MM (maand), JJJJ-Qn (kwartaal), JJJJ-Hn (halfjaar), JJJJ (jaar), JJJJ-Www (week) of JJJJ-MM-DD (dag). Welke soort periode kan, hangt af van het product.",
    ),
  formaat: z
    .enum(PRODUCT_FORMATS)
    .default("json")
    .describe(
      "Het formaat van het antwoord. json (standaard) geeft het productdocument; de andere formaten geven een bestand. geojson alleen voor producten met een kaart.",
    ),
});

// ---- Answers: gemeenten and monthly figures ---------------------------------------------------

export const gemeenteSchema = component(
  "Gemeente",
  z
    .object({
      code: gemeenteCode,
      naam: z.string().describe("Naam van de gemeente."),
      jaar: z
        .int()
        .describe("Indelingsjaar: het jaar van de gemeentegrenzen waar deze code en naam bij horen."),
      inwoners: z
        .int()
        .min(0)
        .nullable()
        .describe("Aantal inwoners volgens het CBS (nieuwste bekende jaar), of null als dat niet bekend is."),
    })
    .describe("Een gemeente (openbare gegevens van het CBS)."),
);

export const gemeentenSchema = component(
  "Gemeenten",
  z
    .array(gemeenteSchema)
    .describe(
      "Alle gemeenten, per indelingsjaar: een gemeente die in meer jaren bestaat, staat er vaker in.",
    ),
);

export const maandcijferSchema = component(
  "Maandcijfer",
  z
    .object({
      maand: month("Maand als getal JJJJMM, bijvoorbeeld 202403 voor maart 2024."),
      inpCode: z
        .string()
        .describe("Soort misdrijf of incident: de INP-code van de politie, bijvoorbeeld 1.1.1."),
      aantal: count()
        .nullable()
        .describe(
          "Aantal registraties van deze soort in deze maand. null als de tabelbeveiliging het aantal afschermt.",
        ),
      pogingen: count()
        .nullable()
        .describe(
          "Hoeveel daarvan een poging waren. null als het aantal is afgeschermd, en altijd null als de tabelbeveiliging voor u geldt.",
        ),
    })
    .describe("Het aantal registraties van één soort in één maand."),
);

export const maandcijfersSchema = component(
  "Maandcijfers",
  z
    .array(maandcijferSchema)
    .describe(
      "Per maand en soort een rij. Zonder tabelbeveiliging heeft een soort zonder registraties in een maand geen rij. Met tabelbeveiliging heeft elke soort van de gemeente een rij voor elke gevraagde maand, ook met 0.",
    ),
);

export const openMaandcijferSchema = component(
  "OpenMaandcijfer",
  z
    .object({
      maand: month("Maand als getal JJJJMM, bijvoorbeeld 202403 voor maart 2024."),
      inpCode: z
        .string()
        .describe("Soort misdrijf of incident: de INP-code van de politie, bijvoorbeeld 1.1.1."),
      aantal: count().describe(
        "Aantal registraties, afgerond op een vijftal (zoals het CBS politiecijfers publiceert; config/tabelbeveiliging.json).",
      ),
      pogingen: count().describe("Hoeveel daarvan een poging waren, ook afgerond op een vijftal."),
    })
    .describe("Een afgerond aantal registraties van één soort in één maand (open data)."),
);

export const openMaandcijfersSchema = component(
  "OpenMaandcijfers",
  z
    .array(openMaandcijferSchema)
    .describe("Per maand en soort een rij; een soort zonder registraties in een maand heeft geen rij."),
);

// ---- Answers: the product document (src/products/product-document.ts) -------------------------

export const withheldSchema = component(
  "Afgeschermd",
  z
    .object({ afgeschermd: z.literal(true) })
    .describe(
      "Een aantal dat de tabelbeveiliging afschermt. Nooit 0 of leeg: zo ziet u dat het is afgeschermd.",
    ),
);

export const cellSchema = component(
  "Cel",
  z
    .union([z.number(), z.string(), z.null(), withheldSchema])
    .describe(
      "Een cel van een tabel: een getal, een tekst, null (geen waarde of niet van toepassing) of afgeschermd.",
    ),
);

export const columnSchema = component(
  "Kolom",
  z
    .object({
      key: z.string().describe("Naam van de kolom in de cellen van elke rij."),
      label: z.string().describe("Kop van de kolom, voor mensen."),
      type: z
        .enum(["text", "count", "percent", "rate", "p-value", "number"])
        .describe(
          "Wat de getallen zijn: text (tekst), count (aantal), percent (al keer 100), rate (per 1.000 inwoners), p-value of number.",
        ),
      decimals: z
        .int()
        .min(0)
        .optional()
        .describe("Aantal decimalen bij number, rate en percent (anders: rate 1, percent 0, number 2)."),
    })
    .describe("Een kolom van een tabel."),
);

export const rowSchema = component(
  "Rij",
  z
    .object({
      cells: z.record(z.string(), cellSchema).describe("De cellen, per kolomnaam (`key` van de kolom)."),
      depth: z.int().min(0).optional().describe("Hoe diep de rij inspringt in een indeling (0 = bovenaan)."),
      total: z.boolean().optional().describe("true voor een totaalrij."),
    })
    .describe("Een rij van een tabel."),
);

export const tableBlockSchema = component(
  "TabelBlok",
  z
    .object({
      kind: z.literal("table"),
      id: z.string().describe("Uniek in het document; de naam van het tabblad (XLSX) of bestand (CSV)."),
      caption: z.string().describe("Titel van de tabel."),
      columns: z.array(columnSchema),
      rows: z.array(rowSchema),
      note: z
        .string()
        .optional()
        .describe("Een zin onder de tabel, bijvoorbeeld de bron of hoe u hem leest."),
    })
    .describe("Een tabel."),
);

export const textBlockSchema = component(
  "TekstBlok",
  z
    .object({
      kind: z.literal("text"),
      paragraphs: z.array(z.string()).describe("Alinea's in gewone taal (duiding)."),
      author: z.string().optional().describe("Wie de tekst schreef, bij lokale kennis van mensen."),
    })
    .describe("Tekst bij de cijfers."),
);

export const chartBlockSchema = component(
  "GrafiekBlok",
  z
    .object({
      kind: z.literal("chart"),
      table: z
        .string()
        .describe("Id van de tabel in dit document die de grafiek tekent (ook de tekstversie)."),
      title: z.string().describe("Titel van de grafiek."),
      type: z.enum(["bar", "line"]).describe("bar (staven) of line (lijn)."),
      x: z.string().describe("Kolom met de categorieën of tijdstippen."),
      y: z.array(z.string()).describe("Kolommen die getekend worden, elk een reeks."),
    })
    .describe("Een grafiek van een tabel uit hetzelfde document."),
);

export const mapFeatureSchema = component(
  "KaartGebied",
  z
    .object({
      type: z.literal("Feature"),
      id: z.string().describe("Code van het gebied."),
      geometry: z
        .object({
          type: z.enum(["Polygon", "MultiPolygon", "Point"]),
          coordinates: z
            .unknown()
            .describe("Coördinaten in WGS84 (lengte, breedte), zoals GeoJSON (RFC 7946)."),
        })
        .describe("De vorm of plek van het gebied."),
      properties: z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
        .describe("Eigenschappen van het gebied, met de waarde die de kaart toont."),
    })
    .describe("Eén gebied op de kaart: een GeoJSON-feature (RFC 7946)."),
);

export const mapBlockSchema = component(
  "KaartBlok",
  z
    .object({
      kind: z.literal("map"),
      id: z.string().describe("Uniek in het document."),
      caption: z.string().describe("Titel van de kaart."),
      features: z.array(mapFeatureSchema),
      valueKey: z.string().describe("De eigenschap van elk gebied met de waarde die de kaart toont."),
      table: z
        .string()
        .optional()
        .describe("Id van de tabel met dezelfde waarden (de tekstversie van de kaart)."),
    })
    .describe("Een kaart."),
);

export const blockSchema = component(
  "Blok",
  z
    .discriminatedUnion("kind", [textBlockSchema, tableBlockSchema, chartBlockSchema, mapBlockSchema])
    .describe("Een onderdeel van een hoofdstuk: tekst, tabel, grafiek of kaart (`kind`)."),
);

export const sectionSchema = component(
  "Hoofdstuk",
  z
    .object({
      id: z.string().describe("Uniek in het document."),
      title: z.string().describe("Titel van het hoofdstuk."),
      blocks: z.array(blockSchema),
    })
    .describe("Een hoofdstuk van het product."),
);

export const documentDisclosureSchema = component(
  "Verstrekking",
  z
    .object({
      legalBasis: z.string().describe("Id van de grondslag, bijvoorbeeld wpg-19."),
      legalBasisLabel: z
        .string()
        .describe("De grondslag zoals mensen hem schrijven, bijvoorbeeld Wpg art. 19."),
      purpose: z.string().describe("Het doel waarvoor het product is gemaakt (het doel van het token)."),
      registerSeq: z.int().min(1).describe("Volgnummer van de regel in het verstrekkingenregister."),
      protection: z
        .string()
        .nullable()
        .describe("Wat de tabelbeveiliging deed, in gewone taal; null als niets is afgeschermd."),
    })
    .describe("Onder welke grondslag en voor welk doel het product is verstrekt."),
);

export const productDocumentSchema = component(
  "Productdocument",
  z
    .object({
      product: z.string().describe("Id van het product in de catalogus, bijvoorbeeld maandoverzicht."),
      title: z.string().describe("Titel van het product."),
      area: z
        .object({
          code: z.string().describe("Code van het gebied."),
          name: z.string().describe("Naam van het gebied."),
          level: z.enum(AREA_LEVELS).describe("Soort gebied."),
        })
        .describe("Het gebied van het product."),
      period: z
        .object({
          id: z.string().describe("De periode zoals gevraagd, bijvoorbeeld 2024-03 of 2024-Q1."),
          label: z.string().describe("De periode voor mensen, bijvoorbeeld maart 2024."),
          from: month("Eerste maand van de periode, als getal JJJJMM."),
          to: month("Laatste maand van de periode, als getal JJJJMM."),
        })
        .describe("De periode van het product."),
      sensitivity: z.enum(SENSITIVITIES).describe("Hoe gevoelig de gegevens zijn."),
      madeAt: z.iso.datetime().describe("Wanneer het product is gemaakt (ISO 8601, UTC)."),
      summary: z.array(z.string()).describe("Korte regels bovenaan: het belangrijkste in gewone taal."),
      sections: z.array(sectionSchema),
      disclosure: documentDisclosureSchema.optional(),
    })
    .describe(
      'Een product als document, voor elk formaat hetzelfde. Getallen blijven getallen; een afgeschermd aantal is { "afgeschermd": true }, nooit 0 of leeg.',
    ),
);

// ---- Errors -----------------------------------------------------------------------------------

export const problemSchema = component(
  "Probleem",
  z
    .object({
      type: z
        .string()
        .describe("Soort fout als URI; nu altijd about:blank: de titel en de status zeggen genoeg."),
      title: z.string().describe("Korte titel van de fout, voor mensen."),
      status: z.int().min(400).max(599).describe("De HTTP-status van het antwoord."),
      detail: z.string().optional().describe("Uitleg bij deze fout, voor mensen."),
    })
    .describe("Een fout volgens RFC 9457 (application/problem+json). Er staan geen gegevens in."),
);
