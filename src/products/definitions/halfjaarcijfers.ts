// Halfjaarcijfers: a fixed selection of types (config/lenzen.json, "halfjaarcijfers") for a half
// year against the same half year last year, with the change in percent and the rate per 1,000
// inhabitants. Open data: counts are rounded as the protection asks (multiples of 5, like CBS),
// and every derived number (difference, percent, rate) is computed from the rounded counts, so it
// reveals nothing the rounded counts do not. No test of the changes: a test on rounded counts is
// wrong, and a test on the exact counts would leak them.
//
// Which sums are shown: the first half year is the year to date in June, a sum the protection
// decides on. The second half year is not: it is shown only as the year to date in December minus
// the year to date in June, and only when both are shown. No total over the selected types is
// given (a sum over types is not decided by the protection).

import { describeChange, MIN_COUNT_FOR_PERCENT } from "../../analysis/duiding/index.ts";
import type { ProtectedCounts } from "../../disclosure/table-protection/protect-counts.ts";
import { InputError } from "../../domain/errors.ts";
import { inpNode } from "../../domain/inp-tree.ts";
import { formatPercentChange } from "../../render/format-nl.ts";
import { countCell, loadAreaCounts, protectAreaCountsFor } from "../parts/area-counts.ts";
import { documentHead } from "../parts/document-head.ts";
import { type HalfYearType, loadLensConfig } from "../parts/lenzen.ts";
import { type MonthSums, monthSums, roundCount } from "../parts/month-sums.ts";
import { per1000Paragraph } from "../parts/population-rate.ts";
import { chartOf } from "../parts/table-chart.ts";
import type { ProductContext, ProductDefinition } from "../product-definition.ts";
import type { Cell, ProductDocument, Row, TableBlock } from "../product-document.ts";

const SECTIONS = [
  { id: "per-soort", title: "Per soort" },
  { id: "uitleg", title: "Hoe lees je deze cijfers?" },
] as const;

/** The half year of `year` (1 or 2) for one type, as the protection lets it be shown; null: withheld. */
export function halfYearCount(
  input: Pick<ProtectedCounts, "shown">,
  sums: MonthSums,
  code: string,
  year: number,
  half: 1 | 2,
): number | null {
  const jan = year * 100 + 1;
  const jun = year * 100 + 6;
  const dec = year * 100 + 12;
  if (half === 1) return input.shown(code, jan, jun) ? sums.sum(code, jan, jun) : null;
  // July…December is no sum the protection decides on: it is composed of two that it did.
  if (!input.shown(code, jan, dec) || !input.shown(code, jan, jun)) return null;
  return sums.sum(code, jan, dec) - sums.sum(code, jan, jun);
}

interface TypeResult {
  type: HalfYearType;
  label: string;
  /** Rounded counts; null: withheld or (see `noFigures`) no figures. */
  current: number | null;
  previous: number | null;
  withheldCurrent: boolean;
  withheldPrevious: boolean;
  percent: number | null;
  per1000: number | null;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function halfOf(ctx: ProductContext): { year: number; half: 1 | 2 } {
  const p = ctx.period;
  const year = Math.floor(p.from / 100);
  if (p.kind !== "halfjaar" || (p.from % 100 !== 1 && p.from % 100 !== 7)) {
    throw new InputError(`Halfjaarcijfers gaan over een halfjaar, niet over ${p.label}`, "--periode");
  }
  return { year, half: p.from % 100 === 1 ? 1 : 2 };
}

/** Builds the Halfjaarcijfers for these types (default: config/lenzen.json). */
export function buildHalfjaarcijfers(
  input: ProtectedCounts,
  ctx: ProductContext,
  types: readonly HalfYearType[] = loadLensConfig().halfYearTypes,
): ProductDocument {
  const { year, half } = halfOf(ctx);
  const roundTo = input.roundTo ?? 1;
  const sums = monthSums(input.rows);
  // Before the first year with registrations there are no figures (not: none happened).
  const hasFigures = (y: number) => sums.dataStart !== null && y >= Math.floor(sums.dataStart / 100);
  const population = ctx.area.population;
  const label = `het ${ctx.period.label}`;
  const prevLabel = `het ${half}e halfjaar ${year - 1}`;

  const results: TypeResult[] = types.map((type) => {
    const exact = (y: number) => (hasFigures(y) ? halfYearCount(input, sums, type.inpCode, y, half) : null);
    const cur = exact(year);
    const prev = exact(year - 1);
    const current = roundCount(cur, roundTo);
    const previous = roundCount(prev, roundTo);
    return {
      type,
      label: capitalise(type.name),
      current,
      previous,
      withheldCurrent: hasFigures(year) && cur === null,
      withheldPrevious: hasFigures(year - 1) && prev === null,
      percent:
        current !== null &&
        previous !== null &&
        current >= MIN_COUNT_FOR_PERCENT &&
        previous >= MIN_COUNT_FOR_PERCENT
          ? ((current - previous) / previous) * 100
          : null,
      per1000: current !== null && population && population > 0 ? (current / population) * 1000 : null,
    };
  });

  const cell = (value: number | null, withheld: boolean): Cell =>
    withheld ? countCell(null) : value === null ? null : value;
  const rows: Row[] = results.map((r) => ({
    cells: {
      soort: r.label,
      code: r.type.inpCode,
      ditHalfjaar: cell(r.current, r.withheldCurrent),
      vorigHalfjaar: cell(r.previous, r.withheldPrevious),
      verschil: r.current !== null && r.previous !== null ? r.current - r.previous : null,
      verschilProcent: r.percent,
      per1000: r.per1000,
    },
  }));
  const rounded = roundTo > 1;
  const table: TableBlock = {
    kind: "table",
    id: "per-soort",
    caption: `Geregistreerde misdrijven in ${ctx.area.name}, ${ctx.period.label} en ${half}e halfjaar ${year - 1}`,
    columns: [
      { key: "soort", label: "Soort", type: "text" },
      { key: "code", label: "INP-code", type: "text" },
      { key: "ditHalfjaar", label: capitalise(ctx.period.label), type: "count" },
      { key: "vorigHalfjaar", label: `${half}e halfjaar ${year - 1}`, type: "count" },
      { key: "verschil", label: "Verschil", type: "count" },
      { key: "verschilProcent", label: "Verschil (%)", type: "percent" },
      { key: "per1000", label: "Per 1.000 inwoners (dit halfjaar)", type: "rate", decimals: 1 },
    ],
    rows,
    note: [
      rounded ? `Aantallen afgerond op ${roundTo}.` : null,
      `Percentages alleen bij aantallen van ${MIN_COUNT_FOR_PERCENT} of meer.`,
      "Een leeg vak: voor die periode zijn er geen cijfers.",
    ]
      .filter(Boolean)
      .join(" "),
  };

  const summary: string[] = [];
  if (sums.dataStart === null || !hasFigures(year)) {
    summary.push(`Voor ${ctx.area.name} zijn er geen cijfers over ${label}.`);
  } else {
    summary.push(
      `Dit zijn de cijfers van ${types.length} veelvoorkomende soorten misdrijven in ${ctx.area.name} over ${label}. We vergelijken ze met ${prevLabel}.`,
    );
    if (!hasFigures(year - 1)) {
      summary.push(`Over ${prevLabel} zijn er geen cijfers; vergelijken kan daarom niet.`);
    } else {
      const withPercent = results.filter((r) => r.percent !== null);
      const name = (r: TypeResult) => `${r.type.name} (${formatPercent(r.percent as number)})`;
      const up = withPercent.filter((r) => (r.current as number) > (r.previous as number));
      const down = withPercent.filter((r) => (r.current as number) < (r.previous as number));
      if (up.length > 0) summary.push(`Meer dan een jaar eerder: ${up.map(name).join(", ")}.`);
      if (down.length > 0) summary.push(`Minder dan een jaar eerder: ${down.map(name).join(", ")}.`);
      const small = results.length - withPercent.length;
      if (small > 0) {
        summary.push(
          small === 1
            ? `Bij 1 soort zijn de aantallen te klein of afgeschermd voor een verschil in procenten.`
            : `Bij ${small} soorten zijn de aantallen te klein of afgeschermd voor een verschil in procenten.`,
        );
      }
    }
    summary.push(
      rounded
        ? `De aantallen zijn afgerond op ${roundTo}. We zeggen daarom niet of een verschil groter is dan toeval.`
        : "We zeggen niet of een verschil groter is dan toeval: deze cijfers zijn bedoeld om te publiceren, niet om te toetsen.",
    );
  }

  const sentences = results.map((r) => {
    if (r.current === null || r.previous === null) {
      if (r.withheldCurrent && r.withheldPrevious)
        return `Het aantal ${r.type.name} is afgeschermd, voor beide halfjaren.`;
      if (r.withheldCurrent || r.withheldPrevious)
        return `Het aantal ${r.type.name} is afgeschermd voor ${r.withheldCurrent ? label : prevLabel}.`;
      return `Over ${r.current === null ? label : prevLabel} zijn er geen cijfers van ${r.type.name}.`;
    }
    return describeChange({
      subject: r.type.name,
      before: r.previous,
      after: r.current,
      test: null,
      periodBefore: prevLabel,
      periodAfter: label,
    });
  });

  return {
    ...documentHead(ctx, "halfjaarcijfers", `Halfjaarcijfers ${ctx.area.name}, ${ctx.period.label}`, "open"),
    summary,
    sections: [
      {
        id: "per-soort",
        title: SECTIONS[0].title,
        blocks: [
          chartOf(table, "bar", "soort", ["ditHalfjaar", "vorigHalfjaar"]),
          table,
          { kind: "text", paragraphs: sentences },
        ],
      },
      {
        id: "uitleg",
        title: SECTIONS[1].title,
        blocks: [
          {
            kind: "text",
            paragraphs: [
              "Dit zijn misdrijven die de politie heeft geregistreerd. We tellen een misdrijf in de maand waarin het gebeurde. Pogingen tellen mee.",
              "Niet alles wordt bij de politie gemeld. De cijfers laten dus niet alles zien. Een stijging kan ook komen doordat mensen vaker melden.",
              rounded
                ? `Alle aantallen zijn afgerond op ${roundTo}, zoals het CBS dat ook doet. Zo is niemand te herkennen in kleine aantallen. Het verschil, het percentage en het aantal per 1.000 inwoners zijn berekend met de afgeronde aantallen.`
                : "De aantallen zijn niet afgerond.",
              rounded
                ? "Omdat de aantallen zijn afgerond, toetsen we niet of een verschil groter is dan toeval. Zo'n toets klopt niet met afgeronde aantallen. Kleine aantallen gaan vaak vanzelf op en neer: wees voorzichtig met conclusies."
                : "We toetsen niet of een verschil groter is dan toeval. Kleine aantallen gaan vaak vanzelf op en neer: wees voorzichtig met conclusies.",
              `Een verschil in procenten staat er alleen als beide aantallen ${MIN_COUNT_FOR_PERCENT} of meer zijn.`,
              half === 2
                ? "Het 2e halfjaar is het hele jaar min het 1e halfjaar. Is een van die twee afgeschermd, dan is het 2e halfjaar ook afgeschermd."
                : "Het 1e halfjaar loopt van januari tot en met juni.",
              "Er staat geen totaal van alle soorten samen in: elke soort staat apart. Geweld staat er bijvoorbeeld in als mishandeling, bedreiging en openlijk geweld.",
              per1000Paragraph(ctx, "dit halfjaar"),
            ],
          },
        ],
      },
    ],
  };
}

/** A change in percent as in the sentences: whole percents, half away from zero. */
function formatPercent(p: number): string {
  const r = Math.sign(p) * Math.round(Math.abs(p));
  return r === 0 ? "minder dan 1%" : formatPercentChange(r);
}

/** The types of the Halfjaarcijfers with their INP labels (for the catalog and docs). */
export function halfjaarcijfersTypes(): { inpCode: string; name: string; inpLabel: string }[] {
  return loadLensConfig().halfYearTypes.map((t) => ({
    ...t,
    inpLabel: inpNode(t.inpCode, 3)?.label ?? t.inpCode,
  }));
}

export const halfjaarcijfers: ProductDefinition<ProtectedCounts> = {
  id: "halfjaarcijfers",
  title: "Halfjaarcijfers",
  description:
    "Een vaste keuze van veelvoorkomende misdrijven (zoals woninginbraak, straatroof, overval, geweld en fietsendiefstal) over een halfjaar, vergeleken met hetzelfde halfjaar een jaar eerder. Openbaar: de aantallen zijn afgerond.",
  sections: SECTIONS,
  measures: [
    "aantal registraties (afgerond)",
    "verschil met hetzelfde halfjaar vorig jaar",
    "verschil in procenten",
    "per 1.000 inwoners",
  ],
  levels: ["gemeente"],
  defaultLevel: "gemeente",
  periodKinds: ["halfjaar"],
  cadence: "halfjaarlijks",
  audience: ["burgemeester", "wethouder", "oov-adviseur", "analist-gemeente", "teamchef", "partner"],
  sensitivity: "open",
  load: loadAreaCounts,
  protect: protectAreaCountsFor({ rounding: true }),
  build: (input, ctx) => buildHalfjaarcijfers(input, ctx),
};
