// The OpenAPI 3.1 document of the API (/api/v1/openapi.json), generated from the zod schemas in
// api-schemas.ts with zod's JSON Schema output (draft 2020-12, the dialect of OpenAPI 3.1). Every
// operation lists the answers it really gives; every error is application/problem+json.

import { z } from "zod";
import { CATALOG } from "../../products/catalog.ts";
import { MEDIA_TYPES, type ProductFormat } from "../../render/product/render-product.ts";
import {
  apiComponents,
  gemeentenSchema,
  gemeentePathSchema,
  maandcijfersQuerySchema,
  maandcijfersSchema,
  openMaandcijfersSchema,
  problemSchema,
  productDocumentSchema,
  productPathSchema,
  productQuerySchema,
} from "./api-schemas.ts";

/** The full version of the API: the `API-Version` header of every answer and info.version. */
export const API_VERSION = "1.0.0";

/** Where the API is mounted; the document's only server. */
export const API_BASE = "/api/v1";

const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

type JsonSchema = Record<string, unknown>;

/** One operation of the API, as the document describes it. */
export interface ApiOperation {
  method: "get";
  /** Path under API_BASE, with {parameters}. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  /** The 200 answer: JSON (a registered component, or plain JSON Schema) and/or files by format. */
  ok: {
    description: string;
    json: z.ZodType | JsonSchema;
    files?: Record<Exclude<ProductFormat, "json">, string>;
  };
  /** The error statuses this operation really gives, with what they mean here. */
  errors: Partial<Record<400 | 401 | 403 | 404 | 503, string>>;
}

const UNAUTHORIZED =
  "Geen token, of het token is verlopen, vervalst of van een geblokkeerde gebruiker. Maak een nieuw token met `driehoek token`.";
const FORBIDDEN =
  "De poort weigert: de gebruiker van het token mag deze gegevens niet zien voor het doel van het token (rol, gebied, grondslag of beleid). `detail` zegt waarom.";

const FILE_FORMATS: Record<Exclude<ProductFormat, "json">, string> = {
  html: "Het product als webpagina (alles in één bestand).",
  pdf: "Het product als PDF. Alleen als de server PDF kan maken; anders 503.",
  xlsx: "De tabellen van het product als Excel-bestand, één tabblad per tabel.",
  csv: "De tabel van het product als CSV (UTF-8).",
  geojson: "De kaart van het product als GeoJSON (RFC 7946); alleen voor producten met een kaart.",
};

/** Every operation of the API, in the order of the document. */
export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    method: "get",
    path: "/gemeenten",
    operationId: "gemeenten",
    summary: "Lijst van gemeenten",
    description:
      "Alle gemeenten met hun CBS-code, naam, indelingsjaar en aantal inwoners. Dit zijn openbare gegevens.",
    ok: { description: "De gemeenten.", json: gemeentenSchema },
    errors: { 401: UNAUTHORIZED, 403: FORBIDDEN },
  },
  {
    method: "get",
    path: "/gemeenten/{code}/maandcijfers",
    operationId: "maandcijfers",
    summary: "Maandcijfers van één gemeente",
    description:
      "Het aantal registraties per maand en soort misdrijf of incident in één gemeente. Ontvangers buiten de politie krijgen cijfers met tabelbeveiliging: kleine aantallen (en wat ze zou verraden) zijn null, en pogingen zijn altijd null.",
    pathParams: gemeentePathSchema,
    query: maandcijfersQuerySchema,
    ok: { description: "De maandcijfers.", json: maandcijfersSchema },
    errors: {
      400: "`van` of `tot` ontbreekt of klopt niet, `van` ligt na `tot`, of `tot` ligt na de laatste volledige maand.",
      401: UNAUTHORIZED,
      403: FORBIDDEN,
      404: "`code` is geen gemeentecode (GM en vier cijfers).",
    },
  },
  {
    method: "get",
    path: "/open/gemeenten/{code}/maandcijfers",
    operationId: "openMaandcijfers",
    summary: "Open maandcijfers van één gemeente",
    description:
      "Het aantal registraties per maand en soort in één gemeente, elk aantal afgerond op een vijftal (zoals het CBS politiecijfers publiceert). Voor elke gemeente en elke rol die cijfers mag zien.",
    pathParams: gemeentePathSchema,
    query: maandcijfersQuerySchema,
    ok: { description: "De afgeronde maandcijfers.", json: openMaandcijfersSchema },
    errors: {
      400: "`van` of `tot` ontbreekt of klopt niet, of `van` ligt na `tot`.",
      401: UNAUTHORIZED,
      403: FORBIDDEN,
      404: "`code` is geen gemeentecode (GM en vier cijfers).",
    },
  },
  {
    method: "get",
    path: "/producten/{id}",
    operationId: "product",
    summary: "Een product voor een gebied en periode",
    description: `Maakt een product uit de catalogus voor een gebied en periode, als de gebruiker van het token het mag krijgen voor het doel van het token. Elk product komt in het verstrekkingenregister. Producten: ${CATALOG.map((d) => d.id).join(", ")}.`,
    pathParams: productPathSchema,
    query: productQuerySchema,
    ok: {
      description:
        "Het product: het productdocument als JSON (`formaat=json`), of een bestand in het gevraagde formaat.",
      json: productDocumentSchema,
      files: FILE_FORMATS,
    },
    errors: {
      400: "Onbekend `formaat`, een `periode` die niet klopt, of een product dat zo niet te maken is (onbekend gebied, verkeerd soort gebied of periode).",
      401: UNAUTHORIZED,
      403: FORBIDDEN,
      404: "Onbekend product, of deze server geeft geen producten.",
      503: "Deze server kan geen PDF maken (`formaat=pdf`).",
    },
  },
  {
    method: "get",
    path: "/openapi.json",
    operationId: "openapi",
    summary: "Dit document",
    description: "De beschrijving van de API volgens OpenAPI 3.1. Ook hiervoor is een token nodig.",
    ok: {
      description: "Het OpenAPI-document.",
      json: {
        type: "object",
        description: "Een document volgens OpenAPI 3.1 (https://spec.openapis.org/oas/v3.1.1).",
      },
    },
    errors: { 401: UNAUTHORIZED },
  },
];

const INFO_DESCRIPTION = `Met deze API halen programma's gegevens uit driehoek: dezelfde gegevens als in de webapp, door dezelfde poort.

- **Token.** Elke vraag heeft een token nodig, ook de vraag om dit document. Maak het token op de server met \`driehoek token --als GEBRUIKER --doel DOEL\`. Stuur het mee als \`Authorization: Bearer TOKEN\`. Een token geldt voor één gebruiker en één doel, en hooguit een uur.
- **Dezelfde poort.** Elke vraag gaat door dezelfde poort als de webapp: als de gebruiker van het token, voor het doel van het token. Elke verstrekking komt in het verstrekkingenregister.
- **Versie.** Elk antwoord heeft de header \`API-Version\` met de volledige versie (nu ${API_VERSION}). Het pad heeft alleen het hoofdnummer: \`${API_BASE}\`.
- **Fouten** zijn JSON volgens RFC 9457 (\`application/problem+json\`), zonder gegevens.
- **Geen schuine streep aan het eind.** Een pad dat eindigt op \`/\` bestaat niet. driehoek geeft dan 404 (problem+json), geen doorverwijzing. Zonder geldig token eerst 401.`;

const problemContent = { "application/problem+json": { schema: { $ref: ref(problemSchema) } } };
const apiVersionHeader = { "API-Version": { $ref: "#/components/headers/API-Version" } };

/** The `$ref` of a registered schema. */
function ref(schema: z.ZodType): string {
  const id = apiComponents.get(schema)?.id;
  if (!id) throw new Error("schema is geen component");
  return `#/components/schemas/${id}`;
}

/**
 * JSON Schema as OpenAPI 3.1 wants it inside the document: no `$schema`/`$id` per schema (the
 * document names the dialect once); answers stay open to fields added later (a client ignores
 * what it does not know), so `additionalProperties: false` of zod objects goes; a date-time is its
 * format, without zod's long pattern.
 */
const override: NonNullable<Parameters<typeof z.toJSONSchema>[1]>["override"] = (ctx) => {
  const s = ctx.jsonSchema as JsonSchema;
  if (s.additionalProperties === false) delete s.additionalProperties;
  if (s.format === "date-time") delete s.pattern;
};

function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiComponents, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
    override,
  });
  return Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, clean(s as JsonSchema)]));
}

/** One parameter per field of a path or query schema, as a request gives it (io "input"). */
function parameters(where: "path" | "query", shape: z.ZodObject | undefined): JsonSchema[] {
  if (!shape) return [];
  const json = z.toJSONSchema(shape, { target: "draft-2020-12", io: "input", override }) as {
    properties: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties).map(([name, { description, ...schema }]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    description,
    schema,
  }));
}

function operationObject(op: ApiOperation): JsonSchema {
  const okContent: Record<string, unknown> = {};
  const json = op.ok.json;
  okContent["application/json"] = { schema: json instanceof z.ZodType ? { $ref: ref(json) } : json };
  for (const [format, description] of Object.entries(op.ok.files ?? {})) {
    okContent[MEDIA_TYPES[format as ProductFormat]] = { schema: { type: "string", description } };
  }
  const okHeaders: Record<string, unknown> = { ...apiVersionHeader };
  if (op.ok.files)
    okHeaders["Content-Disposition"] = {
      description: "Bij een bestand (elk formaat behalve json): attachment met de voorgestelde bestandsnaam.",
      schema: { type: "string" },
    };
  const responses: Record<string, unknown> = {
    200: { description: op.ok.description, headers: okHeaders, content: okContent },
  };
  for (const [status, description] of Object.entries(op.errors)) {
    responses[status] = { description, headers: apiVersionHeader, content: problemContent };
  }
  const params = [...parameters("path", op.pathParams), ...parameters("query", op.query)];
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    ...(params.length > 0 ? { parameters: params } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the API. */
export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) {
    paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  }
  return {
    openapi: "3.1.1",
    jsonSchemaDialect: JSON_SCHEMA_DIALECT,
    info: {
      title: "driehoek API",
      version: API_VERSION,
      description: INFO_DESCRIPTION,
      license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
    },
    servers: [{ url: API_BASE, description: "Deze server, versie 1 van de API." }],
    security: [{ token: [] }],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        token: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description:
            "Een kortlevend token (hooguit een uur) voor één gebruiker en één doel. Maak het op de server met `driehoek token --als GEBRUIKER --doel DOEL [--geldig SECONDEN]` en stuur het mee als `Authorization: Bearer TOKEN`.",
        },
      },
      headers: {
        "API-Version": {
          description:
            "De volledige versie van de API die antwoordt, bijvoorbeeld 1.0.0. Staat op elk antwoord.",
          required: true,
          schema: { type: "string", const: API_VERSION },
        },
      },
    },
  };
}

let built: string | undefined;

/** The document as JSON text, made once. */
export function openApiJson(): string {
  built ??= JSON.stringify(buildOpenApiDocument());
  return built;
}
