// The Kaart (issue 6): GET /kaart, a page with a choropleth per gemeente, wijk, buurt or postcode
// area of a chosen type and period (count or per 1,000 inhabitants, ckmeans classes, Gi* hot
// spots), the density of the registrations and — only when the gate allows it — single
// registrations; GET /kaart/gegevens, the same figures as GeoJSON for the browser map (kaart.js
// with maplibre-gl), and GET /kaart/incidenten, the single registrations as points for it. Every read goes through the gate as the logged-in user for the
// session's purpose: one register entry for the figures of a page or data request, and one more
// when the page asks for single registrations (a disclosure at sensitivity "incident" of its own).
// Access is never decided here.

import type { Context, Hono } from "hono";
import type { DisclosureRequest, Gate } from "../../disclosure/disclosure-gate.ts";
import { type AreaSummary, CBS_CODE } from "../../domain/area.ts";
import { AccessDenied, InputError } from "../../domain/errors.ts";
import { inpNode } from "../../domain/inp-tree.ts";
import { lastCompleteMonth } from "../../domain/time.ts";
import { type ProductPeriod, parsePeriod } from "../../products/product-period.ts";
import { findArea } from "../../products/run-product.ts";
import { monthParam } from "../../render/format-nl.ts";
import { parseBasemap } from "../../render/map/basemap.ts";
import {
  type KaartInput,
  type KaartModel,
  type KaartQuery,
  type KaartStore,
  loadKaart,
  type Measure,
  presentKaart,
  protectKaart,
} from "../../render/map/kaart-data.ts";
import { GEOJSON_MEDIA_TYPE, incidentsGeoJson, kaartGeoJson } from "../../render/map/kaart-geojson.ts";
import {
  type IncidentInput,
  type IncidentLayer,
  loadIncidents,
  presentIncidents,
  protectIncidents,
} from "../../render/map/kaart-incidents.ts";
import { KaartForm, type KaartFormValues, KaartPage } from "../../render/map/kaart-view.tsx";
import { MAP_LEVELS, type MapAreas, type MapLevel, mapAreas } from "../../render/map/map-geometry.ts";
import type { AuthVariables } from "../middleware/authentication/authentication.ts";
import type { Session } from "../middleware/session/session-store.ts";
import { sendPage } from "../pages.tsx";
import { allowInCsp } from "../security-headers.ts";
import { ownStatic } from "../static.ts";

export interface MapRouteDeps {
  store: KaartStore;
  gate: Gate;
  now: () => Date;
  /** Tile URL template of a raster background map (DRIEHOEK_BASISKAART); none: no background. */
  basemap?: string;
}

type Env = { Variables: AuthVariables };

const KAART_JS = ownStatic("kaart.js");
const MAPLIBRE_JS = "/static/maplibre-gl.js";
const MAPLIBRE_CSS = "/static/maplibre-gl.css";

/** What was asked, checked; or which field is wrong and why (in Dutch). */
type Parsed =
  | {
      ok: true;
      values: KaartFormValues;
      level: MapLevel;
      soort: string | null;
      period: ProductPeriod;
      measure: Measure;
    }
  | { ok: false; values: KaartFormValues; field: string; message: string };

const MONTH_KINDS = new Set(["maand", "kwartaal", "halfjaar", "jaar"]);

function defaults(c: Context<Env>, now: Date): KaartFormValues {
  const m = lastCompleteMonth(now);
  return {
    gebied: c.get("requester")?.organisation?.authority.find((a) => CBS_CODE.gemeente.test(a)) ?? "",
    niveau: "wijk",
    soort: "",
    periode: monthParam(m),
    maat: "absoluut",
    incidenten: false,
  };
}

/** Reads and checks the query; empty fields take the defaults. */
export function parseKaartQuery(
  query: (name: string) => string | undefined,
  base: KaartFormValues,
  now: Date,
): Parsed {
  const get = (name: keyof KaartFormValues) => {
    const v = (query(name) ?? "").trim();
    return v === "" ? (base[name] as string) : v;
  };
  const values: KaartFormValues = {
    gebied: get("gebied").toUpperCase(),
    niveau: get("niveau").toLowerCase(),
    soort: (query("soort") ?? "").trim(),
    periode: get("periode"),
    maat: get("maat").toLowerCase(),
    incidenten: (query("incidenten") ?? "") === "ja",
  };
  const bad = (field: string, message: string): Parsed => ({ ok: false, values, field, message });
  if (!CBS_CODE.gemeente.test(values.gebied))
    return bad(
      "gebied",
      `Gemeente: "${values.gebied}" is geen gemeentecode. Gebruik GM met vier cijfers, bijvoorbeeld GM0363.`,
    );
  if (!(MAP_LEVELS as readonly string[]).includes(values.niveau))
    return bad("niveau", `Niveau: "${values.niveau}" kennen we niet. Kies gemeente, wijk, buurt of pc4.`);
  if (values.soort !== "" && !inpNode(values.soort))
    return bad(
      "soort",
      `Soort: "${values.soort}" is geen soort uit de indeling (INP2013). Kies een soort uit de lijst, of alle registraties.`,
    );
  if (values.maat !== "absoluut" && values.maat !== "per-1000")
    return bad("maat", `Maat: "${values.maat}" kennen we niet. Kies absoluut of per-1000.`);
  let period: ProductPeriod;
  try {
    period = parsePeriod(values.periode);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return bad("periode", `Periode: ${err.message}.`);
  }
  if (!MONTH_KINDS.has(period.kind))
    return bad(
      "periode",
      `Periode: de kaart gaat over een maand, kwartaal, halfjaar of jaar, niet over een ${period.kind}.`,
    );
  if (period.to > lastCompleteMonth(now))
    return bad(
      "periode",
      `Periode: ${period.label} is nog niet voorbij; er zijn nog geen volledige cijfers.`,
    );
  return {
    ok: true,
    values,
    level: values.niveau as MapLevel,
    soort: values.soort === "" ? null : values.soort,
    period,
    measure: values.maat as Measure,
  };
}

/** Who asks and for which purpose: the logged-in user and the session's purpose. */
function asker(c: Context<Env>): Pick<DisclosureRequest, "requester" | "purpose"> {
  return {
    requester: c.get("requester"),
    purpose: (c.get("session") as Session | undefined)?.purpose ?? null,
  };
}

interface Figures {
  model: KaartModel;
  geometry: MapAreas;
  registerSeq: number;
}

/** What the store is asked for the map of `gemeente`, as the query says. */
function kaartQuery(
  deps: MapRouteDeps,
  p: Extract<Parsed, { ok: true }>,
  gemeente: AreaSummary,
  density: boolean,
): KaartQuery {
  return {
    gemeente,
    level: p.level,
    soort: p.soort,
    period: p.period,
    measure: p.measure,
    lastCompleteMonth: lastCompleteMonth(deps.now()),
    density,
  };
}

/** The figures of the map through the gate (one register entry), or an InputError. */
async function figures(
  deps: MapRouteDeps,
  c: Context<Env>,
  p: Extract<Parsed, { ok: true }>,
  density: boolean,
): Promise<Figures> {
  const gemeente = await findArea(deps.store, p.values.gebied);
  if (!gemeente)
    throw new InputError(
      `Gemeente: ${p.values.gebied} kennen we niet. Kies een gemeente uit de lijst.`,
      "gebied",
    );
  const q = kaartQuery(deps, p, gemeente, density);
  const geometry = await mapAreas(deps.store, gemeente, p.level);
  const shownAreas = p.level === "wijk" || p.level === "buurt" ? geometry.areas.map((a) => a.code) : [];
  const r = await deps.gate.disclose<KaartInput, KaartModel>(
    {
      ...asker(c),
      what: "kaart",
      areas: [gemeente.code, ...shownAreas],
      period: p.period.id,
      sensitivity: "aggregated",
    },
    () => loadKaart(deps.store, q),
    {
      protect: (input, _obligations, table) => protectKaart(deps.store, input, table, q),
      present: (input) => presentKaart(input, q),
      count: (m) => m.areas.length,
    },
  );
  return { model: r.data, geometry, registerSeq: r.registerSeq };
}

/** The incidents layer through the gate (sensitivity "incident"), or why it was refused. */
async function incidentLayer(
  deps: MapRouteDeps,
  c: Context<Env>,
  p: Extract<Parsed, { ok: true }>,
): Promise<{ layer: IncidentLayer } | { refused: string }> {
  const gemeente = await findArea(deps.store, p.values.gebied);
  if (!gemeente) return { refused: "de gemeente is onbekend." };
  const q = kaartQuery(deps, p, gemeente, false);
  try {
    const r = await deps.gate.disclose<IncidentInput, IncidentLayer>(
      {
        ...asker(c),
        what: "kaart-incidenten",
        areas: [gemeente.code],
        period: p.period.id,
        sensitivity: "incident",
      },
      () => loadIncidents(deps.store, q),
      {
        protect: (input, _obligations, table) => protectIncidents(input, table),
        present: (input) => presentIncidents(input),
        count: (l) => l.total,
      },
    );
    return { layer: r.data };
  } catch (err) {
    if (err instanceof AccessDenied) return { refused: err.message };
    throw err;
  }
}

/** An error as problem+json (RFC 9457), for the browser map's requests; `veld`: the field at fault. */
function problem(c: Context<Env>, status: 400 | 403, detail: string, field?: string) {
  c.header("Cache-Control", "no-store");
  const title = status === 400 ? "Ongeldige vraag" : "Geen toegang";
  return c.body(
    JSON.stringify({ type: "about:blank", title, status, ...(field ? { veld: field } : {}), detail }),
    status,
    { "Content-Type": "application/problem+json; charset=utf-8" },
  );
}

function geoJson(c: Context<Env>, body: string) {
  c.header("Cache-Control", "no-store");
  return c.body(body, 200, { "Content-Type": `${GEOJSON_MEDIA_TYPE}; charset=utf-8` });
}

function badRequestPage(
  c: Context<Env>,
  p: Extract<Parsed, { ok: false }> | { values: KaartFormValues; message: string },
) {
  return sendPage(
    c,
    "Deze kaart kan zo niet worden gemaakt",
    <>
      <h1 class="utrecht-heading-1">Deze kaart kan zo niet worden gemaakt</h1>
      <div class="utrecht-alert utrecht-alert--error" role="alert">
        <p class="utrecht-paragraph">{p.message}</p>
      </div>
      <KaartForm values={p.values} />
    </>,
    400,
  );
}

export function registerMapRoutes(app: Hono<Env>, deps: MapRouteDeps): void {
  app.get("/kaart", async (c) => {
    const now = deps.now();
    const base = defaults(c, now);
    const asked = ["gebied", "niveau", "soort", "periode", "maat"].some(
      (n) => (c.req.query(n) ?? "").trim() !== "",
    );
    // Without a question: the map of the own gemeente with the defaults; with no own gemeente, the
    // form alone (nothing disclosed).
    if (!asked && base.gebied === "")
      return sendPage(
        c,
        "Kaart",
        <>
          <h1 class="utrecht-heading-1">Kaart</h1>
          <p class="utrecht-paragraph">
            Kies een gemeente, een niveau (wijken, buurten), een soort en een periode. U ziet de kaart en
            dezelfde cijfers in een tabel. Wat u mag zien, hangt af van uw rol en het doel dat u koos; elke
            keer wordt vastgelegd in het verstrekkingenregister.
          </p>
          <KaartForm values={base} />
        </>,
      );
    const p = parseKaartQuery((n) => c.req.query(n), base, now);
    if (!p.ok) return badRequestPage(c, p);
    let f: Figures;
    try {
      f = await figures(deps, c, p, true);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return badRequestPage(c, { values: p.values, message: err.message });
    }
    const incidents = p.values.incidenten ? await incidentLayer(deps, c, p) : undefined;
    const basemap = deps.basemap ? parseBasemap(deps.basemap) : undefined;
    if (basemap) allowInCsp(c, { tiles: [basemap.origin] });
    return sendPage(
      c,
      `Kaart ${f.model.gemeente.name}, ${f.model.period.label}`,
      <KaartPage
        model={f.model}
        geometry={f.geometry}
        values={p.values}
        incidents={incidents}
        registerSeq={f.registerSeq}
        basemap={basemap?.template}
      />,
      200,
      { scripts: [MAPLIBRE_JS, KAART_JS], stylesheets: [MAPLIBRE_CSS] },
    );
  });

  app.get("/kaart/gegevens", async (c) => {
    const now = deps.now();
    const p = parseKaartQuery((n) => c.req.query(n), defaults(c, now), now);
    if (!p.ok) return problem(c, 400, p.message, p.field);
    let f: Figures;
    try {
      f = await figures(deps, c, p, false);
    } catch (err) {
      if (err instanceof InputError) return problem(c, 400, err.message, err.field ?? "gebied");
      if (err instanceof AccessDenied) return problem(c, 403, err.message);
      throw err;
    }
    return geoJson(c, kaartGeoJson(f.model, f.geometry));
  });

  // The incidents layer for the interactive map: a disclosure at sensitivity "incident" of its own,
  // as on the page (a second register entry), refused as on the page.
  app.get("/kaart/incidenten", async (c) => {
    const now = deps.now();
    const p = parseKaartQuery((n) => c.req.query(n), defaults(c, now), now);
    if (!p.ok) return problem(c, 400, p.message, p.field);
    const r = await incidentLayer(deps, c, p);
    if ("refused" in r) return problem(c, 403, `Losse registraties krijgt u niet: ${r.refused}`);
    return geoJson(c, incidentsGeoJson(r.layer));
  });
}
