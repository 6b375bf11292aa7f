// `driehoek analyse METHOD …`: the analysis methods on an analyst's own CSV files, JSON on stdout
// (numbers as JSON numbers, full precision), or with --tekst a summary in plain Dutch.

import type { Command } from "commander";
import { concentration } from "../analysis/concentration/concentration.ts";
import { unusualMonth } from "../analysis/control/unusual-month.ts";
import { decompose } from "../analysis/decompose/decompose.ts";
import {
  describeChange,
  describeConcentration,
  describeDensity,
  describeGi,
  describeGridHotspots,
  describeKnox,
  describePeers,
  describeRate,
  describeRepeatPlaces,
  describeSeason,
  describeTimePattern,
  describeTrend,
  describeUnusualMonth,
} from "../analysis/duiding/index.ts";
import { getisOrdG } from "../analysis/getis-ord/getis-ord.ts";
import { gridHotspots, gridHotspotsGeoJson } from "../analysis/hotspots/grid-hotspots.ts";
import { kernelDensity } from "../analysis/kde/kde.ts";
import { knoxTest } from "../analysis/knox/knox.ts";
import { mannKendall, seasonalMannKendall } from "../analysis/mann-kendall/mann-kendall.ts";
import { peers } from "../analysis/peers/peers.ts";
import { poissonRateTest } from "../analysis/poisson-rate/poisson-rate-test.ts";
import { ratePer1000 } from "../analysis/rate/rate.ts";
import { repeatPlaces } from "../analysis/repeat-places/repeat-places.ts";
import { timePattern } from "../analysis/time-pattern/time-pattern.ts";
import { InputError } from "../domain/errors.ts";
import { localBuckets, monthLabelNl } from "../domain/time.ts";
import { compileDateTimePattern, parseIsoDateTime } from "../ingest/parse-datetime.ts";
import { monthNameNl } from "../render/format-nl.ts";
import { cellNumber, numberOption, readColumns, readNumberColumn, readPoints } from "./analyse-input.ts";
import { type AccessOptions, alreadyPublic, discloseForCli } from "./cli-access.ts";
import { type CliEffects, storePath, withStore } from "./context.ts";

/** Runs a method; a RangeError from the method (bad parameters for this data) is an input error. */
function run<T>(what: string, method: () => T): T {
  try {
    return method();
  } catch (err) {
    // The methods' own checks speak English (they are a programming interface); say what it is.
    if (err instanceof RangeError)
      throw new InputError(`de methode kan deze invoer niet gebruiken (${err.message})`, what);
    throw err;
  }
}

/** What every analysis command accepts for its Dutch summary. */
interface TextOptions {
  tekst?: boolean;
  onderwerp: string;
}

export function registerAnalyseCommands(program: Command, fx: CliEffects): void {
  const analyse = program
    .command("analyse")
    .description("Analysemethoden op een eigen CSV-bestand (uitvoer JSON, of tekst met --tekst)");
  const json = (value: unknown) => fx.stdout(`${JSON.stringify(value)}\n`);
  /** JSON, or with --tekst the Dutch summary (made only then). */
  const emit = (o: TextOptions, result: unknown, text: () => string) =>
    o.tekst ? fx.stdout(`${run("--tekst", text)}\n`) : json(result);
  /** A subcommand with --tekst and --onderwerp. */
  const method = (name: string) =>
    analyse
      .command(name)
      .option("--tekst", "een Nederlandse samenvatting in plaats van JSON")
      .option(
        "--onderwerp <woord>",
        "wat er geteld is, voor --tekst (bijvoorbeeld woninginbraken)",
        "registraties",
      );

  method("decompose")
    .description("Seizoensdecompositie (klassiek, centraal voortschrijdend gemiddelde, zoals R decompose)")
    .requiredOption("--input <bestand>", "CSV-bestand")
    .requiredOption("--value <kolom>", "kolom met de waarden, in tijdsvolgorde")
    .requiredOption("--period <n>", "lengte van een seizoen, bijvoorbeeld 12 voor maanden")
    .option("--model <model>", "additive of multiplicative", "additive")
    .option("--start <JJJJ-MM>", "maand van de eerste waarde, voor maandnamen in --tekst (bij --period 12)")
    .action(
      async (
        o: TextOptions & { input: string; value: string; period: string; model: string; start?: string },
      ) => {
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
        const result = run(o.input, () => decompose(values as number[], { period, model }));
        emit(o, result, () => {
          let labels: string[] | undefined;
          if (o.start !== undefined) {
            const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(o.start);
            if (!m || period !== 12) {
              throw new InputError("--start is een maand als JJJJ-MM, en alleen bij --period 12", "--start");
            }
            labels = Array.from({ length: 12 }, (_, i) => monthNameNl(((Number(m[2]) - 1 + i) % 12) + 1));
          }
          return describeSeason({ subject: o.onderwerp, result, period, model, labels });
        });
      },
    );

  method("gi")
    .description("Hotspots op punten: lokale Gi of Gi* (Getis & Ord) met een afstandsband")
    .requiredOption("--input <bestand>", "CSV-bestand met punten")
    .requiredOption("--x <kolom>", "kolom met x (bijvoorbeeld RD, meters)")
    .requiredOption("--y <kolom>", "kolom met y")
    .requiredOption("--value <kolom>", "kolom met de waarde per punt")
    .requiredOption("--distance <d>", "afstandsband: buren liggen binnen deze afstand")
    .option("--star", "Gi* (het punt zelf telt mee)")
    .option("--transform <t>", "binary of row", "binary")
    .action(
      async (
        o: TextOptions & {
          input: string;
          x: string;
          y: string;
          value: string;
          distance: string;
          star?: boolean;
          transform: string;
        },
      ) => {
        if (o.transform !== "binary" && o.transform !== "row") {
          throw new InputError(
            `--transform moet binary of row zijn (gekregen: ${o.transform})`,
            "--transform",
          );
        }
        const distance = numberOption(o.distance, "distance", { min: 0 });
        const points = await readPoints(o.input, { x: o.x, y: o.y, value: o.value });
        const transform = o.transform;
        const result = run(o.input, () => getisOrdG(points, { distance, star: Boolean(o.star), transform }));
        emit(o, result, () => describeGi({ subject: o.onderwerp, results: result.results }));
      },
    );

  method("poisson-rate")
    .description(
      "Vergelijk twee perioden: verhouding van twee Poisson-tempo's met betrouwbaarheidsinterval en toets",
    )
    .requiredOption("--count1 <n>", "aantal in periode 1 (de nieuwe)")
    .requiredOption("--exposure1 <e>", "blootstelling in periode 1 (bijvoorbeeld inwoners × jaren)")
    .requiredOption("--count2 <n>", "aantal in periode 2 (de vergelijking)")
    .requiredOption("--exposure2 <e>", "blootstelling in periode 2")
    .option("--method <m>", "exact, score of wald (Gu e.a. 2008: W2 en W1)", "exact")
    .action(
      async (
        o: TextOptions & {
          count1: string;
          exposure1: string;
          count2: string;
          exposure2: string;
          method: string;
        },
      ) => {
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
        const result = run("poisson-rate", () => poissonRateTest({ ...args, method }));
        emit(o, result, () => {
          // The text names the counts; the test compares the rates. When the exposures differ the
          // two can point different ways: then the test says nothing about this change in counts.
          const countSign = Math.sign(args.count1 - args.count2);
          const rateSign = Math.sign(args.count1 * args.exposure2 - args.count2 * args.exposure1);
          const agree = countSign === rateSign;
          const text = describeChange({
            subject: o.onderwerp,
            before: args.count2,
            after: args.count1,
            test: agree ? result : null,
          });
          return agree
            ? text
            : `${text} Per eenheid blootstelling is de verandering ${rateSign > 0 ? "een stijging" : rateSign < 0 ? "een daling" : "nul"}; de toets gaat daarover (zie de JSON-uitvoer).`;
        });
      },
    );

  method("rate")
    .description("Aantal per 1.000 inwoners met een exact 95%-betrouwbaarheidsinterval")
    .requiredOption("--count <n>", "aantal")
    .requiredOption("--population <n>", "aantal inwoners")
    .option("--gebied <naam>", "naam van het gebied, voor --tekst")
    .action(async (o: TextOptions & { count: string; population: string; gebied?: string }) => {
      const count = numberOption(o.count, "count", { integer: true, min: 0 });
      const population = numberOption(o.population, "population");
      const result = run("rate", () => ratePer1000({ count, population }));
      emit(o, result, () =>
        describeRate({ subject: o.onderwerp, count, population, result, area: o.gebied }),
      );
    });

  method("mann-kendall")
    .description("Trendtoets (Mann-Kendall) met Sen-helling; met --period de seizoensvariant")
    .requiredOption("--input <bestand>", "CSV-bestand")
    .requiredOption("--value <kolom>", "kolom met de waarden, in tijdsvolgorde (leeg of NA = ontbreekt)")
    .option("--period <n>", "seizoenslengte, bijvoorbeeld 12 voor maanden")
    .option("--eenheid <eenheid>", "tijdseenheid van één waarde, voor --tekst: maand of jaar", "maand")
    .action(async (o: TextOptions & { input: string; value: string; period?: string; eenheid: string }) => {
      if (o.eenheid !== "maand" && o.eenheid !== "jaar") {
        throw new InputError(`--eenheid moet maand of jaar zijn (gekregen: ${o.eenheid})`, "--eenheid");
      }
      const values = await readNumberColumn(o.input, o.value);
      const period =
        o.period === undefined ? undefined : numberOption(o.period, "period", { integer: true, min: 1 });
      const result = run(o.input, () => (period ? seasonalMannKendall(values, period) : mannKendall(values)));
      // The seasonal Sen slope is per cycle: per year for monthly data (period 12); other periods
      // have no unit the text can name.
      if (o.tekst && period !== undefined && period !== 12) {
        throw new InputError("--tekst met --period kan alleen bij maandcijfers (--period 12)", "--period");
      }
      const unit = period ? "jaar" : o.eenheid;
      emit(o, result, () => describeTrend({ subject: o.onderwerp, mk: result, unit }));
    });

  method("control")
    .description("Is deze maand ongewoon? Verwachting en grenzen uit dezelfde maand in eerdere jaren")
    .requiredOption("--current <n>", "aantal in deze maand")
    .requiredOption(
      "--history <lijst>",
      "aantallen in dezelfde maand van eerdere jaren, gescheiden door komma's",
    )
    .option("--maand <JJJJ-MM>", "de maand, voor --tekst")
    .action(async (o: TextOptions & { current: string; history: string; maand?: string }) => {
      const current = numberOption(o.current, "current", { integer: true, min: 0 });
      const history = o.history
        .split(",")
        .filter((t) => t.trim() !== "")
        .map((t) => numberOption(t, "history", { integer: true, min: 0 }));
      const result = run("control", () => unusualMonth({ current, history }));
      emit(o, result, () => {
        const m = o.maand === undefined ? null : /^(\d{4})-(0[1-9]|1[0-2])$/.exec(o.maand);
        if (o.maand !== undefined && !m) throw new InputError("--maand is een maand als JJJJ-MM", "--maand");
        const month = m ? monthLabelNl(Number(m[1]) * 100 + Number(m[2])) : undefined;
        return describeUnusualMonth({ subject: o.onderwerp, current, result, month, years: history.length });
      });
    });

  method("peers")
    .description("Vergelijkbare gemeenten (inwonersklasse, stedelijkheid, regio): rang en z van het tempo")
    .requiredOption("--input <bestand>", "CSV met één regel per gemeente")
    .requiredOption("--target <code>", "de gemeente om te vergelijken, bijvoorbeeld GM0344")
    .option("--code <kolom>", "kolom met de gemeentecode", "code")
    .option("--population <kolom>", "kolom met inwoners", "inwoners")
    .option("--urbanisation <kolom>", "kolom met stedelijkheid (1-5)", "stedelijkheid")
    .option("--region <kolom>", "kolom met de regio (bijvoorbeeld eenheid)", "regio")
    .option("--count <kolom>", "kolom met het aantal", "aantal")
    .option("--naam <naam>", "naam van de gemeente, voor --tekst (standaard de code)")
    .action(
      async (
        o: TextOptions & {
          input: string;
          target: string;
          code: string;
          population: string;
          urbanisation: string;
          region: string;
          count: string;
          naam?: string;
        },
      ) => {
        const rows = await readColumns(o.input, {
          code: o.code,
          population: o.population,
          urbanisation: o.urbanisation,
          region: o.region,
          count: o.count,
        });
        const gemeenten = rows.map((r) => ({
          code: r.get("code"),
          population: cellNumber(r.get("population"), o.input, r.line, o.population),
          urbanisation: cellNumber(r.get("urbanisation"), o.input, r.line, o.urbanisation),
          region: r.get("region"),
          count: cellNumber(r.get("count"), o.input, r.line, o.count),
        }));
        if (!gemeenten.some((g) => g.code === o.target)) {
          throw new InputError(`gemeente ${o.target} staat niet in het bestand`, o.input, null, o.code);
        }
        const result = run(o.input, () => peers(o.target, gemeenten));
        emit(o, result, () => describePeers({ subject: o.onderwerp, result, name: o.naam ?? o.target }));
      },
    );

  method("tijdpatroon")
    .description("Uur × weekdag (Nederlandse tijd), maandag eerst")
    .requiredOption("--input <bestand>", "CSV-bestand")
    .requiredOption(
      "--time <kolom>",
      "kolom met datum en tijd (JJJJ-MM-DD UU:MM, Nederlandse tijd, of met tijdzone)",
    )
    .action(async (o: TextOptions & { input: string; time: string }) => {
      const rows = await readColumns(o.input, { time: o.time });
      const instants = rows.map((r) => {
        const t = parseIsoDateTime(r.get("time"));
        if (!t.ok) throw new InputError(t.reason, o.input, r.line, o.time);
        if (!t.hasTime) {
          throw new InputError(
            "er staat geen tijd bij deze datum; een tijdpatroon vraagt datum en tijd",
            o.input,
            r.line,
            o.time,
          );
        }
        return t.utcMs;
      });
      const matrix = timePattern(instants);
      emit(o, { weekdagen: ["ma", "di", "wo", "do", "vr", "za", "zo"], uren: matrix }, () =>
        describeTimePattern({ subject: o.onderwerp, matrix }),
      );
    });

  method("herhaling")
    .description("Plaatsen (adres of cel van 25 m) met minstens N registraties")
    .requiredOption("--input <bestand>", "CSV-bestand")
    .requiredOption("--min <n>", "minimaal aantal registraties op een plaats")
    .option("--address <kolom>", "kolom met het adres")
    .option("--x <kolom>", "kolom met x (RD)")
    .option("--y <kolom>", "kolom met y (RD)")
    .option("--cell <m>", "celgrootte zonder adres", "25")
    .action(
      async (
        o: TextOptions & {
          input: string;
          min: string;
          address?: string;
          x?: string;
          y?: string;
          cell: string;
        },
      ) => {
        if (!o.address && !(o.x && o.y)) throw new InputError("geef --address, of --x en --y", "--address");
        const cols: Record<string, string> = {};
        if (o.address) cols.address = o.address;
        if (o.x && o.y) Object.assign(cols, { x: o.x, y: o.y });
        const rows = await readColumns(o.input, cols);
        const items = rows.map((r) => ({
          address: o.address ? r.get("address") || null : null,
          x: o.x && r.get("x") ? cellNumber(r.get("x"), o.input, r.line, o.x) : null,
          y: o.y && r.get("y") ? cellNumber(r.get("y"), o.input, r.line, o.y) : null,
        }));
        const min = numberOption(o.min, "min", { integer: true, min: 1 });
        const cell = numberOption(o.cell, "cell", { min: 1 });
        const places = run(o.input, () => repeatPlaces(items, { min, cell }));
        emit(o, places, () =>
          describeRepeatPlaces({ subject: o.onderwerp, places, total: items.length, min, cell }),
        );
      },
    );

  method("concentratie")
    .description("Aandeel registraties in de x% drukste cellen, en de PAI (Chainey e.a. 2008)")
    .requiredOption("--input <bestand>", "CSV met punten")
    .requiredOption("--x <kolom>", "kolom met x (RD)")
    .requiredOption("--y <kolom>", "kolom met y (RD)")
    .option("--cell <m>", "celgrootte in meters", "100")
    .option("--top <aandeel>", "aandeel van de cellen, bijvoorbeeld 0.05 voor 5%", "0.05")
    .action(async (o: TextOptions & { input: string; x: string; y: string; cell: string; top: string }) => {
      const points = await readPoints(o.input, { x: o.x, y: o.y });
      const cell = numberOption(o.cell, "cell", { min: 1 });
      const topShare = numberOption(o.top, "top", { min: 0 });
      const result = run(o.input, () => concentration(points, { cell, topShare }));
      emit(o, result, () =>
        describeConcentration({ subject: o.onderwerp, result, total: points.length, cell }),
      );
    });

  method("knox")
    .description("Near repeat (Knox-toets): liggen feiten dichter bij elkaar in ruimte en tijd dan toeval?")
    .requiredOption("--input <bestand>", "CSV met feiten")
    .requiredOption("--x <kolom>", "kolom met x (RD, meters)")
    .requiredOption("--y <kolom>", "kolom met y")
    .requiredOption("--date <kolom>", "kolom met de datum")
    .option("--date-format <patroon>", "datumformaat, bijvoorbeeld dd/MM/yyyy (standaard JJJJ-MM-DD)")
    .requiredOption("--space-band <s>", "breedte van een afstandsband in meters")
    .requiredOption("--space-bands <k>", "aantal afstandsbanden")
    .requiredOption("--time-band <t>", "breedte van een tijdsband in dagen")
    .requiredOption("--time-bands <j>", "aantal tijdsbanden")
    .option("--permutations <m>", "aantal permutaties", "999")
    .option("--seed <n>", "startwaarde van het toeval (zelfde seed, zelfde p)", "1")
    .option(
      "--afstand <soort>",
      "euclidisch (hemelsbreed) of manhattan (|dx| + |dy|, zoals de Near Repeat Calculator)",
      "euclidisch",
    )
    .action(
      async (
        o: TextOptions & {
          input: string;
          x: string;
          y: string;
          date: string;
          dateFormat?: string;
          spaceBand: string;
          spaceBands: string;
          timeBand: string;
          timeBands: string;
          permutations: string;
          seed: string;
          afstand: string;
        },
      ) => {
        const parse = o.dateFormat ? compileDateTimePattern(o.dateFormat) : parseIsoDateTime;
        const rows = await readColumns(o.input, { x: o.x, y: o.y, date: o.date });
        const events = rows.map((r) => {
          const t = parse(r.get("date"));
          if (!t.ok) throw new InputError(t.reason, o.input, r.line, o.date);
          const day = localBuckets(t.utcMs).day; // yyyymmdd, Dutch calendar day
          const days =
            Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, day % 100) / 86_400_000;
          return {
            x: cellNumber(r.get("x"), o.input, r.line, o.x),
            y: cellNumber(r.get("y"), o.input, r.line, o.y),
            day: days,
          };
        });
        const opts = {
          spaceBand: numberOption(o.spaceBand, "space-band", { min: 0 }),
          spaceBands: numberOption(o.spaceBands, "space-bands", { integer: true, min: 1 }),
          timeBand: numberOption(o.timeBand, "time-band", { min: 0 }),
          timeBands: numberOption(o.timeBands, "time-bands", { integer: true, min: 1 }),
          permutations: numberOption(o.permutations, "permutations", { integer: true, min: 0 }),
          seed: numberOption(o.seed, "seed", { integer: true }),
          metric: o.afstand === "manhattan" ? ("manhattan" as const) : ("euclidean" as const),
        };
        if (o.afstand !== "euclidisch" && o.afstand !== "manhattan") {
          throw new InputError(
            `--afstand moet euclidisch of manhattan zijn (gekregen: ${o.afstand})`,
            "--afstand",
          );
        }
        const result = run(o.input, () => knoxTest(events, opts));
        emit(o, result, () => describeKnox({ subject: o.onderwerp, result, options: opts }));
      },
    );

  method("hotspots")
    .description("Hotspots op een raster: aantal, Gi*, z, p en een klasse met FDR-correctie per cel")
    .requiredOption("--input <bestand>", "CSV met punten")
    .requiredOption("--x <kolom>", "kolom met x (RD, meters)")
    .requiredOption("--y <kolom>", "kolom met y")
    .option("--cell <m>", "celgrootte in meters", "100")
    .option("--distance <m>", "afstandsband in meters", "300")
    .option("--fdr <q>", "false discovery rate (0.10 geeft de drie klassen van ArcGIS)", "0.05")
    .option(
      "--gebied <code>",
      "alleen cellen binnen dit gebied (gemeente-, wijk-, buurt- of pc4-code uit de database)",
    )
    .option("--geojson", "uitvoer als GeoJSON (WGS84) in plaats van JSON")
    .option("--db <pad>", "databasebestand (voor --gebied)")
    .option("--als <gebruiker>", "voor --gebied: de gebruiker die de grens vraagt (of DRIEHOEK_ALS)")
    .option("--doel <doel>", "voor --gebied: het doel (of DRIEHOEK_DOEL)")
    .action(
      async (
        o: TextOptions &
          AccessOptions & {
            input: string;
            x: string;
            y: string;
            cell: string;
            distance: string;
            fdr: string;
            gebied?: string;
            geojson?: boolean;
            db?: string;
          },
      ) => {
        const points = await readPoints(o.input, { x: o.x, y: o.y });
        const opts = {
          cell: numberOption(o.cell, "cell", { min: 1 }),
          distance: numberOption(o.distance, "distance", { min: 0 }),
          fdr: numberOption(o.fdr, "fdr", { min: 0 }),
        };
        const gebied = o.gebied;
        const db = storePath(o.db, fx);
        const area = gebied
          ? await withStore(db, (store) =>
              discloseForCli(
                store,
                db,
                fx,
                o,
                { what: "gebiedsgrens", areas: [], period: null, sensitivity: "open", source: "openbaar" },
                async () => {
                  for (const level of ["gemeente", "wijk", "buurt", "pc4"] as const) {
                    const [year] = await store.boundaryYears(level);
                    const found = (await store.areas(level, year)).find((a) => a.code === gebied);
                    if (found?.rd) return found.rd;
                  }
                  throw new InputError(`gebied ${gebied} met grenzen staat niet in de database`, "--gebied");
                },
                { protect: alreadyPublic },
              ),
            )
          : undefined;
        const result = run(o.input, () => gridHotspots(points, { ...opts, area }));
        emit(o, o.geojson ? gridHotspotsGeoJson(result) : result, () =>
          describeGridHotspots({ subject: o.onderwerp, result, fdr: opts.fdr }),
        );
      },
    );

  method("kde")
    .description("Kerndichtheid (kwartische kern) op een raster")
    .requiredOption("--input <bestand>", "CSV met punten")
    .requiredOption("--x <kolom>", "kolom met x (RD, meters)")
    .requiredOption("--y <kolom>", "kolom met y")
    .option("--cell <m>", "celgrootte in meters", "50")
    .option("--radius <m>", "bandbreedte (straal) in meters", "300")
    .action(
      async (o: TextOptions & { input: string; x: string; y: string; cell: string; radius: string }) => {
        const points = await readPoints(o.input, { x: o.x, y: o.y });
        const cell = numberOption(o.cell, "cell", { min: 1 });
        const radius = numberOption(o.radius, "radius", { min: 1 });
        const grid = run(o.input, () => kernelDensity(points, { cell, radius }));
        emit(o, { ...grid, values: Array.from(grid.values) }, () =>
          describeDensity({ subject: o.onderwerp, result: grid, radius }),
        );
      },
    );
}
