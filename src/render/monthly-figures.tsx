// Markup of the monthly figures page (the content of <main>): month navigation, a plain-language
// summary and explanation, two charts each followed by a table with the same numbers, and the
// full table per INP type. Pure: everything comes in through props; hono/jsx escapes all text.

import { raw } from "hono/html";
import { monthLabelNl } from "../domain/time.ts";
import { CountCell } from "./count-cell.tsx";
import { formatCount, monthNameNl } from "./format-nl.ts";
import { MonthNav, type MonthNavigation } from "./month-nav.tsx";
import { monthlyTotalsChart, topTypesChart } from "./monthly-figures-charts.ts";
import { MIN_COUNT_FOR_PERCENT, type MonthlyFigures } from "./monthly-figures-model.ts";
import { AllTypesSection } from "./monthly-figures-table.tsx";
import { headClass, numClass, numHeadClass } from "./table-classes.ts";
import { Hidden } from "./visually-hidden.tsx";

export type { MonthNavigation };

export interface MonthlyFiguresProps {
  figures: MonthlyFigures;
  nav: MonthNavigation;
  /** Shown when the chosen month is not over yet. */
  incomplete?: boolean;
}

function Summary({ f }: { f: MonthlyFigures }) {
  const { month, previousMonth } = f.periods;
  if (!f.hasData) {
    return (
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        Voor {f.area.name} zijn er geen registraties van {monthLabelNl(f.periods.needed.from)} tot en met{" "}
        {monthLabelNl(month)}.
      </p>
    );
  }
  const { current, previous } = f.total.month;
  if (current === null) {
    return (
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        Het totaal van {monthLabelNl(month)} in {f.area.name} is afgeschermd: het zou kleine aantallen
        verraden.
      </p>
    );
  }
  return (
    <p class="utrecht-paragraph utrecht-paragraph--lead">
      In {monthLabelNl(month)} registreerde de politie {formatCount(current)} misdrijven en incidenten in{" "}
      {f.area.name}.{" "}
      {previous === null
        ? `Het aantal van ${monthLabelNl(previousMonth)} is afgeschermd.`
        : `In ${monthLabelNl(previousMonth)} waren dat er ${formatCount(previous)}.`}
    </p>
  );
}

function Explanation({ f }: { f: MonthlyFigures }) {
  const { population, populationYear } = f.area;
  return (
    <section aria-labelledby="uitleg-kop" class="dh-explanation">
      <h2 class="utrecht-heading-2" id="uitleg-kop">
        Wat betekenen deze cijfers?
      </h2>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          Dit zijn misdrijven en incidenten die de politie heeft geregistreerd (de politieregistratie).
        </li>
        <li class="utrecht-unordered-list__item">
          We tellen een registratie in de maand waarin het gebeurde. Dat heet de pleegdatum.
        </li>
        <li class="utrecht-unordered-list__item">
          Pogingen tellen mee. Een poging tot inbraak telt dus als een inbraak.
        </li>
        <li class="utrecht-unordered-list__item">
          Niet alles wordt bij de politie gemeld. De cijfers laten dus niet alles zien.
        </li>
        <li class="utrecht-unordered-list__item">
          Is een aantal kleiner dan {MIN_COUNT_FOR_PERCENT}? Dan geven we geen percentage. Bij kleine
          aantallen geeft een klein verschil al een groot percentage.
        </li>
        <li class="utrecht-unordered-list__item">
          We zeggen hier nog niet of een verschil toeval is. Kleine aantallen gaan vaak op en neer.
        </li>
        {f.withheld ? (
          <li class="utrecht-unordered-list__item">
            Een streepje met de tekst "afgeschermd" staat waar een aantal van 1 tot en met 4 zou staan, of een
            aantal waaruit zo'n klein aantal te berekenen is. Zo zijn personen niet te herkennen. Overal in
            driehoek is hetzelfde aantal afgeschermd.
          </li>
        ) : null}
        {population ? (
          <li class="utrecht-unordered-list__item">
            Per 1.000 inwoners: het aantal in de laatste 12 maanden, gedeeld door het aantal inwoners, keer
            1.000. {f.area.name} heeft {formatCount(population)} inwoners
            {populationYear ? ` (${populationYear})` : ""}.
          </li>
        ) : (
          <li class="utrecht-unordered-list__item">
            Het aantal inwoners is niet bekend. Daarom staat er geen cijfer per 1.000 inwoners.
          </li>
        )}
      </ul>
    </section>
  );
}

function Chart({ svg }: { svg: string }) {
  // The SVG string comes from plotSvg(): serialised from a DOM (text escaped), sanitised there.
  return <div class="dh-chart">{raw(svg)}</div>;
}

function MonthlyTotalsSection({ f }: { f: MonthlyFigures }) {
  return (
    <section aria-labelledby="per-maand-kop">
      <h2 class="utrecht-heading-2" id="per-maand-kop">
        Totaal per maand: {f.year} en {f.previousYear}
      </h2>
      <Chart svg={monthlyTotalsChart(f)} />
      <section class="dh-table-scroll" aria-labelledby="per-maand-bijschrift" tabindex={0}>
        <table class="utrecht-table dh-table-compact">
          <caption class="utrecht-table__caption" id="per-maand-bijschrift">
            Totaal aantal registraties per maand in {f.area.name}, {f.year} en {f.previousYear}. Een streepje
            (–) betekent: deze maand is nog niet voorbij.
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class={headClass} scope="col">
                Maand
              </th>
              <th class={numHeadClass} scope="col">
                {f.year}
              </th>
              <th class={numHeadClass} scope="col">
                {f.previousYear}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {f.perMonth.map((m) => (
              <tr class="utrecht-table__row">
                <th class={headClass} scope="row">
                  {monthNameNl(m.monthNumber)}
                </th>
                <td class={numClass}>
                  {m.current === null ? (
                    <>
                      <span aria-hidden="true">–</span>
                      <Hidden>nog niet bekend</Hidden>
                    </>
                  ) : (
                    formatCount(m.current)
                  )}
                </td>
                <CountCell value={m.previous} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

function TopTypesSection({ f }: { f: MonthlyFigures }) {
  const { month, previousMonth } = f.periods;
  return (
    <section aria-labelledby="top-kop">
      <h2 class="utrecht-heading-2" id="top-kop">
        Wat kwam het meest voor in {monthLabelNl(month)}?
      </h2>
      {f.top.length === 0 ? (
        <p class="utrecht-paragraph">In {monthLabelNl(month)} zijn er geen registraties.</p>
      ) : (
        <>
          <Chart svg={topTypesChart(f)} />
          <section class="dh-table-scroll" aria-labelledby="top-bijschrift" tabindex={0}>
            <table class="utrecht-table dh-table-compact">
              <caption class="utrecht-table__caption" id="top-bijschrift">
                De {f.top.length} soorten die in {monthLabelNl(month)} het meest voorkwamen in {f.area.name},
                met hetzelfde cijfer in {monthLabelNl(previousMonth)}.
              </caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class={headClass} scope="col">
                    Soort
                  </th>
                  <th class={numHeadClass} scope="col">
                    {monthLabelNl(month)}
                  </th>
                  <th class={numHeadClass} scope="col">
                    {monthLabelNl(previousMonth)}
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {f.top.map((t) => (
                  <tr class="utrecht-table__row">
                    <th class={headClass} scope="row">
                      {t.label}
                    </th>
                    <CountCell value={t.current} />
                    <CountCell value={t.previous} />
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </section>
  );
}

/** The content of <main> for the monthly figures of one gemeente. */
export function MonthlyFiguresView({ figures: f, nav, incomplete }: MonthlyFiguresProps) {
  return (
    <>
      <h1 class="utrecht-heading-1">
        Maandcijfers {f.area.name}: {monthLabelNl(f.periods.month)}
      </h1>
      <MonthNav nav={nav} />
      {incomplete ? (
        <div class="utrecht-alert utrecht-alert--warning dh-alert" role="status">
          <p class="utrecht-paragraph">Deze maand is nog niet voorbij. De cijfers zijn nog niet compleet.</p>
        </div>
      ) : null}
      <Summary f={f} />
      <Explanation f={f} />
      {f.hasData ? (
        <>
          <MonthlyTotalsSection f={f} />
          <TopTypesSection f={f} />
          <AllTypesSection f={f} />
        </>
      ) : null}
    </>
  );
}
