// Markup of the trends page (the content of <main>): a GET form (type, area, months, comparison)
// that htmx enhances (the results section is fetched and swapped, the URL follows), and the
// results section: the series as a chart with a table, the change with its test, the trend, the
// pattern through the year, unusual months and the comparison with similar gemeenten, each in
// plain Dutch. Pure: everything comes in through props; hono/jsx escapes all text.

import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { AREA_LEVEL_LABELS, type AreaLevel } from "../../domain/area.ts";
import { inpPath } from "../../domain/inp-tree.ts";
import { monthLabelNl } from "../../domain/time.ts";
import type { AreaChoice } from "../../server/trends/area-choices.ts";
import {
  CHANGE_MONTHS,
  type CountStatus,
  LOOKBACK_YEARS,
  type TrendModel,
} from "../../server/trends/trend-model.ts";
import {
  COMPARISONS,
  FIELD_LABELS,
  type FieldError,
  type TrendField,
  type TrendFormValues,
} from "../../server/trends/trend-params.ts";
import { CountCell } from "../count-cell.tsx";
import { formatCount, formatRate, listNl, monthNameNl, monthRangeNl } from "../format-nl.ts";
import { headClass, numClass } from "../table-classes.ts";
import { TableHead } from "../table-head.tsx";
import { Hidden } from "../visually-hidden.tsx";
import { trendChart } from "./trend-chart.ts";

/** Police areas: their figures are sums over their gemeenten. */
const POLICE_LEVELS: ReadonlySet<AreaLevel> = new Set(["eenheid", "district", "basisteam"]);

/** The id of the results section: the part htmx swaps. */
export const RESULTS_ID = "trend-resultaten";

export interface TypeOption {
  code: string;
  label: string;
  /** The level-1 group it belongs to, e.g. "Veiligheid". */
  group: string;
}

export interface TrendFormProps {
  values: TrendFormValues;
  types: readonly TypeOption[];
  /** Latest month that can be chosen, "YYYY-MM". */
  max: string;
  errors?: readonly FieldError[];
  /** Areas suggested for the area field (the user's own); none: no suggestions. */
  areas?: readonly AreaChoice[];
}

const fieldId = (f: TrendField) => `trend-${f}`;

function FieldMessage({ field, errors }: { field: TrendField; errors: readonly FieldError[] }) {
  const e = errors.find((x) => x.field === field);
  return e ? (
    <p class="utrecht-form-field-error-message" id={`${fieldId(field)}-fout`}>
      {e.message}
    </p>
  ) : null;
}

/** aria attributes of a field: its help text and, when wrong, its error message. */
function described(field: TrendField, errors: readonly FieldError[], help?: string) {
  const wrong = errors.some((x) => x.field === field);
  const ids = [help, wrong ? `${fieldId(field)}-fout` : undefined].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": wrong ? "true" : undefined };
}

export function TrendForm({ values, types, max, errors = [], areas = [] }: TrendFormProps) {
  const groups = [...new Set(types.map((t) => t.group))];
  return (
    <form
      method="get"
      action="/trends"
      class="utrecht-form dh-trend-form"
      hx-get="/trends"
      hx-trigger="submit, change"
      hx-select={`#${RESULTS_ID}`}
      hx-target={`#${RESULTS_ID}`}
      hx-swap="outerHTML"
      hx-push-url="true"
    >
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for={fieldId("soort")}>
          {FIELD_LABELS.soort}
        </label>
        <FieldMessage field="soort" errors={errors} />
        <select
          class="utrecht-select utrecht-select--html-select"
          id={fieldId("soort")}
          name="soort"
          {...described("soort", errors)}
        >
          <option value="" selected={values.soort === ""}>
            Alle soorten samen
          </option>
          {groups.map((g) => (
            <optgroup label={g}>
              {types
                .filter((t) => t.group === g)
                .map((t) => (
                  <option value={t.code} selected={values.soort === t.code}>
                    {t.label} ({t.code})
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for={fieldId("gebied")}>
          {FIELD_LABELS.gebied}
        </label>
        <p class="utrecht-form-field-description" id={`${fieldId("gebied")}-uitleg`}>
          De code van een gemeente, wijk, buurt, basisteam, district of eenheid. Bijvoorbeeld GM0363 voor een
          gemeente of WK036301 voor een wijk.
          {areas.length > 0 ? " Uw eigen gebieden staan in de lijst bij het veld." : ""}
        </p>
        <FieldMessage field="gebied" errors={errors} />
        <input
          class="utrecht-textbox utrecht-textbox--html-input dh-trend-code"
          id={fieldId("gebied")}
          name="gebied"
          value={values.gebied}
          autocomplete="off"
          list={areas.length > 0 ? `${fieldId("gebied")}-keuzes` : undefined}
          required
          {...described("gebied", errors, `${fieldId("gebied")}-uitleg`)}
        />
        {areas.length > 0 ? (
          <datalist id={`${fieldId("gebied")}-keuzes`}>
            {areas.map((a) => (
              <option value={a.code}>{a.label}</option>
            ))}
          </datalist>
        ) : null}
      </div>
      {(["van", "tot"] as const).map((f) => (
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for={fieldId(f)}>
            {FIELD_LABELS[f]}
          </label>
          <p class="utrecht-form-field-description" id={`${fieldId(f)}-uitleg`}>
            Jaar en maand, bijvoorbeeld 2024-03.
          </p>
          <FieldMessage field={f} errors={errors} />
          <input
            class="utrecht-textbox utrecht-textbox--html-input dh-month-input"
            type="month"
            id={fieldId(f)}
            name={f}
            value={values[f]}
            max={max}
            pattern="[0-9]{4}-[0-9]{2}"
            {...described(f, errors, `${fieldId(f)}-uitleg`)}
          />
        </div>
      ))}
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for={fieldId("vergelijk")}>
          {FIELD_LABELS.vergelijk}
        </label>
        <p class="utrecht-form-field-description" id={`${fieldId("vergelijk")}-uitleg`}>
          Waarmee de laatste {CHANGE_MONTHS} maanden van de periode worden vergeleken.
        </p>
        <FieldMessage field="vergelijk" errors={errors} />
        <select
          class="utrecht-select utrecht-select--html-select"
          id={fieldId("vergelijk")}
          name="vergelijk"
          {...described("vergelijk", errors, `${fieldId("vergelijk")}-uitleg`)}
        >
          {Object.entries(COMPARISONS).map(([value, label]) => (
            <option value={value} selected={values.vergelijk === value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button class="utrecht-button utrecht-button--primary-action" type="submit">
        Toon
      </button>
    </form>
  );
}

/** The results section with the form's errors, a refusal, or the results. */
export function ResultsSection({ children }: { children: Child }) {
  return (
    <section id={RESULTS_ID} aria-label="Uitkomst" class="dh-trend-results">
      {children}
    </section>
  );
}

export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  return (
    <div class="utrecht-alert utrecht-alert--error" role="alert">
      <p class="utrecht-paragraph">
        <strong>Dit kan zo niet.</strong> Pas het formulier aan:
      </p>
      <ul class="utrecht-unordered-list">
        {errors.map((e) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link utrecht-link--html-a" href={`#${fieldId(e.field)}`}>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Refusal({ heading, message }: { heading: string; message: string }) {
  return (
    <div class="utrecht-alert utrecht-alert--error" role="alert">
      <p class="utrecht-paragraph">
        <strong>{heading}.</strong> {message}
      </p>
    </div>
  );
}

function Chart({ svg }: { svg: string }) {
  // The SVG string comes from plotSvg(): serialised from a DOM (text escaped), sanitised there.
  return <div class="dh-chart">{raw(svg)}</div>;
}

function TableBox({ id, caption, children }: { id: string; caption: Child; children: Child }) {
  return (
    <section class="dh-table-scroll" aria-labelledby={`${id}-bijschrift`} tabindex={0}>
      <table class="utrecht-table dh-table-compact">
        <caption class="utrecht-table__caption" id={`${id}-bijschrift`}>
          {caption}
        </caption>
        {children}
      </table>
    </section>
  );
}

/** A count, withheld (–) or before the first figures (·). */
function StatusCell({ status, value }: { status: CountStatus; value: number | null }) {
  if (status === "geen-cijfers")
    return (
      <td class={`${numClass} dh-muted`}>
        <span aria-hidden="true">·</span>
        <Hidden>geen cijfers</Hidden>
      </td>
    );
  return <CountCell value={value} />;
}

function SeriesSection({ m }: { m: TrendModel }) {
  const range = monthRangeNl(m.params.from, m.params.to);
  return (
    <section aria-labelledby="trend-reeks-kop">
      <h3 class="utrecht-heading-3" id="trend-reeks-kop">
        Per maand
      </h3>
      <Chart svg={trendChart(m)} />
      <TableBox
        id="trend-reeks"
        caption={`Aantal ${m.subject} per maand in ${m.area.name}, ${range}. Een streepje (–): afgeschermd. Een punt (·): geen cijfers.`}
      >
        <TableHead labels={["Maand", "Aantal", "Ongewoon?"]} numeric={["Aantal"]} />
        <tbody class="utrecht-table__body">
          {m.months.map((x) => (
            <tr class="utrecht-table__row">
              <th class={headClass} scope="row">
                {monthLabelNl(x.month)}
              </th>
              <StatusCell status={x.status} value={x.value} />
              <td class="utrecht-table__cell">
                {x.unusual ? (x.unusual.flag === "hoger" ? "ongewoon hoog" : "ongewoon laag") : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </TableBox>
    </section>
  );
}

function ChangeSection({ m }: { m: TrendModel }) {
  const c = m.change;
  const rows = [
    { label: "Nu", p: c.current },
    ...c.earlier.map((p, i) => ({ label: `${i + 1} jaar eerder`, p })),
  ];
  return (
    <section aria-labelledby="trend-verandering-kop">
      <h3 class="utrecht-heading-3" id="trend-verandering-kop">
        Verandering: {monthRangeNl(c.current.from, c.current.to)}
      </h3>
      {c.text ? <p class="utrecht-paragraph dh-trend-verdict">{c.text}</p> : null}
      {c.notes.map((n) => (
        <p class="utrecht-paragraph">{n}</p>
      ))}
      <TableBox id="trend-verandering" caption={`Aantal ${m.subject} in de periodes die we vergelijken`}>
        <TableHead labels={["Periode", "Maanden", "Aantal"]} numeric={["Aantal"]} />
        <tbody class="utrecht-table__body">
          {rows.map(({ label, p }) => (
            <tr class="utrecht-table__row">
              <th class={headClass} scope="row">
                {label}
              </th>
              <td class="utrecht-table__cell">{monthRangeNl(p.from, p.to)}</td>
              <StatusCell status={p.status} value={p.count} />
            </tr>
          ))}
        </tbody>
      </TableBox>
    </section>
  );
}

function SeasonSection({ m }: { m: TrendModel }) {
  const s = m.season;
  return (
    <section aria-labelledby="trend-seizoen-kop">
      <h3 class="utrecht-heading-3" id="trend-seizoen-kop">
        Patroon door het jaar
      </h3>
      <p class="utrecht-paragraph">{s.text}</p>
      {s.computed ? (
        <TableBox
          id="trend-seizoen"
          caption={`Hoeveel ${m.subject} een maand gewoonlijk boven (+) of onder (−) het gemiddelde ligt`}
        >
          <TableHead
            labels={["Maand", "Boven of onder het gemiddelde"]}
            numeric={["Boven of onder het gemiddelde"]}
          />
          <tbody class="utrecht-table__body">
            {s.byMonth.map((v, i) => (
              <tr class="utrecht-table__row">
                <th class={headClass} scope="row">
                  {monthNameNl(i + 1)}
                </th>
                <td class={numClass}>
                  {v === null ? "–" : `${v > 0 ? "+" : v < 0 ? "−" : ""}${formatRate(Math.abs(v))}`}
                </td>
              </tr>
            ))}
          </tbody>
        </TableBox>
      ) : null}
    </section>
  );
}

function UnusualSection({ m }: { m: TrendModel }) {
  const u = m.unusual;
  return (
    <section aria-labelledby="trend-ongewoon-kop">
      <h3 class="utrecht-heading-3" id="trend-ongewoon-kop">
        Ongewone maanden
      </h3>
      {u.checked === 0 ? (
        <p class="utrecht-paragraph">Geen enkele maand kon worden beoordeeld.</p>
      ) : u.found.length === 0 ? (
        <p class="utrecht-paragraph">
          Van de {formatCount(u.checked)} beoordeelde maanden was er geen ongewoon hoog of laag, vergeleken
          met dezelfde maand in de {LOOKBACK_YEARS} jaar ervoor.
        </p>
      ) : (
        <ul class="utrecht-unordered-list">
          {u.found.map((x) => (
            <li class="utrecht-unordered-list__item">{x.unusual?.text}</li>
          ))}
        </ul>
      )}
      {u.notes.map((n) => (
        <p class="utrecht-paragraph">{n}</p>
      ))}
      {u.checked > 0 ? (
        <p class="utrecht-paragraph">
          Let op: ook als er niets bijzonders aan de hand is, valt door toeval ongeveer 1 op de 20 maanden
          buiten wat normaal is. We bekeken {formatCount(u.checked)} maanden.
        </p>
      ) : null}
    </section>
  );
}

function PeersSection({ m }: { m: TrendModel }) {
  const p = m.peers;
  const numeric = ["Inwoners", `Aantal in ${p?.year} (afgerond op 5)`, "Per 1.000 inwoners"];
  return (
    <section aria-labelledby="trend-vergelijking-kop">
      <h3 class="utrecht-heading-3" id="trend-vergelijking-kop">
        Vergelijking met andere gemeenten{p ? `, ${p.year}` : ""}
      </h3>
      {p === null ? (
        <p class="utrecht-paragraph">
          {m.area.level !== "gemeente"
            ? `Vergelijken met andere gemeenten kan alleen voor een gemeente, niet voor een ${AREA_LEVEL_LABELS[m.area.level]}.`
            : m.typeWithheld
              ? "Deze soort wordt voor u afgeschermd; vergelijken kan daarom niet."
              : "Vergelijken met andere gemeenten kan hier niet: het aantal inwoners is niet bekend of er is geen heel jaar."}
        </p>
      ) : (
        <>
          <p class="utrecht-paragraph">{p.paragraphs.join(" ")}</p>
          {p.rows.length > 1 ? (
            <TableBox
              id="trend-vergelijking"
              caption={`${m.area.name} en vergelijkbare gemeenten: ${m.subject} per 1.000 inwoners in ${p.year} (openbare cijfers, afgerond op 5)`}
            >
              <TableHead labels={["Gemeente", ...numeric]} numeric={numeric} />
              <tbody class="utrecht-table__body">
                {p.rows.map((r) => (
                  <tr class={r.own ? "utrecht-table__row dh-trend-own" : "utrecht-table__row"}>
                    <th class={headClass} scope="row">
                      {r.name}
                      {r.own ? <Hidden> (deze gemeente)</Hidden> : null}
                    </th>
                    <td class={numClass}>{formatCount(r.population)}</td>
                    <td class={numClass}>{formatCount(r.roundedCount)}</td>
                    <td class={numClass}>{formatRate(r.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </TableBox>
          ) : null}
          <p class="utrecht-paragraph dh-note">
            De cijfers van andere gemeenten zijn openbare cijfers: het aantal in {p.year}, afgerond op 5 zoals
            het CBS dat doet, gedeeld door het aantal inwoners. Voor {m.area.name} gebruiken we hier ook het
            afgeronde aantal. Hoe stedelijk een gemeente is, staat niet in driehoek: vergelijkbare gemeenten
            kiezen we op het aantal inwoners (dezelfde inwonersklasse van het CBS), eerst in dezelfde
            politie-eenheid en anders uit het hele land.
          </p>
        </>
      )}
    </section>
  );
}

function Explanation({ m }: { m: TrendModel }) {
  return (
    <section aria-labelledby="trend-uitleg-kop" class="dh-explanation">
      <h3 class="utrecht-heading-3" id="trend-uitleg-kop">
        Hoe lees je dit?
      </h3>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          Dit zijn misdrijven en incidenten die de politie heeft geregistreerd, geteld in de maand waarin ze
          gebeurden. Niet alles wordt bij de politie gemeld.
        </li>
        <li class="utrecht-unordered-list__item">
          Verandering: het aantal van de laatste {CHANGE_MONTHS} maanden van de periode (of de hele periode
          als die korter is), vergeleken met dezelfde maanden een jaar eerder of met het gemiddelde van
          dezelfde maanden in de {LOOKBACK_YEARS} jaar ervoor. Een toets zegt of het verschil door toeval kan
          komen.
        </li>
        <li class="utrecht-unordered-list__item">
          Trend: elke maand wordt vergeleken met dezelfde maand in de andere jaren van de periode, zodat het
          patroon door het jaar niet als trend telt.
        </li>
        <li class="utrecht-unordered-list__item">
          Ongewone maand: een maand vergeleken met dezelfde maand in de {LOOKBACK_YEARS} jaar ervoor.
        </li>
        <li class="utrecht-unordered-list__item">
          Een streepje (–) staat waar een aantal van 1 tot en met 4 zou staan, of een aantal waaruit zo'n
          klein aantal te berekenen is. Zo zijn personen niet te herkennen. Overal in driehoek is hetzelfde
          aantal afgeschermd. Afgeschermde aantallen tellen niet mee: de trend slaat die maanden over, een
          ongewone maand wordt alleen vergeleken met jaren die niet afgeschermd zijn, en een patroon door het
          jaar maken we alleen als geen enkele maand is afgeschermd.
        </li>
        {POLICE_LEVELS.has(m.area.level) ? (
          <li class="utrecht-unordered-list__item">
            De cijfers van een {AREA_LEVEL_LABELS[m.area.level]} zijn opgeteld over zijn gemeenten. Is het
            aantal van één gemeente afgeschermd, dan is ook het opgetelde aantal afgeschermd.
          </li>
        ) : null}
        {m.noDataMonths > 0 ? (
          <li class="utrecht-unordered-list__item">
            Een punt (·) staat bij maanden van voor de eerste cijfers van {m.area.name} in driehoek. Die
            tellen nergens mee.
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function ProtectionNote({ m }: { m: TrendModel }) {
  const parts: string[] = [];
  if (m.typeWithheld) parts.push("Deze soort wordt voor u helemaal afgeschermd.");
  else if (m.typeNotAtLevel) {
    const level = AREA_LEVEL_LABELS[m.area.level];
    const choices = [
      "alle soorten samen",
      ...m.typeNotAtLevel.shown.map((code) => `${inpPath(code)?.l3.label ?? code} (${code})`),
    ];
    parts.push(
      `Per ${level} tonen we deze soort niet: de aantallen worden dan zo klein dat ze iets over personen kunnen zeggen. Per ${level} kunt u kiezen uit ${listNl(choices)}.`,
    );
  } else if (m.withheldTypes.length > 0 && m.type.code === "")
    parts.push(
      `${m.withheldTypes.length === 1 ? "Eén soort wordt" : `${m.withheldTypes.length} soorten worden`} voor u afgeschermd en telt niet mee in het totaal.`,
    );
  if (!m.typeWithheld && !m.typeNotAtLevel && m.withheldMonths > 0)
    parts.push(
      `${m.withheldMonths === 1 ? "Het aantal van 1 maand is" : `De aantallen van ${m.withheldMonths} maanden zijn`} afgeschermd. Die tellen niet mee in de uitkomsten hieronder.`,
    );
  return parts.length > 0 ? (
    <div class="utrecht-alert utrecht-alert--warning dh-alert" role="status">
      <p class="utrecht-paragraph">{parts.join(" ")}</p>
    </div>
  ) : null;
}

export function TrendResults({ m }: { m: TrendModel }) {
  const range = monthRangeNl(m.params.from, m.params.to);
  const trendText = m.trend.text;
  return (
    <>
      <h2 class="utrecht-heading-2" id="trend-kop">
        {m.type.code === "" ? "Alle soorten" : m.type.label} in {m.area.name}, {range}
      </h2>
      <ProtectionNote m={m} />
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        {m.change.text ?? m.change.notes[0] ?? ""} {trendText}
      </p>
      <SeriesSection m={m} />
      <ChangeSection m={m} />
      <section aria-labelledby="trend-trend-kop">
        <h3 class="utrecht-heading-3" id="trend-trend-kop">
          Trend over de hele periode
        </h3>
        <p class="utrecht-paragraph">{trendText}</p>
      </section>
      <SeasonSection m={m} />
      <UnusualSection m={m} />
      <PeersSection m={m} />
      <Explanation m={m} />
    </>
  );
}

export interface TrendsPageProps {
  form: TrendFormProps;
  results: Child;
}

export function TrendsPage({ form, results }: TrendsPageProps) {
  return (
    <>
      <h1 class="utrecht-heading-1">Trends</h1>
      <p class="utrecht-paragraph">
        Kies een soort, een gebied en een periode. U ziet het aantal per maand, of het verandert, of er een
        trend is, welke maanden ongewoon waren en hoe een gemeente ervoor staat naast vergelijkbare gemeenten.
        Elke keer wordt vastgelegd in het verstrekkingenregister.
      </p>
      <TrendForm {...form} />
      <ResultsSection>{results}</ResultsSection>
    </>
  );
}
