// The API, version 1 (/api/v1/…): JSON for programs, with a short-lived bearer token
// (`driehoek token`). Every answer passes the same gate as the web pages, as the token's user and
// for the token's purpose; errors are application/problem+json (RFC 9457). The OpenAPI document
// (/api/v1/openapi.json, src/server/api/openapi.ts) describes every operation; keep it in step.

import { type Context, Hono } from "hono";
import { alreadyPublic, type Gate } from "../../disclosure/disclosure-gate.ts";
import type { LegalBasisRegistry } from "../../disclosure/legal-bases/legal-basis-registry.ts";
import { requesterFor } from "../../disclosure/store-gate.ts";
import { SHOW_ALL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { protectCounts } from "../../disclosure/table-protection/protect-counts.ts";
import { CBS_CODE } from "../../domain/area.ts";
import { AccessDenied, InputError } from "../../domain/errors.ts";
import { addMonths, lastCompleteMonth } from "../../domain/time.ts";
import { productById } from "../../products/catalog.ts";
import type { ProductDocument } from "../../products/product-document.ts";
import { type ProductPeriod, parsePeriod } from "../../products/product-period.ts";
import { runProduct } from "../../products/run-product.ts";
import { isProductFormat, renderProduct } from "../../render/product/render-product.ts";
import type { MonthlyCount } from "../../store/store.ts";
import { API_VERSION, openApiJson } from "../api/openapi.ts";
import type { PageStore } from "../app.ts";
import { type ApiVariables, apiToken, problem } from "../middleware/api-token/api-token.ts";
import { parseMonthParam } from "../month-param.ts";
import type { ProductRouteDeps } from "./product-routes.tsx";

export interface ApiDeps {
  store: PageStore;
  gate: Gate;
  now: () => Date;
  apiTokenKey?: Uint8Array;
  /** Products (`/producten/{id}`): the engine's store, registry and printer. */
  registry?: LegalBasisRegistry;
  products?: ProductRouteDeps["products"];
}

export function apiRoutes(deps: ApiDeps): Hono<{ Variables: ApiVariables }> {
  const api = new Hono<{ Variables: ApiVariables }>();
  // The full version on every answer, the 401s of the token check included.
  api.use("*", async (c, next) => {
    await next();
    c.header("API-Version", API_VERSION);
  });
  // Deny by default: every path, the OpenAPI document too, needs a valid token.
  api.use(
    "*",
    apiToken({
      key: deps.apiTokenKey,
      loadRequester: (id) => requesterFor(deps.store, id).catch(() => null),
      now: deps.now,
    }),
  );
  // No trailing slashes (API design rules): "/gemeenten/" is not "/gemeenten". A 404, not a
  // redirect, as the OpenAPI document says.
  api.use("*", async (c, next) => {
    if (c.req.path.endsWith("/"))
      return problem(
        404,
        "Niet gevonden",
        "Een adres in de API eindigt niet op een /. Laat de / aan het eind weg.",
      );
    return next();
  });

  // The OpenAPI 3.1 document of this API, generated from the zod schemas (src/server/api/).
  api.get("/openapi.json", (c) => c.body(openApiJson(), 200, { "Content-Type": "application/json" }));

  api.get("/gemeenten", async (c) => {
    const { data } = await deps.gate.disclose(
      {
        requester: c.get("requester"),
        purpose: c.get("apiPurpose") ?? null,
        what: "gemeenten",
        areas: [],
        period: null,
        sensitivity: "open",
        source: "openbaar",
      },
      () => deps.store.listAreas({ level: "gemeente" }),
      { protect: alreadyPublic },
    );
    return c.json(data.map((a) => ({ code: a.code, naam: a.name, jaar: a.year, inwoners: a.population })));
  });

  api.get("/gemeenten/:code/maandcijfers", async (c) => {
    const asked = countsQuery(c);
    if (asked instanceof Response) return asked;
    const { code, from, to } = asked;
    const latest = lastCompleteMonth(deps.now());
    if (to > latest) return problem(400, "Ongeldige periode", "Tot is hooguit de laatste volledige maand.");
    let withheld = false;
    const { data } = await deps.gate.disclose(
      {
        requester: c.get("requester"),
        purpose: c.get("apiPurpose") ?? null,
        what: "maandcijfers",
        areas: [code],
        period: `${c.req.query("van")}/${c.req.query("tot")}`,
        sensitivity: "aggregated",
      },
      async () => ({
        rows: await deps.store.monthlyCounts({
          area: code,
          level: "gemeente",
          fromMonth: 190001,
          toMonth: latest,
        }),
        shown: SHOW_ALL,
      }),
      {
        protect: (d, o, table) => {
          withheld = table.minimum > 1;
          return protectCounts(deps.store, code, latest)(d, o, table);
        },
        count: (d) => d.rows.filter((r) => r.month >= from && r.month <= to).length,
      },
    );
    // Under table protection every type the area ever had gets a row for every month asked, 0
    // included: a missing row would tell a 0 that the page may withhold.
    const byKey = new Map(data.rows.map((r) => [`${r.inpCode.trim()}|${r.month}`, r]));
    const codes = withheld
      ? [
          ...new Set(data.rows.filter((r) => r.month <= to && r.count > 0).map((r) => r.inpCode.trim())),
        ].sort()
      : [];
    const rows = withheld
      ? codes.flatMap((code) => {
          const out: MonthlyCount[] = [];
          for (let m = from; m <= to; m = addMonths(m, 1)) {
            out.push(byKey.get(`${code}|${m}`) ?? { month: m, inpCode: code, count: 0, attempts: 0 });
          }
          return out;
        })
      : data.rows.filter((r) => r.month >= from && r.month <= to);
    return c.json(
      rows.map((r) => {
        const shown = data.shown(r.inpCode, r.month, r.month);
        return {
          maand: r.month,
          inpCode: r.inpCode,
          aantal: shown ? r.count : null,
          // Attempts are counts too; with table protection they are not given.
          pogingen: shown && !withheld ? r.attempts : null,
        };
      }),
    );
  });

  // Open data: every count rounded to a multiple of 5 (as CBS publishes police figures), for any
  // role and area; what the legal basis "open-data" and config/tabelbeveiliging.json ask.
  api.get("/open/gemeenten/:code/maandcijfers", async (c) => {
    const asked = countsQuery(c);
    if (asked instanceof Response) return asked;
    const { code, from, to } = asked;
    const { data } = await deps.gate.disclose(
      {
        requester: c.get("requester"),
        purpose: c.get("apiPurpose") ?? null,
        what: "maandcijfers-open",
        areas: [code],
        period: `${c.req.query("van")}/${c.req.query("tot")}`,
        sensitivity: "open",
      },
      () => deps.store.monthlyCounts({ area: code, level: "gemeente", fromMonth: from, toMonth: to }),
      {
        protect: (rows, _o, table) => {
          const r = table.roundTo ?? 1;
          if (r <= 1)
            throw new AccessDenied("Open cijfers worden hier alleen afgerond gegeven.", "maandcijfers-open");
          return rows.map((x) => ({ ...x, count: roundTo(x.count, r), attempts: roundTo(x.attempts, r) }));
        },
      },
    );
    return c.json(
      data.map((r) => ({ maand: r.month, inpCode: r.inpCode, aantal: r.count, pogingen: r.attempts })),
    );
  });

  // A catalog product for an area and period, as JSON (the document) or a file in another format:
  // the agreements' channel "api". Made through the gate as the token's user, a register entry each.
  api.get("/producten/:id", async (c) => {
    const products = deps.products;
    if (!products || !deps.registry) return problem(404, "Niet gevonden");
    const def = productById(c.req.param("id"));
    if (!def) return problem(404, "Onbekend product", `${c.req.param("id")} staat niet in de catalogus.`);
    const format = c.req.query("formaat") ?? "json";
    if (!isProductFormat(format))
      return problem(400, "Onbekend formaat", "Kies html, pdf, xlsx, csv, geojson of json.");
    if (format === "pdf" && !products.pdf) return problem(503, "Geen PDF", "Deze server kan geen PDF maken.");
    let period: ProductPeriod;
    try {
      period = parsePeriod(c.req.query("periode") ?? "");
    } catch (err) {
      return problem(400, "Ongeldige periode", (err as Error).message);
    }
    let doc: ProductDocument;
    try {
      doc = await runProduct(
        {
          store: products.store,
          gate: deps.gate,
          registry: deps.registry,
          now: deps.now,
          recordKey: products.recordKey,
        },
        def,
        {
          requester: c.get("requester"),
          purpose: c.get("apiPurpose") ?? null,
          area: (c.req.query("gebied") ?? "").trim().toUpperCase(),
          period,
        },
      );
    } catch (err) {
      if (err instanceof InputError) return problem(400, "Product niet te maken", err.message);
      throw err;
    }
    if (format === "json") return c.json(doc);
    const file = await renderProduct(doc, format, { pdf: await products.pdf?.() });
    c.header("Content-Disposition", `attachment; filename="${file.fileName}"`);
    return c.body(new Uint8Array(file.content), 200, { "Content-Type": file.mediaType });
  });

  api.all("*", () => problem(404, "Niet gevonden"));
  api.onError((err) => {
    if (err instanceof AccessDenied) return problem(403, "Geen toegang", err.message);
    console.error(err);
    return problem(500, "Er ging iets mis");
  });
  return api;
}

/** The nearest multiple of `base` (halves up), as CBS rounds published counts. */
export function roundTo(value: number, base: number): number {
  return Math.floor(value / base + 0.5) * base;
}

/** The gemeente and months of a counts request, or the problem to answer. */
function countsQuery(c: Context): { code: string; from: number; to: number } | Response {
  const code = c.req.param("code") ?? "";
  if (!CBS_CODE.gemeente.test(code))
    return problem(404, "Onbekende gemeente", `${code} is geen gemeentecode.`);
  const from = parseMonthParam(c.req.query("van") ?? "");
  const to = parseMonthParam(c.req.query("tot") ?? "");
  if (from === null || to === null || from > to) {
    return problem(400, "Ongeldige periode", "Geef van en tot als JJJJ-MM, van niet na tot.");
  }
  return { code, from, to };
}
