// Maandoverzicht (VNG/INP model): every INP type in the gemeente; the month against the same
// month last year, the year so far against last year, the last 12 months and the rate per 1,000
// inhabitants, with whether each change is clear (exact Poisson test, Benjamini–Hochberg over the
// types) and a plain-language summary.

import { describeChange } from "../../analysis/duiding/index.ts";
import type { ProtectedCounts } from "../../disclosure/table-protection/protect-counts.ts";
import { monthLabelNl } from "../../domain/time.ts";
import { monthNameNl, monthRangeNl } from "../../render/format-nl.ts";
import { buildMonthlyFigures, type Count, type TypeFigures } from "../../render/monthly-figures-model.ts";
import { countCell, loadAreaCounts, protectAreaCountsFor } from "../parts/area-counts.ts";
import { CLEAR_CHANGE_NOTE } from "../parts/change-columns.ts";
import { changeVerdict, exactChangeTest, testChanges } from "../parts/change-tests.ts";
import { documentHead } from "../parts/document-head.ts";
import { groupedTypeRows } from "../parts/grouped-type-rows.ts";
import { keptBuild } from "../parts/kept-build.ts";
import { monthsSection } from "../parts/months-section.ts";
import { per1000Paragraph } from "../parts/population-rate.ts";
import { chartOf } from "../parts/table-chart.ts";
import type { ProductContext, ProductDefinition } from "../product-definition.ts";
import type { Cell, ProductDocument, Row, TableBlock } from "../product-document.ts";

const SECTIONS = [
  { id: "per-maand", title: "Totaal per maand" },
  { id: "per-soort", title: "Per soort" },
  { id: "meest-voorkomend", title: "Meest voorkomend deze maand" },
  { id: "uitleg", title: "Hoe lees je dit overzicht?" },
] as const;

const c = (v: Count): Cell => countCell(v);
const orNull = (v: number | null): Cell => v;

/** Which earlier periods have figures at all (before the first month with data there are none). */
interface Known {
  month: boolean;
  yearToDate: boolean;
}

/** The figures with the comparisons to periods without any data taken out (no figures, not 0). */
function withoutUnknown(t: TypeFigures, known: Known): TypeFigures {
  const none = (x: TypeFigures["month"]) => ({ ...x, previous: null, difference: null, percent: null });
  return {
    ...t,
    month: known.month ? t.month : none(t.month),
    yearToDate: known.yearToDate ? t.yearToDate : none(t.yearToDate),
  };
}

function typeRow(
  t: TypeFigures,
  tests: { month: ReturnType<typeof testChanges>[number]; ytd: ReturnType<typeof testChanges>[number] },
  depth: number,
  known: Known,
  total = false,
): Row {
  const previous = (ok: boolean, v: Count): Cell => (ok ? c(v) : null);
  return {
    depth,
    total,
    cells: {
      soort: t.label,
      code: t.code === "totaal" ? null : t.code,
      maand: c(t.month.current),
      maandVorigJaar: previous(known.month, t.month.previous),
      maandVerschil: orNull(t.month.percent),
      maandVerandering: changeVerdict(tests.month),
      maandP: tests.month ? tests.month.p : null,
      jaar: c(t.yearToDate.current),
      jaarVorigJaar: previous(known.yearToDate, t.yearToDate.previous),
      jaarVerschil: orNull(t.yearToDate.percent),
      jaarVerandering: changeVerdict(tests.ytd),
      jaarP: tests.ytd ? tests.ytd.p : null,
      twaalfMaanden: c(t.last12Months),
      per1000: t.per1000,
    },
  };
}

function build(input: ProtectedCounts, ctx: ProductContext): ProductDocument {
  const month = ctx.period.to;
  const f = buildMonthlyFigures(
    {
      code: ctx.area.code,
      name: ctx.area.name,
      population: ctx.area.population,
      populationYear: ctx.area.populationYear,
    },
    month,
    input.rows,
    input.shown,
  );
  const { periods } = f;
  const firstMonth = input.rows.reduce(
    (m, r) => (r.count > 0 ? Math.min(m, r.month) : m),
    Number.POSITIVE_INFINITY,
  );
  const known: Known = {
    month: periods.previousMonth >= firstMonth,
    yearToDate: periods.previousYearToDate.from >= firstMonth,
  };
  const types = f.groups
    .flatMap((g) => g.groups.flatMap((g2) => g2.types))
    .map((t) => withoutUnknown(t, known));
  const total = withoutUnknown(f.total, known);
  const monthTests = testChanges(types.map((t) => t.month));
  const ytdTests = testChanges(types.map((t) => t.yearToDate));
  const testOf = new Map(
    types.map((t, i) => [t.code, { month: monthTests[i] ?? null, ytd: ytdTests[i] ?? null }]),
  );
  const single = (a: Count, b: Count) =>
    a === null || b === null || a + b === 0 ? null : exactChangeTest(a, b);
  const totalTests = {
    month: testChanges([total.month])[0] ?? null,
    ytd: testChanges([total.yearToDate])[0] ?? null,
  };

  const monthLabel = monthLabelNl(month);
  const prevLabel = monthLabelNl(periods.previousMonth);
  const ytdLabel = monthRangeNl(periods.yearToDate.from, periods.yearToDate.to);
  const prevYtdLabel = monthRangeNl(periods.previousYearToDate.from, periods.previousYearToDate.to);

  const summary: string[] = [];
  if (!f.hasData) {
    summary.push(
      `Voor ${ctx.area.name} zijn er geen registraties van ${monthLabelNl(periods.needed.from)} tot en met ${monthLabel}.`,
    );
  } else {
    const { current, previous } = total.month;
    if (!known.month) {
      summary.push(`Van ${prevLabel} zijn er geen cijfers; vergelijken met vorig jaar kan nog niet.`);
    } else if (current !== null && previous !== null) {
      summary.push(
        describeChange({
          subject: "registraties",
          before: previous,
          after: current,
          test: single(current, previous),
          periodBefore: prevLabel,
          periodAfter: monthLabel,
        }),
      );
    } else summary.push(`Het totaal van ${monthLabel} of ${prevLabel} is afgeschermd.`);
    const y = total.yearToDate;
    if (known.yearToDate && y.current !== null && y.previous !== null) {
      summary.push(
        describeChange({
          subject: "registraties",
          before: y.previous,
          after: y.current,
          test: single(y.current, y.previous),
          periodBefore: prevYtdLabel,
          periodAfter: ytdLabel,
        }),
      );
    }
    const clear = (dir: 1 | -1) =>
      types
        .filter((t) => testOf.get(t.code)?.ytd?.clear && testOf.get(t.code)?.ytd?.direction === dir)
        .map((t) => t.label.toLowerCase());
    const up = clear(1);
    const down = clear(-1);
    if (!known.yearToDate) {
      // Nothing to compare with: no sentence about changes.
    } else if (up.length + down.length === 0) {
      summary.push(
        `Bij geen enkele soort is het verschil tussen ${ytdLabel} en dezelfde maanden vorig jaar duidelijk groter dan toeval.`,
      );
    } else {
      if (up.length > 0) summary.push(`Duidelijk meer dan vorig jaar (${ytdLabel}): ${up.join(", ")}.`);
      if (down.length > 0) summary.push(`Duidelijk minder dan vorig jaar (${ytdLabel}): ${down.join(", ")}.`);
    }
  }

  const perMonth = monthsSection(SECTIONS[0], f.perMonth, {
    caption: `Alle registraties per maand, ${f.year} en ${f.previousYear}`,
    yearLabel: String(f.year),
    prevLabel: String(f.previousYear),
    current: (m) => (m.monthNumber <= month % 100 ? c(m.current) : null),
    previous: (m) => (f.previousYear * 100 + m.monthNumber >= firstMonth ? c(m.previous) : null),
  });

  const columns: TableBlock["columns"] = [
    { key: "soort", label: "Soort", type: "text" },
    { key: "code", label: "Code", type: "text" },
    { key: "maand", label: monthLabel, type: "count" },
    { key: "maandVorigJaar", label: prevLabel, type: "count" },
    { key: "maandVerschil", label: "Verschil (%)", type: "percent" },
    { key: "maandVerandering", label: `Verandering ${monthNameNl(month % 100)}`, type: "text" },
    { key: "maandP", label: `p-waarde ${monthNameNl(month % 100)}`, type: "p-value" },
    { key: "jaar", label: ytdLabel, type: "count" },
    { key: "jaarVorigJaar", label: prevYtdLabel, type: "count" },
    { key: "jaarVerschil", label: "Verschil jaar tot nu (%)", type: "percent" },
    { key: "jaarVerandering", label: "Verandering jaar tot nu", type: "text" },
    { key: "jaarP", label: "p-waarde jaar tot nu", type: "p-value" },
    { key: "twaalfMaanden", label: `12 maanden t/m ${monthLabel}`, type: "count" },
    { key: "per1000", label: "Per 1.000 inwoners (12 maanden)", type: "rate", decimals: 1 },
  ];
  const rows = groupedTypeRows(f.groups, (t, depth) =>
    typeRow(withoutUnknown(t, known), testOf.get(t.code) ?? { month: null, ytd: null }, depth, known),
  );
  rows.push(typeRow(total, totalTests, 0, known, true));
  const perType: TableBlock = {
    kind: "table",
    id: "per-soort",
    caption: `Registraties per soort in ${ctx.area.name}, ${monthLabel}`,
    columns,
    rows,
    note: CLEAR_CHANGE_NOTE,
  };

  const top: TableBlock = {
    kind: "table",
    id: "meest-voorkomend",
    caption: `De ${f.top.length} meest geregistreerde soorten in ${monthLabel}`,
    columns: [
      { key: "soort", label: "Soort", type: "text" },
      { key: "maand", label: monthLabel, type: "count" },
      { key: "maandVorigJaar", label: prevLabel, type: "count" },
    ],
    rows: f.top.map((t) => ({
      cells: { soort: t.label, maand: t.current, maandVorigJaar: known.month ? c(t.previous) : null },
    })),
  };

  return {
    ...documentHead(ctx, "maandoverzicht", `Maandoverzicht ${ctx.area.name}, ${monthLabel}`, "aggregated"),
    summary,
    sections: [
      perMonth,
      { id: "per-soort", title: SECTIONS[1].title, blocks: [perType] },
      {
        id: "meest-voorkomend",
        title: SECTIONS[2].title,
        blocks: [chartOf(top, "bar", "soort", ["maand", "maandVorigJaar"]), top],
      },
      {
        id: "uitleg",
        title: SECTIONS[3].title,
        blocks: [
          {
            kind: "text",
            paragraphs: [
              "Dit zijn misdrijven en incidenten die de politie heeft geregistreerd. We tellen een registratie in de maand waarin het gebeurde (de pleegdatum). Pogingen tellen mee.",
              "Niet alles wordt bij de politie gemeld. De cijfers laten dus niet alles zien, en een stijging kan ook komen doordat mensen vaker melden.",
              "Een verschil heet duidelijk als het niet door toeval te verklaren is. Kleine aantallen gaan vaak op en neer; dan is een verschil meestal niet duidelijk.",
              per1000Paragraph(ctx, "de laatste 12 maanden"),
            ],
          },
        ],
      },
    ],
  };
}

export const maandoverzicht: ProductDefinition<ProtectedCounts> = {
  id: "maandoverzicht",
  title: "Maandoverzicht",
  description:
    "Alle soorten misdrijven en incidenten van de maand, vergeleken met dezelfde maand vorig jaar en met het jaar tot nu, met per 1.000 inwoners en of een verandering duidelijk is (model VNG/INP).",
  sections: SECTIONS,
  measures: [
    "aantal registraties",
    "verschil met vorig jaar (%)",
    "duidelijke verandering (toets)",
    "12 maanden",
    "per 1.000 inwoners",
  ],
  levels: ["gemeente"],
  defaultLevel: "gemeente",
  periodKinds: ["maand"],
  cadence: "maandelijks",
  audience: ["burgemeester", "oov-adviseur", "analist-gemeente", "teamchef"],
  sensitivity: "aggregated",
  load: loadAreaCounts,
  protect: protectAreaCountsFor(),
  // Kept per protected counts: Mijn beeld makes it on every visit.
  build: keptBuild(build, (input) =>
    Object.isFrozen(input.rows) ? [input.rows, input.shown, input.roundTo ?? 1] : null,
  ),
};
