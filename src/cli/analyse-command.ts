// `driehoek analyse METHOD …`: the analysis methods on an analyst's own CSV files, JSON on stdout
// (numbers as JSON numbers, full precision).

import type { Command } from "commander";
import { decompose } from "../analysis/decompose/decompose.ts";
import { getisOrdG } from "../analysis/getis-ord/getis-ord.ts";
import { mannKendall, seasonalMannKendall } from "../analysis/mann-kendall/mann-kendall.ts";
import { poissonRateTest } from "../analysis/poisson-rate/poisson-rate-test.ts";
import { ratePer1000 } from "../analysis/rate/rate.ts";
import { InputError } from "../domain/errors.ts";
import { numberOption, readNumberColumn, readPoints } from "./analyse-input.ts";
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

  analyse
    .command("gi")
    .description("Hotspots op punten: lokale Gi of Gi* (Getis & Ord) met een afstandsband")
    .requiredOption("--input <bestand>", "CSV-bestand met punten")
    .requiredOption("--x <kolom>", "kolom met x (bijvoorbeeld RD, meters)")
    .requiredOption("--y <kolom>", "kolom met y")
    .requiredOption("--value <kolom>", "kolom met de waarde per punt")
    .requiredOption("--distance <d>", "afstandsband: buren liggen binnen deze afstand")
    .option("--star", "Gi* (het punt zelf telt mee)")
    .option("--transform <t>", "binary of row", "binary")
    .action(
      async (o: {
        input: string;
        x: string;
        y: string;
        value: string;
        distance: string;
        star?: boolean;
        transform: string;
      }) => {
        if (o.transform !== "binary" && o.transform !== "row") {
          throw new InputError(
            `--transform moet binary of row zijn (gekregen: ${o.transform})`,
            "--transform",
          );
        }
        const distance = numberOption(o.distance, "distance", { min: 0 });
        const points = await readPoints(o.input, { x: o.x, y: o.y, value: o.value });
        const transform = o.transform;
        json(run(o.input, () => getisOrdG(points, { distance, star: Boolean(o.star), transform })));
      },
    );

  analyse
    .command("poisson-rate")
    .description(
      "Vergelijk twee perioden: verhouding van twee Poisson-tempo's met betrouwbaarheidsinterval en toets",
    )
    .requiredOption("--count1 <n>", "aantal in periode 1 (de nieuwe)")
    .requiredOption("--exposure1 <e>", "blootstelling in periode 1 (bijvoorbeeld inwoners × jaren)")
    .requiredOption("--count2 <n>", "aantal in periode 2 (de vergelijking)")
    .requiredOption("--exposure2 <e>", "blootstelling in periode 2")
    .option("--method <m>", "exact, score of wald (Gu e.a. 2008: W2 en W1)", "exact")
    .action(
      async (o: { count1: string; exposure1: string; count2: string; exposure2: string; method: string }) => {
        if (o.method !== "exact" && o.method !== "score" && o.method !== "wald") {
          throw new InputError(`--method moet exact, score of wald zijn (gekregen: ${o.method})`, "--method");
        }
        const method = o.method;
        const args = {
          count1: numberOption(o.count1, "count1", { integer: true, min: 0 }),
          exposure1: numberOption(o.exposure1, "exposure1"),
          count2: numberOption(o.count2, "count2", { integer: true, min: 0 }),
          exposure2: numberOption(o.exposure2, "exposure2"),
        };
        json(run("poisson-rate", () => poissonRateTest({ ...args, method })));
      },
    );

  analyse
    .command("rate")
    .description("Aantal per 1.000 inwoners met een exact 95%-betrouwbaarheidsinterval")
    .requiredOption("--count <n>", "aantal")
    .requiredOption("--population <n>", "aantal inwoners")
    .action(async (o: { count: string; population: string }) => {
      const count = numberOption(o.count, "count", { integer: true, min: 0 });
      const population = numberOption(o.population, "population");
      json(run("rate", () => ratePer1000({ count, population })));
    });

  analyse
    .command("mann-kendall")
    .description("Trendtoets (Mann-Kendall) met Sen-helling; met --period de seizoensvariant")
    .requiredOption("--input <bestand>", "CSV-bestand")
    .requiredOption("--value <kolom>", "kolom met de waarden, in tijdsvolgorde (leeg of NA = ontbreekt)")
    .option("--period <n>", "seizoenslengte, bijvoorbeeld 12 voor maanden")
    .action(async (o: { input: string; value: string; period?: string }) => {
      const values = await readNumberColumn(o.input, o.value);
      const period =
        o.period === undefined ? undefined : numberOption(o.period, "period", { integer: true, min: 1 });
      json(run(o.input, () => (period ? seasonalMannKendall(values, period) : mannKendall(values))));
    });
}
