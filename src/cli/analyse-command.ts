// `driehoek analyse METHOD …`: the analysis methods on an analyst's own CSV files, JSON on stdout
// (numbers as JSON numbers, full precision).

import type { Command } from "commander";
import { decompose } from "../analysis/decompose/decompose.ts";
import { InputError } from "../domain/errors.ts";
import { numberOption, readNumberColumn } from "./analyse-input.ts";
import type { CliEffects } from "./context.ts";

/** Runs a method; a RangeError from the method (bad parameters for this data) is an input error. */
function run<T>(what: string, method: () => T): T {
  try {
    return method();
  } catch (err) {
    if (err instanceof RangeError) throw new InputError(err.message, what);
    throw err;
  }
}

export function registerAnalyseCommands(program: Command, fx: CliEffects): void {
  const analyse = program
    .command("analyse")
    .description("Analysemethoden op een eigen CSV-bestand (uitvoer JSON)");
  const json = (value: unknown) => fx.stdout(`${JSON.stringify(value)}\n`);

  analyse
    .command("decompose")
    .description("Seizoensdecompositie (klassiek, centraal voortschrijdend gemiddelde, zoals R decompose)")
    .requiredOption("--input <bestand>", "CSV-bestand")
    .requiredOption("--value <kolom>", "kolom met de waarden, in tijdsvolgorde")
    .requiredOption("--period <n>", "lengte van een seizoen, bijvoorbeeld 12 voor maanden")
    .option("--model <model>", "additive of multiplicative", "additive")
    .action(async (o: { input: string; value: string; period: string; model: string }) => {
      if (o.model !== "additive" && o.model !== "multiplicative") {
        throw new InputError(
          `--model moet additive of multiplicative zijn (gekregen: ${o.model})`,
          "--model",
        );
      }
      const values = await readNumberColumn(o.input, o.value);
      const missing = values.indexOf(null);
      if (missing >= 0) {
        throw new InputError(
          "ontbrekende waarde: decompositie vraagt een volledige reeks",
          o.input,
          missing + 2,
          o.value,
        );
      }
      const period = numberOption(o.period, "period", { integer: true, min: 2 });
      if (values.length < 2 * period) {
        throw new InputError(
          `decompositie vraagt minstens twee volle seizoenen: ${2 * period} waarden bij --period ${period}, ` +
            `het bestand heeft er ${values.length}`,
          o.input,
        );
      }
      const model = o.model;
      json(run(o.input, () => decompose(values as number[], { period, model })));
    });
}
