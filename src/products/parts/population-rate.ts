// The explanation line for the column "per 1.000 inwoners", in plain Dutch.

import type { ProductContext } from "../product-definition.ts";

/**
 * How the rate per 1,000 inhabitants is made from `counted` ("de laatste 12 maanden", "2025"),
 * with the area's population and its year; or why there is no rate when the population is unknown.
 */
export function per1000Paragraph(ctx: ProductContext, counted: string): string {
  const population = ctx.area.population;
  return population
    ? `Per 1.000 inwoners: het aantal van ${counted} gedeeld door ${population.toLocaleString("nl-NL")} inwoners (${ctx.area.populationYear ?? "laatst bekend"}), keer 1.000.`
    : "Het aantal inwoners is niet bekend; daarom staat er geen aantal per 1.000 inwoners.";
}
