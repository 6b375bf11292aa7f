// The Kaart page (hono/jsx, escaped): a GET form to choose gemeente, level, type, period and
// measure; the choropleth as SVG with its legend (and a place where kaart.js puts the interactive
// map); the same figures as a table; the density layer; the incidents layer when the gate gave it.
// Every map has a table next to it: the SVG is an image, the table its text alternative.

import { raw } from "hono/html";
import { INP_TREE } from "../../domain/inp-tree.ts";
import { CountText } from "../count-cell.tsx";
import { formatCount } from "../format-nl.ts";
import { headClass, numClass, numHeadClass } from "../table-classes.ts";
import { Hidden } from "../visually-hidden.tsx";
import { choroplethSvg, densitySvg, legendLines } from "./choropleth-svg.ts";
import { GI_LABELS, type KaartModel, type Measure, soortLabel } from "./kaart-data.ts";
import type { IncidentLayer } from "./kaart-incidents.ts";
import type { MapAreas, MapLevel } from "./map-geometry.ts";

export const LEVEL_LABELS: Record<MapLevel, { one: string; many: string }> = {
  gemeente: { one: "gemeente", many: "Gemeente" },
  wijk: { one: "wijk", many: "Wijken" },
  buurt: { one: "buurt", many: "Buurten" },
  pc4: { one: "postcodegebied", many: "Postcodegebieden (4 cijfers)" },
};

export const MEASURE_LABELS: Record<Measure, string> = {
  absoluut: "Aantal registraties",
  "per-1000": "Per 1.000 inwoners",
};

export interface KaartFormValues {
  gebied: string;
  niveau: string;
  soort: string;
  periode: string;
  maat: string;
  incidenten: boolean;
}

export function kaartHref(v: KaartFormValues, path = "/kaart"): string {
  const q = new URLSearchParams({
    gebied: v.gebied,
    niveau: v.niveau,
    soort: v.soort,
    periode: v.periode,
    maat: v.maat,
  });
  if (v.incidenten) q.set("incidenten", "ja");
  return `${path}?${q}`;
}

/** The INP tree in reading order: each main group, its subgroups, their types. */
const SOORT_OPTIONS = INP_TREE.filter((n) => n.level === 1).flatMap((l1) => [
  l1,
  ...INP_TREE.filter((n) => n.level === 2 && n.parent === l1.code).flatMap((l2) => [
    l2,
    ...INP_TREE.filter((n) => n.level === 3 && n.parent === l2.code && n.code !== l2.code),
  ]),
]);

const indent = (level: number) => "\u00a0\u00a0".repeat(level - 1);

export function KaartForm({ values }: { values: KaartFormValues }) {
  return (
    <form method="get" action="/kaart" class="dh-kaart-form" aria-labelledby="kaart-form-kop">
      <h2 class="utrecht-heading-2" id="kaart-form-kop">
        Kies wat de kaart laat zien
      </h2>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="kaart-gebied">
          Gemeente (code, bijvoorbeeld GM0363)
        </label>
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          id="kaart-gebied"
          name="gebied"
          value={values.gebied}
          required
          autocomplete="off"
        />
      </div>
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">Niveau</legend>
        {(Object.keys(LEVEL_LABELS) as MapLevel[]).map((l) => (
          <div class="utrecht-form-field utrecht-form-field--radio">
            <input
              class="utrecht-radio-button utrecht-radio-button--html-input"
              type="radio"
              id={`kaart-niveau-${l}`}
              name="niveau"
              value={l}
              checked={values.niveau === l}
            />
            <label class="utrecht-form-label utrecht-form-label--radio" for={`kaart-niveau-${l}`}>
              {LEVEL_LABELS[l].many}
            </label>
          </div>
        ))}
      </fieldset>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="kaart-soort">
          Soort
        </label>
        <select class="utrecht-select utrecht-select--html-select" id="kaart-soort" name="soort">
          <option value="" selected={values.soort === ""}>
            Alle registraties
          </option>
          {SOORT_OPTIONS.map((n) => (
            <option value={n.code} selected={values.soort === n.code}>
              {`${indent(n.level)}${n.code} ${n.label}`}
            </option>
          ))}
        </select>
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="kaart-periode">
          Periode
        </label>
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          id="kaart-periode"
          name="periode"
          value={values.periode}
          required
          autocomplete="off"
          aria-describedby="kaart-periode-uitleg"
        />
        <p class="utrecht-form-field-description" id="kaart-periode-uitleg">
          Een maand, kwartaal, halfjaar of jaar: bijvoorbeeld 2026-09, 2026-Q3, 2026-H1 of 2025.
        </p>
      </div>
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">Maat</legend>
        {(Object.keys(MEASURE_LABELS) as Measure[]).map((m) => (
          <div class="utrecht-form-field utrecht-form-field--radio">
            <input
              class="utrecht-radio-button utrecht-radio-button--html-input"
              type="radio"
              id={`kaart-maat-${m}`}
              name="maat"
              value={m}
              checked={values.maat === m}
            />
            <label class="utrecht-form-label utrecht-form-label--radio" for={`kaart-maat-${m}`}>
              {MEASURE_LABELS[m]}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset class="utrecht-form-fieldset">
        <legend class="utrecht-form-fieldset__legend">Extra laag</legend>
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <input
            class="utrecht-checkbox"
            type="checkbox"
            id="kaart-incidenten"
            name="incidenten"
            value="ja"
            checked={values.incidenten}
            aria-describedby="kaart-incidenten-uitleg"
          />
          <label class="utrecht-form-label utrecht-form-label--checkbox" for="kaart-incidenten">
            Losse registraties
          </label>
          <p class="utrecht-form-field-description" id="kaart-incidenten-uitleg">
            Alleen als uw rol en doel dat toestaan (bijvoorbeeld voor de politie).
          </p>
        </div>
      </fieldset>
      <button class="utrecht-button utrecht-button--primary-action" type="submit">
        Toon de kaart
      </button>
    </form>
  );
}

const decimal1 = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export interface KaartPageProps {
  model: KaartModel;
  /** The outlines (public reference data, map-geometry.ts). */
  geometry: MapAreas;
  values: KaartFormValues;
  /** The layer, or why it is not there (refused by the gate); absent when not asked. */
  incidents?: { layer: IncidentLayer } | { refused: string };
  /** Register entry of the figures. */
  registerSeq: number;
  /** Tile URL template of the background map for kaart.js, when configured. */
  basemap?: string;
}

export function KaartPage({ model, geometry, values, incidents, registerSeq, basemap }: KaartPageProps) {
  const outlines = new Map(geometry.areas.map((g) => [g.code, g.rd]));
  const level = LEVEL_LABELS[model.level];
  const what = soortLabel(model.soort);
  const per1000 = model.measure === "per-1000";
  const withheld = model.areas.filter((a) => a.count === null).length;
  const hot = model.areas.filter((a) => a.gi?.startsWith("hot-")).length;
  const cold = model.areas.filter((a) => a.gi?.startsWith("cold-")).length;
  const giComputed = model.areas.some((a) => a.gi !== null);
  const title = `Kaart: ${what} per ${level.one}, ${model.gemeente.name}, ${model.period.label}`;
  const classes = model.bounds.length - 1;
  const layer = incidents && "layer" in incidents ? incidents.layer : null;
  const frame = geometry.bbox;
  const svg =
    frame &&
    choroplethSvg({
      title: `${MEASURE_LABELS[model.measure]}: ${what} per ${level.one}, ${model.period.label}`,
      description: `Kaart van ${model.areas.length} gebieden in ${model.gemeente.name}, gekleurd in ${classes} klassen. De cijfers staan ook in de tabel onder de kaart.`,
      frame,
      classes: Math.max(classes, 1),
      legend: legendLines(model.bounds, per1000 ? 1 : 0),
      gi: giComputed,
      areas: model.areas.map((a) => {
        const v = per1000 ? a.per1000 : a.count;
        return {
          code: a.code,
          name: a.name,
          rd: outlines.get(a.code) ?? null,
          klasse: a.klasse,
          gi: a.gi,
          label: `${a.name}: ${v === null ? "afgeschermd of geen waarde" : per1000 ? `${decimal1.format(v)} per 1.000 inwoners` : formatCount(v)}${a.gi && a.gi !== "niet-significant" ? `, ${GI_LABELS[a.gi]}` : ""}`,
        };
      }),
      points: layer?.buurten.map((b) => ({
        x: b.x,
        y: b.y,
        count: b.count,
        label: `${b.name}: ${formatCount(b.count)}`,
      })),
    });
  const dataHref = kaartHref({ ...values, incidenten: false }, "/kaart/gegevens");
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        {`De kaart laat zien hoeveel registraties (${what}) de politie in ${model.period.label} deed per ${level.one} in ${model.gemeente.name}, ${per1000 ? "per 1.000 inwoners" : "in aantallen"}. Hoe donkerder, hoe meer. De klassen zijn zo gekozen dat gebieden met ongeveer dezelfde waarde bij elkaar komen (natuurlijke grenzen, Jenks).`}
      </p>
      {withheld > 0 && (
        <p class="utrecht-paragraph">
          {model.level === "pc4" && model.protected
            ? "Per postcodegebied krijgt u geen aantallen: die zijn niet samen met de gemeente, wijken en buurten beveiligd tegen het terugrekenen van kleine aantallen."
            : `${withheld === 1 ? "Bij één gebied is" : `Bij ${formatCount(withheld)} gebieden is`} het aantal afgeschermd (gearceerd): kleine aantallen, en wat je daaruit zou kunnen terugrekenen, worden niet getoond.`}
        </p>
      )}
      <p class="utrecht-paragraph">
        {giComputed
          ? `Hotspots (Getis-Ord Gi*): ${hot === 0 ? "geen gebied ligt" : hot === 1 ? "één gebied ligt" : `${formatCount(hot)} gebieden liggen`} in een omgeving met opvallend hoge waarden, ${cold === 0 ? "geen" : formatCount(cold)} in een omgeving met opvallend lage waarden. Opvallend betekent: zo'n uitkomst komt bij toeval in minder dan 5% van de gevallen voor. Dit is per gebied bekeken, zonder correctie voor het aantal toetsen.`
          : "Hotspots (Getis-Ord Gi*) zijn niet te berekenen: daarvoor zijn minstens drie gebieden met een getoond aantal nodig."}
      </p>
      <KaartForm values={values} />
      <section aria-labelledby="kaart-kop" class="dh-kaart">
        <h2 class="utrecht-heading-2" id="kaart-kop">
          Kaart
        </h2>
        <div
          id="dh-kaart-interactief"
          class="dh-kaart-interactief"
          hidden
          data-gegevens={dataHref}
          data-incidenten={layer ? kaartHref({ ...values, incidenten: false }, "/kaart/incidenten") : ""}
          data-basiskaart={basemap ?? ""}
          data-maat={model.measure}
          data-klassen={String(Math.max(classes, 0))}
        />
        <figure class="dh-kaart-figuur">
          {svg ? raw(svg) : <p class="utrecht-paragraph">Er zijn geen grenzen van deze gebieden geladen.</p>}
        </figure>
      </section>
      <section aria-labelledby="kaart-tabel-kop">
        <h2 class="utrecht-heading-2" id="kaart-tabel-kop">
          De cijfers in een tabel
        </h2>
        <div class="dh-table-scroll">
          <table class="utrecht-table utrecht-table--html-table" id="kaart-tabel">
            <caption class="utrecht-table__caption">{`${what} per ${level.one}, ${model.gemeente.name}, ${model.period.label}`}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class={headClass} scope="col">
                  {level.many === "Gemeente"
                    ? "Gemeente"
                    : level.one.charAt(0).toUpperCase() + level.one.slice(1)}
                </th>
                <th class={headClass} scope="col">
                  Code
                </th>
                <th class={numHeadClass} scope="col">
                  Inwoners
                </th>
                <th class={numHeadClass} scope="col">
                  Aantal
                </th>
                <th class={numHeadClass} scope="col">
                  Per 1.000 inwoners
                </th>
                <th class={numHeadClass} scope="col">
                  Klasse
                </th>
                <th class={headClass} scope="col">
                  Hotspot (Gi*)
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {model.areas.map((a) => (
                <tr class="utrecht-table__row" data-code={a.code}>
                  <th class="utrecht-table__header-cell" scope="row">
                    {a.name}
                  </th>
                  <td class="utrecht-table__cell">{a.code}</td>
                  <td class={numClass}>{a.population === null ? "onbekend" : formatCount(a.population)}</td>
                  <td
                    class={a.count === null ? `${numClass} dh-muted` : numClass}
                    data-aantal={a.count ?? ""}
                  >
                    <CountText value={a.count} />
                  </td>
                  <td class={numClass} data-per1000={a.per1000 ?? ""}>
                    {a.per1000 === null ? (
                      <>
                        <span aria-hidden="true">–</span>
                        <Hidden>geen waarde</Hidden>
                      </>
                    ) : (
                      decimal1.format(a.per1000)
                    )}
                  </td>
                  <td class={numClass}>{a.klasse === null ? "–" : `${a.klasse} van ${classes}`}</td>
                  <td class="utrecht-table__cell">{a.gi === null ? "niet te berekenen" : GI_LABELS[a.gi]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="utrecht-paragraph dh-note">
          {`Klassen (${MEASURE_LABELS[model.measure].toLowerCase()}): ${legendLines(model.bounds, per1000 ? 1 : 0).join("; ") || "geen"}. `}
          {model.giDistance !== null &&
            `Gi*: buren zijn gebieden waarvan het midden binnen ${formatCount(model.giDistance)} meter ligt (de kleinste afstand waarbij elk gebied minstens één buur heeft).`}
        </p>
      </section>
      {model.density && <DensitySection model={model} geometry={geometry} />}
      {incidents && <IncidentSection incidents={incidents} />}
      <section aria-labelledby="kaart-uitleg-kop">
        <h2 class="utrecht-heading-2" id="kaart-uitleg-kop">
          Hoe lees je deze kaart?
        </h2>
        <p class="utrecht-paragraph">
          {`Een registratie telt mee in het gebied waar ze gebeurde, in de maand dat ze begon. Gebiedsindeling van ${model.year}. Inwoners: het laatste jaar dat bekend is.`}
        </p>
        <p class="utrecht-paragraph">
          {model.protected
            ? `Aantallen van 1 tot ${model.minimum} worden niet getoond, net als alles waaruit ze terug te rekenen zijn. Per wijk staan de hoofdgroepen en het totaal, per buurt het totaal; andere soorten zijn daar afgeschermd.`
            : "Deze versie is zonder afscherming van kleine aantallen (voor de politie)."}
        </p>
        <p class="utrecht-paragraph">
          {`Deze gegevens zijn vastgelegd in het verstrekkingenregister, nummer ${registerSeq}.`}
        </p>
      </section>
    </>
  );
}

function DensitySection({ model, geometry }: { model: KaartModel; geometry: MapAreas }) {
  const d = model.density;
  if (!d) return null;
  const frame = geometry.bbox;
  const per = [1, 2, 3, 4, 5].map((n) => d.cells.filter((c) => c.niveau === n).length);
  const max = d.cells.reduce((m, c) => Math.max(m, c.perKm2 ?? 0), 0);
  return (
    <section aria-labelledby="kaart-dichtheid-kop">
      <h2 class="utrecht-heading-2" id="kaart-dichtheid-kop">
        Dichtheid: waar liggen registraties dicht bij elkaar?
      </h2>
      <p class="utrecht-paragraph">
        {`Elke registratie met een plek telt mee tot ${d.radius} meter eromheen, hoe dichterbij hoe zwaarder (kernel density). De kaart toont vakken van ${d.cell} bij ${d.cell} meter in vijf niveaus; niveau 5 is de hoogste dichtheid in de gemeente.${model.protected ? ` Een vak staat alleen op de kaart als er minstens ${model.minimum} registraties binnen ${d.radius} meter liggen.` : ""}`}
      </p>
      {frame && (
        <figure class="dh-kaart-figuur">
          {raw(
            densitySvg({
              title: `Dichtheid van registraties in vijf niveaus, ${model.period.label}`,
              description: `${d.cells.length} vakken. Het aantal vakken per niveau staat in de tabel.`,
              frame,
              areas: geometry.areas,
              cells: d.cells,
              cell: d.cell,
            }),
          )}
        </figure>
      )}
      <table class="utrecht-table utrecht-table--html-table" id="kaart-dichtheid-tabel">
        <caption class="utrecht-table__caption">Aantal vakken per niveau van de dichtheid</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class={headClass} scope="col">
              Niveau
            </th>
            <th class={numHeadClass} scope="col">
              Vakken
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {per.map((n, i) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                {`Niveau ${i + 1}`}
              </th>
              <td class={numClass}>{formatCount(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!model.protected && d.cells.length > 0 && (
        <p class="utrecht-paragraph dh-note">
          {`Hoogste dichtheid: ${formatCount(max)} registraties per vierkante kilometer. Registraties met een plek: ${formatCount(d.points)}.`}
        </p>
      )}
    </section>
  );
}

function IncidentSection({ incidents }: { incidents: NonNullable<KaartPageProps["incidents"]> }) {
  return (
    <section aria-labelledby="kaart-incidenten-kop" id="kaart-incidenten">
      <h2 class="utrecht-heading-2" id="kaart-incidenten-kop">
        Losse registraties
      </h2>
      {"refused" in incidents ? (
        <p class="utrecht-paragraph">{`Losse registraties krijgt u niet: ${incidents.refused}`}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">
            {`${formatCount(incidents.layer.total)} registraties, op de kaart als stip in het midden van hun buurt (nooit het adres). Zonder personen, vrije tekst of werkwijze.${incidents.layer.unplaced > 0 ? ` ${formatCount(incidents.layer.unplaced)} staan niet op de kaart: de buurt is niet bekend.` : ""}`}
          </p>
          <table class="utrecht-table utrecht-table--html-table" id="kaart-incidenten-tabel">
            <caption class="utrecht-table__caption">Losse registraties per buurt</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class={headClass} scope="col">
                  Buurt
                </th>
                <th class={headClass} scope="col">
                  Code
                </th>
                <th class={numHeadClass} scope="col">
                  Registraties
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {incidents.layer.buurten.map((b) => (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">
                    {b.name}
                  </th>
                  <td class="utrecht-table__cell">{b.code}</td>
                  <td class={numClass}>{formatCount(b.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
