// The full table of the monthly figures: one row per INP level-3 type under level-1 and level-2
// headings, this month and year-to-date against last year, the last 12 months, per 1,000
// inhabitants, and a totals row. Small counts get a dash instead of a percentage.

import { monthLabelNl } from "../domain/time.ts";
import { CountCell } from "./count-cell.tsx";
import { formatPercentChange, formatRate, monthNameNl, monthRangeNl } from "./format-nl.ts";
import type { Comparison, MonthlyFigures, TypeFigures } from "./monthly-figures-model.ts";
import { headClass, numClass, numHeadClass } from "./table-classes.ts";
import { Hidden } from "./visually-hidden.tsx";

/** A percentage cell: the percentage, or a dash when the counts are too small or withheld. */
function Percent({ c }: { c: Comparison }) {
  if (c.percent === null) {
    return (
      <td class={`${numClass} dh-muted`}>
        <span aria-hidden="true">–</span>
        <Hidden>
          {c.difference === null ? "geen percentage: afgeschermd" : "geen percentage: te weinig"}
        </Hidden>
      </td>
    );
  }
  return <td class={numClass}>{formatPercentChange(c.percent)}</td>;
}

function ComparisonCells({ c }: { c: Comparison }) {
  return (
    <>
      <CountCell value={c.current} />
      <CountCell value={c.previous} />
      <CountCell value={c.difference} difference />
      <Percent c={c} />
    </>
  );
}

function TypeCells({ t, withRate }: { t: TypeFigures; withRate: boolean }) {
  return (
    <>
      <ComparisonCells c={t.month} />
      <ComparisonCells c={t.yearToDate} />
      <CountCell value={t.last12Months} />
      {withRate ? <td class={numClass}>{t.per1000 === null ? "–" : formatRate(t.per1000)}</td> : null}
    </>
  );
}

export function AllTypesSection({ f }: { f: MonthlyFigures }) {
  const withRate = f.area.population !== null && f.area.population > 0;
  const columns = 1 + 4 + 4 + (withRate ? 2 : 1);
  const p = f.periods;
  const monthName = monthNameNl(p.month % 100);
  const ytdName = monthRangeNl(p.yearToDate.from, p.yearToDate.to).replace(/ \d{4}$/, "");
  return (
    <section aria-labelledby="alle-kop">
      <h2 class="utrecht-heading-2" id="alle-kop">
        Alle soorten
      </h2>
      <section class="dh-table-scroll" aria-labelledby="alle-bijschrift" tabindex={0}>
        <table class="utrecht-table dh-table-full">
          <caption class="utrecht-table__caption" id="alle-bijschrift">
            Geregistreerde misdrijven en incidenten in {f.area.name} per soort: {monthLabelNl(p.month)}{" "}
            tegenover {monthLabelNl(p.previousMonth)}, {monthRangeNl(p.yearToDate.from, p.yearToDate.to)}{" "}
            tegenover {monthRangeNl(p.previousYearToDate.from, p.previousYearToDate.to)}, en de laatste 12
            maanden ({monthRangeNl(p.last12Months.from, p.last12Months.to)}). Soorten zonder registraties in
            deze periode staan niet in de tabel.
          </caption>
          <colgroup span={1} />
          <colgroup span={4} />
          <colgroup span={4} />
          <colgroup span={withRate ? 2 : 1} />
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class={headClass} scope="col" rowspan={2}>
                Soort
              </th>
              <th class={`${headClass} dh-group-start`} scope="colgroup" colspan={4}>
                {monthName}
              </th>
              <th class={`${headClass} dh-group-start`} scope="colgroup" colspan={4}>
                {ytdName}
              </th>
              <th class={`${headClass} dh-group-start`} scope="colgroup" colspan={withRate ? 2 : 1}>
                Laatste 12 maanden
              </th>
            </tr>
            <tr class="utrecht-table__row">
              {[0, 1].map(() => (
                <>
                  <th class={`${numHeadClass} dh-group-start`} scope="col">
                    {f.year}
                  </th>
                  <th class={numHeadClass} scope="col">
                    {f.previousYear}
                  </th>
                  <th class={numHeadClass} scope="col">
                    Verschil
                  </th>
                  <th class={numHeadClass} scope="col">
                    Verschil in %
                  </th>
                </>
              ))}
              <th class={`${numHeadClass} dh-group-start`} scope="col">
                Aantal
              </th>
              {withRate ? (
                <th class={numHeadClass} scope="col">
                  Per 1.000 inwoners
                </th>
              ) : null}
            </tr>
          </thead>
          {f.groups.flatMap((l1) =>
            l1.groups.map((l2, i) => (
              <tbody class="utrecht-table__body">
                {i === 0 ? (
                  <tr class="utrecht-table__row dh-row-level-1">
                    <th class={headClass} scope="rowgroup" colspan={columns}>
                      {l1.label}
                    </th>
                  </tr>
                ) : null}
                {l2.code === l1.code ? null : (
                  <tr class="utrecht-table__row dh-row-level-2">
                    <th class={headClass} scope="rowgroup" colspan={columns}>
                      {l2.label}
                    </th>
                  </tr>
                )}
                {l2.types.map((t) => (
                  <tr class="utrecht-table__row">
                    <th class={`${headClass} dh-type`} scope="row">
                      <span class="dh-code">{t.code}</span> {t.label}
                    </th>
                    <TypeCells t={t} withRate={withRate} />
                  </tr>
                ))}
              </tbody>
            )),
          )}
          <tfoot class="utrecht-table__footer">
            <tr class="utrecht-table__row dh-row-total">
              <th class={headClass} scope="row">
                Totaal
              </th>
              <TypeCells t={f.total} withRate={withRate} />
            </tr>
          </tfoot>
        </table>
      </section>
    </section>
  );
}
