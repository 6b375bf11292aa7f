// The columns and the note of per-type tables that compare a year with the year before and say
// whether each change is clear (change-tests.ts).

import type { Column } from "../product-document.ts";

/** The note under a table with clear-change verdicts over several types (Benjamini–Hochberg). */
export const CLEAR_CHANGE_NOTE =
  "Verandering: duidelijk meer of minder als toeval onwaarschijnlijk is (exacte toets op aantallen, gecorrigeerd voor het aantal soorten: hooguit 5% van de duidelijke veranderingen is naar verwachting toeval). Percentages alleen bij aantallen van 20 of meer.";

/** Type, code, the year and the year before, the difference, the verdict, p and the rate per 1,000. */
export function yearChangeColumns(yearLabel: string, prevLabel: string): Column[] {
  return [
    { key: "soort", label: "Soort", type: "text" },
    { key: "code", label: "Code", type: "text" },
    { key: "jaar", label: yearLabel, type: "count" },
    { key: "vorigJaar", label: prevLabel, type: "count" },
    { key: "verschil", label: "Verschil", type: "count" },
    { key: "verschilProcent", label: "Verschil (%)", type: "percent" },
    { key: "verandering", label: "Verandering", type: "text" },
    { key: "p", label: "p-waarde", type: "p-value" },
    { key: "per1000", label: `Per 1.000 inwoners (${yearLabel})`, type: "rate", decimals: 1 },
  ];
}
