// Jaarafsluiting: a whole year against the year before, for every INP type grouped as in the
// Maandoverzicht, with whether each change is clear (exact Poisson test, Benjamini–Hochberg over
// the types), the twelve months against last year as a line chart, and the types that rose or
// fell clearly the most.
//
// Which sums are shown: a whole calendar year is the year to date in December, and single months
// are decided sums; nothing else is shown. Years before the first year with registrations have no
// figures (empty, not 0, and not tested).
//
// Levels: only the gemeente for now. The basisteam version needs the sum over its gemeenten, and
// the table protection for such sums (over areas) is being built elsewhere; add "basisteam" to
// `levels` once `load`/`protect` can give it.

import { describeChange } from "../../analysis/duiding/index.ts";
import type { ProtectedCounts } from "../../disclosure/table-protection/protect-counts.ts";
import { InputError } from "../../domain/errors.ts";
import { formatCount } from "../../render/format-nl.ts";
import {
  buildMonthlyFigures,
  type Comparison,
  type Count,
  type TypeFigures,
} from "../../render/monthly-figures-model.ts";
import { countCell, loadAreaCounts, protectAreaCountsFor } from "../parts/area-counts.ts";
import { CLEAR_CHANGE_NOTE, yearChangeColumns } from "../parts/change-columns.ts";
import { type ChangeTest, changeVerdict, testChanges } from "../parts/change-tests.ts";
import { documentHead } from "../parts/document-head.ts";
import { groupedTypeRows } from "../parts/grouped-type-rows.ts";
import { monthSums } from "../parts/month-sums.ts";
import { monthsSection } from "../parts/months-section.ts";
import { per1000Paragraph } from "../parts/population-rate.ts";
import type { ProductContext, ProductDefinition } from "../product-definition.ts";
import type { Cell, ProductDocument, Row, TableBlock, TextBlock } from "../product-document.ts";

const SECTIONS = [
  { id: "per-maand", title: "Per maand" },
  { id: "per-soort", title: "Per soort" },
  { id: "stijgers-dalers", title: "Duidelijk meer en duidelijk minder" },
  { id: "uitleg", title: "Hoe lees je deze jaarafsluiting?" },
] as const;

/** How many clear risers and fallers are listed. */
export const TOP_CHANGES = 5;

const c = (v: Count): Cell => countCell(v);

interface TypeYear {
  figures: TypeFigures;
  /** The year against the year before (previous null when there are no figures for it). */
  year: Comparison;
  test: ChangeTest | null;
}

function yearOf(ctx: ProductContext): number {
  const p = ctx.period;
  if (p.kind !== "jaar" || p.from % 100 !== 1 || p.to % 100 !== 12) {
    throw new InputError(`De Jaarafsluiting gaat over een heel jaar, niet over ${p.label}`, "--periode");
  }
  return Math.floor(p.from / 100);
}

export function buildJaarafsluiting(input: ProtectedCounts, ctx: ProductContext): ProductDocument {
  const year = yearOf(ctx);
  const previousYear = year - 1;
  // The year to date in December is the whole year (and the last 12 months).
  const f = buildMonthlyFigures(
    {
      code: ctx.area.code,
      name: ctx.area.name,
      population: ctx.area.population,
      populationYear: ctx.area.populationYear,
    },
    year * 100 + 12,
    input.rows,
    input.shown,
  );
  const { dataStart } = monthSums(input.rows);
  const hasYear = (y: number) => dataStart !== null && y >= Math.floor(dataStart / 100);
  const hasPrevious = hasYear(previousYear);
  const comparison = (t: TypeFigures): Comparison =>
    hasPrevious ? t.yearToDate : { ...t.yearToDate, previous: null, difference: null, percent: null };
  const prevCell = (v: Count): Cell => (hasPrevious ? c(v) : null);

  const flat = f.groups.flatMap((g) => g.groups.flatMap((g2) => g2.types));
  const tests = testChanges(flat.map(comparison));
  const byCode = new Map<string, TypeYear>(
    flat.map((t, i) => [t.code, { figures: t, year: comparison(t), test: tests[i] ?? null }]),
  );
  const total: TypeYear = {
    figures: f.total,
    year: comparison(f.total),
    test: testChanges([comparison(f.total)])[0] ?? null,
  };

  const yearLabel = String(year);
  const prevLabel = String(previousYear);

  // Summary.
  const summary: string[] = [];
  const clear = (dir: 1 | -1) =>
    [...byCode.values()]
      .filter((t) => t.test?.clear && t.test.direction === dir)
      .sort(
        (a, b) =>
          dir * ((b.year.difference ?? 0) - (a.year.difference ?? 0)) ||
          a.figures.code.localeCompare(b.figures.code),
      );
  const risers = clear(1);
  const fallers = clear(-1);
  if (!hasYear(year)) {
    summary.push(`Voor ${ctx.area.name} zijn er geen cijfers over ${yearLabel}.`);
  } else {
    const { current, previous } = total.year;
    if (!hasPrevious) {
      if (current !== null)
        summary.push(
          `In ${yearLabel} registreerde de politie ${formatCount(current)} misdrijven en incidenten in ${ctx.area.name}.`,
        );
      summary.push(
        `Over ${prevLabel} zijn er geen cijfers; vergelijken met het jaar ervoor kan daarom niet.`,
      );
    } else if (current !== null && previous !== null) {
      summary.push(
        describeChange({
          subject: "registraties",
          before: previous,
          after: current,
          test: total.test ? { pTwoSided: total.test.p } : null,
          periodBefore: prevLabel,
          periodAfter: yearLabel,
        }),
      );
    } else {
      summary.push(`Het totaal van ${yearLabel} of ${prevLabel} is afgeschermd.`);
    }
    if (hasPrevious) {
      const names = (list: TypeYear[]) => {
        const shown = list.slice(0, TOP_CHANGES).map((t) => t.figures.label.toLowerCase());
        const more = list.length - shown.length;
        return more > 0
          ? `${shown.join(", ")} en ${more === 1 ? "1 andere soort" : `${more} andere soorten`}`
          : shown.join(", ");
      };
      if (risers.length + fallers.length === 0) {
        summary.push(
          `Bij geen enkele soort is het verschil tussen ${yearLabel} en ${prevLabel} duidelijk groter dan toeval.`,
        );
      } else {
        if (risers.length > 0) summary.push(`Duidelijk meer dan in ${prevLabel}: ${names(risers)}.`);
        if (fallers.length > 0) summary.push(`Duidelijk minder dan in ${prevLabel}: ${names(fallers)}.`);
      }
    }
  }

  // Per month.
  const perMonth = monthsSection(SECTIONS[0], f.perMonth, {
    caption: `Alle registraties per maand in ${ctx.area.name}, ${yearLabel} en ${prevLabel}`,
    yearLabel,
    prevLabel,
    current: (m) => (hasYear(year) ? c(m.current) : null),
    previous: (m) => prevCell(m.previous),
  });

  // Per type, grouped.
  const typeRow = (t: TypeYear, depth: number, isTotal = false): Row => ({
    depth,
    total: isTotal,
    cells: {
      soort: t.figures.label,
      code: t.figures.code === "totaal" ? null : t.figures.code,
      jaar: hasYear(year) ? c(t.year.current) : null,
      vorigJaar: prevCell(t.year.previous),
      verschil: t.year.difference,
      verschilProcent: t.year.percent,
      verandering: changeVerdict(t.test),
      p: t.test ? t.test.p : null,
      per1000: t.figures.per1000,
    },
  });
  const rows = groupedTypeRows(f.groups, (t, depth) => {
    const ty = byCode.get(t.code);
    return ty ? typeRow(ty, depth) : undefined;
  });
  rows.push(typeRow(total, 0, true));
  const perType: TableBlock = {
    kind: "table",
    id: "per-soort",
    caption: `Registraties per soort in ${ctx.area.name}, ${yearLabel} en ${prevLabel}`,
    columns: yearChangeColumns(yearLabel, prevLabel),
    rows,
    note: CLEAR_CHANGE_NOTE,
  };

  // Clear risers and fallers: the columns of the per-type table without code, verdict and rate.
  const changeTable = (id: string, caption: string, list: TypeYear[]): TableBlock => ({
    kind: "table",
    id,
    caption,
    columns: yearChangeColumns(yearLabel, prevLabel).filter(
      (col) => !["code", "verandering", "per1000"].includes(col.key),
    ),
    rows: list.slice(0, TOP_CHANGES).map((t) => ({
      cells: {
        soort: t.figures.label,
        jaar: c(t.year.current),
        vorigJaar: c(t.year.previous),
        verschil: t.year.difference,
        verschilProcent: t.year.percent,
        p: t.test ? t.test.p : null,
      },
    })),
  });
  const changeBlocks: (TableBlock | TextBlock)[] = [];
  if (!hasPrevious) {
    changeBlocks.push({
      kind: "text",
      paragraphs: [`Over ${prevLabel} zijn er geen cijfers; vergelijken kan daarom niet.`],
    });
  } else {
    for (const [list, dir] of [
      [risers, "meer"],
      [fallers, "minder"],
    ] as const) {
      if (list.length === 0) {
        changeBlocks.push({
          kind: "text",
          paragraphs: [`Geen enkele soort had duidelijk ${dir} registraties dan in ${prevLabel}.`],
        });
      } else {
        changeBlocks.push(
          changeTable(
            `duidelijk-${dir}`,
            `${list.length > TOP_CHANGES ? `De ${TOP_CHANGES} soorten` : "Soorten"} met het grootste verschil die duidelijk ${dir} registraties hadden dan in ${prevLabel}`,
            list,
          ),
        );
      }
    }
  }

  return {
    ...documentHead(ctx, "jaarafsluiting", `Jaarafsluiting ${ctx.area.name}, ${yearLabel}`, "aggregated"),
    summary,
    sections: [
      perMonth,
      { id: "per-soort", title: SECTIONS[1].title, blocks: [perType] },
      { id: "stijgers-dalers", title: SECTIONS[2].title, blocks: changeBlocks },
      {
        id: "uitleg",
        title: SECTIONS[3].title,
        blocks: [
          {
            kind: "text",
            paragraphs: [
              "Dit zijn misdrijven en incidenten die de politie heeft geregistreerd. We tellen een registratie in de maand waarin het gebeurde. Pogingen tellen mee.",
              `We vergelijken het hele jaar ${yearLabel} (januari tot en met december) met het hele jaar ${prevLabel}.`,
              "Niet alles wordt bij de politie gemeld. De cijfers laten dus niet alles zien. Een stijging kan ook komen doordat mensen vaker melden.",
              "Een verschil heet duidelijk als het niet door toeval te verklaren is. We houden er rekening mee dat we veel soorten tegelijk bekijken. Kleine aantallen gaan vaak op en neer; dan is een verschil meestal niet duidelijk.",
              `Onder 'Duidelijk meer en duidelijk minder' staan alleen soorten met een duidelijk verschil: hooguit ${TOP_CHANGES} per kant, die met het grootste verschil eerst.`,
              "Een leeg vak: voor die periode zijn er geen cijfers.",
              per1000Paragraph(ctx, yearLabel),
            ],
          },
        ],
      },
    ],
  };
}

export const jaarafsluiting: ProductDefinition<ProtectedCounts> = {
  id: "jaarafsluiting",
  title: "Jaarafsluiting",
  description:
    "Het hele jaar vergeleken met het jaar ervoor: alle soorten misdrijven en incidenten, of een verandering duidelijk is, de twaalf maanden naast die van vorig jaar, en de soorten die duidelijk stegen of daalden.",
  sections: SECTIONS,
  measures: [
    "aantal registraties per jaar",
    "verschil met vorig jaar (aantal en %)",
    "duidelijke verandering (toets)",
    "aantal per maand",
    "per 1.000 inwoners",
  ],
  // Basisteam: see the note at the top of this file.
  levels: ["gemeente"],
  defaultLevel: "gemeente",
  periodKinds: ["jaar"],
  cadence: "jaarlijks",
  audience: ["burgemeester", "oov-adviseur", "analist-gemeente", "teamchef", "districtschef"],
  sensitivity: "aggregated",
  load: loadAreaCounts,
  protect: protectAreaCountsFor(),
  build: buildJaarafsluiting,
};
