// The trends explorer (GET /trends?gebied=…&soort=…&van=YYYY-MM&tot=YYYY-MM&vergelijk=…): one type
// (or all) in one area (gemeente, wijk, buurt or police area) over a period of months, with the
// change against a year earlier or the 5-year average and its test, the trend, the pattern through
// the year, unusual months and (for a gemeente) similar gemeenten. A GET form that works without
// JavaScript; htmx swaps only the results section and puts the query in the address bar.
//
// The data: one read through the gate as the logged-in user for the session's purpose (one
// register entry per page, with the hash of the figures the page shows), protected as every other
// figure of the area is (trend-data.ts); other gemeenten only as rounded open data. Area names and
// the classification are public reference data, read directly like the product pages do.

import type { Context, Hono } from "hono";
import { html } from "hono/html";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Gate } from "../../disclosure/disclosure-gate.ts";
import { AREA_LEVEL_LABELS, type AreaSummary } from "../../domain/area.ts";
import { AccessDenied } from "../../domain/errors.ts";
import { compareInpCodes, inpPath } from "../../domain/inp-tree.ts";
import { lastCompleteMonth } from "../../domain/time.ts";
import { findArea } from "../../products/run-product.ts";
import { monthParam } from "../../render/format-nl.ts";
import {
  ErrorSummary,
  Refusal,
  ResultsSection,
  TrendResults,
  TrendsPage,
  type TypeOption,
} from "../../render/trends/trends-view.tsx";
import type { Store } from "../../store/store.ts";
import type { AuthVariables } from "../middleware/authentication/authentication.ts";
import type { Session } from "../middleware/session/session-store.ts";
import { sendPage } from "../pages.tsx";
import { areaChoices } from "../trends/area-choices.ts";
import {
  isTrendLevel,
  loadTrendData,
  peersInput,
  protectTrendData,
  type TrendLevel,
  type TrendStore,
} from "../trends/trend-data.ts";
import { buildTrendModel, peersYear, type TrendModel } from "../trends/trend-model.ts";
import {
  FIELD_LABELS,
  type FieldError,
  parseTrendParams,
  type TrendFormValues,
} from "../trends/trend-params.ts";
import { ownArea } from "./product-routes.tsx";

export interface TrendRouteDeps {
  store: TrendStore & Pick<Store, "classification">;
  gate: Gate;
  now: () => Date;
}

type Env = { Variables: AuthVariables };

const TITLE = "Trends";

/** The INP types in a classification read, in tree order, with their level-1 group (kept per read). */
const typesOf = new WeakMap<object, TypeOption[]>();
async function typeOptions(store: Pick<Store, "classification">): Promise<TypeOption[]> {
  const rows = await store.classification();
  // The store shares its rows (frozen); the first row stands for the read.
  const key = rows[0];
  const kept = key ? typesOf.get(key) : undefined;
  if (kept) return kept;
  const out: TypeOption[] = [];
  for (const code of new Set(rows.map((r) => r.inpCode.trim()))) {
    const path = inpPath(code);
    if (path) out.push({ code, label: path.l3.label, group: path.l1.label });
  }
  out.sort((a, b) => compareInpCodes(a.code, b.code));
  if (key && Object.isFrozen(key)) typesOf.set(key, out);
  return out;
}

/** Only the results section, for htmx; like a page, not stored in caches. */
function sendFragment(c: Context<Env>, body: Child, status: ContentfulStatusCode) {
  c.header("Cache-Control", "no-store");
  c.header("Vary", "HX-Request");
  return c.html(html`${body}`, status);
}

export function registerTrendRoutes(app: Hono<Env>, deps: TrendRouteDeps): void {
  app.get("/trends", async (c) => {
    const latest = lastCompleteMonth(deps.now());
    const types = await typeOptions(deps.store);
    // htmx asks for the results only (it swaps the results section); a history restore wants all.
    const fragment =
      c.req.header("HX-Request") === "true" && c.req.header("HX-History-Restore-Request") !== "true";
    // The form's suggestions only where the form is sent.
    const areas = fragment
      ? []
      : await areaChoices(deps.store, c.get("requester")?.organisation?.authority ?? []);
    const parsed = parseTrendParams(c.req.query(), {
      latest,
      ownArea: ownArea(c.get("requester")),
      types: new Set(types.map((t) => t.code)),
    });
    const page = (
      values: TrendFormValues,
      results: Child,
      status: ContentfulStatusCode,
      errors?: FieldError[],
    ) =>
      fragment
        ? sendFragment(c, <ResultsSection>{results}</ResultsSection>, status)
        : sendPage(
            c,
            TITLE,
            <TrendsPage form={{ values, types, max: monthParam(latest), errors, areas }} results={results} />,
            status,
            { htmx: true },
          );
    const invalid = (values: TrendFormValues, errors: FieldError[]) =>
      page(values, <ErrorSummary errors={errors} />, 400, errors);

    if (!parsed.ok) return invalid(parsed.values, parsed.errors);
    const { params, values } = parsed;
    const area = await findArea(deps.store, params.area);
    if (!area)
      return invalid(values, [
        {
          field: "gebied",
          message: `${FIELD_LABELS.gebied}: ${params.area} kennen we niet. Vul de code van een gebied in, bijvoorbeeld GM0363 voor een gemeente.`,
        },
      ]);
    if (!isTrendLevel(area.level))
      return invalid(values, [
        {
          field: "gebied",
          message: `${FIELD_LABELS.gebied}: ${area.name} is een ${AREA_LEVEL_LABELS[area.level]}. Trends zijn er voor een gemeente, wijk, buurt, basisteam, district of eenheid; vul de code daarvan in.`,
        },
      ]);
    const trendArea = area as AreaSummary & { level: TrendLevel };
    const type = types.find((t) => t.code === params.type) ?? { code: "", label: "Alle soorten", group: "" };
    const year = area.level === "gemeente" ? peersYear(params.to) : null;

    let model: TrendModel;
    try {
      const session = c.get("session") as Session | undefined;
      ({ data: model } = await deps.gate.disclose(
        {
          requester: c.get("requester"),
          purpose: session?.purpose ?? null,
          what: "trends",
          areas: [area.code],
          period: `${monthParam(params.from)}/${monthParam(params.to)}`,
          sensitivity: "aggregated",
        },
        () => loadTrendData(deps.store, trendArea, latest, year),
        {
          protect: protectTrendData(deps.store, area.code, latest),
          // The answer is what the page shows: its hash goes in the register.
          present: (data) =>
            buildTrendModel({
              area: {
                code: area.code,
                name: area.name,
                level: area.level,
                population: area.population,
                populationYear: area.populationYear,
              },
              type: { code: type.code, label: type.label },
              params,
              counts: data,
              peers: peersInput(data, params.type),
            }),
          // The register counts the months the page shows, not the whole history.
          count: (m) => m.months.length,
        },
      ));
    } catch (err) {
      if (!(err instanceof AccessDenied)) throw err;
      return page(
        values,
        <Refusal
          heading="Geen toegang"
          message={`${err.message} Kies zo nodig een ander doel of een andere gemeente.`}
        />,
        403,
      );
    }
    return page(values, <TrendResults m={model} />, 200);
  });
}
