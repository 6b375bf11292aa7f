// `driehoek demo generate`: writes a fictional region and its registrations as files that the
// normal import and ingest commands load (see src/demo/generate-demo.ts).

import cliProgress from "cli-progress";
import { type Command, InvalidArgumentError } from "commander";
import { generateDemo } from "../demo/generate-demo.ts";
import type { DemoSize } from "../demo/region-plan.ts";
import { addMonths, localBuckets } from "../domain/time.ts";

export interface DemoCommandDeps {
  now: () => Date;
  /** Where the summary goes; default process.stdout. */
  stdout?: (text: string) => void;
  /** Whether to show a progress bar on stderr; default: when stderr is a terminal. */
  isTty?: boolean;
}

const nf = new Intl.NumberFormat("nl-NL");

function parseSeed(v: string): number {
  if (!/^-?\d+$/.test(v.trim())) throw new InvalidArgumentError("geef een geheel getal, bijvoorbeeld 42.");
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError("dit getal is te groot.");
  return n;
}

function parseYears(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < 1 || n > 30)
    throw new InvalidArgumentError("geef een aantal jaren van 1 tot en met 30.");
  return n;
}

function parseSize(v: string): DemoSize {
  if (v === "klein" || v === "landelijk") return v;
  throw new InvalidArgumentError("kies klein of landelijk.");
}

function parseMonth(v: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(v.trim());
  const month = Number(m?.[2]);
  if (!m || month < 1 || month > 12)
    throw new InvalidArgumentError("geef een maand als JJJJ-MM, bijvoorbeeld 2024-10.");
  return Number(m[1]) * 100 + month;
}

/** The last complete month (yyyymm) before `now`, in Dutch time. */
export function lastCompleteMonth(now: Date): number {
  return addMonths(localBuckets(now.getTime()).month, -1);
}

export function registerDemoCommand(program: Command, deps: DemoCommandDeps): void {
  const stdout = deps.stdout ?? ((t: string) => void process.stdout.write(t));
  const demo = program
    .command("demo")
    .description("Demogegevens: een verzonnen regio met gemeenten, wijken, buurten en registraties");
  demo
    .command("generate")
    .description(
      "Schrijf een verzonnen regio en haar registraties als bestanden die `driehoek import` en " +
        "`driehoek ingest` inlezen. Dezelfde seed en opties geven byte voor byte dezelfde bestanden.",
    )
    .requiredOption("--seed <getal>", "startwaarde van de toevalsgenerator", parseSeed)
    .option("--jaren <aantal>", "aantal kalenderjaren; het laatste jaar eindigt met --tot", parseYears, 3)
    .option(
      "--omvang <omvang>",
      "klein (één eenheid, 7 gemeenten, voor de demo) of landelijk (350 gemeenten, ~5 miljoen registraties per jaar, voor benchmarks)",
      parseSize,
      "klein" as DemoSize,
    )
    .option("--tot <JJJJ-MM>", "laatste maand (standaard: de laatste volledige maand)", parseMonth)
    .option("--uit <map>", "map voor de bestanden", "data/demo")
    .action(async (opts: { seed: number; jaren: number; omvang: DemoSize; tot?: number; uit: string }) => {
      const until = opts.tot ?? lastCompleteMonth(deps.now());
      const showBar = deps.isTty ?? Boolean(process.stderr.isTTY);
      const bar = showBar
        ? new cliProgress.SingleBar(
            {
              format: "Registraties [{bar}] {percentage}% | {value}/{total} | nog {eta_formatted}",
              stream: process.stderr,
              hideCursor: true,
              formatValue: (v, _o, type) => (type === "value" || type === "total" ? nf.format(v) : String(v)),
            },
            cliProgress.Presets.shades_classic,
          )
        : null;
      let started = false;
      const t0 = performance.now();
      let registrationStart = t0;
      const manifest = await generateDemo({
        seed: opts.seed,
        years: opts.jaren,
        size: opts.omvang,
        until,
        outDir: opts.uit,
        onProgress: (done, total) => {
          if (!started) {
            started = true;
            registrationStart = performance.now();
            bar?.start(total, 0);
          }
          bar?.setTotal(total);
          bar?.update(done);
        },
      });
      bar?.stop();
      const seconds = (performance.now() - t0) / 1000;
      const regSeconds = (performance.now() - registrationStart) / 1000;
      const a = manifest.aantallen;
      const written = Object.values(a.registraties).reduce((s, v) => s + v, 0);
      const perYear = Object.entries(a.registraties)
        .map(([y, v]) => `${y}: ${nf.format(v)}`)
        .join(", ");
      stdout(
        `Demogegevens (${manifest.omvang}, seed ${manifest.seed}, tot en met ${manifest.tot}) geschreven naar ${opts.uit}:\n` +
          `  ${a.eenheden} ${a.eenheden === 1 ? "eenheid" : "eenheden"}, ${a.gemeenten} gemeenten, ${nf.format(a.wijken)} wijken, ` +
          `${nf.format(a.buurten)} buurten, ${nf.format(a.adressen)} adressen\n` +
          `  ${nf.format(written)} registraties (${perYear})\n` +
          `  klaar in ${seconds.toFixed(1).replace(".", ",")} s` +
          (regSeconds > 0
            ? ` (${nf.format(Math.round(written / regSeconds))} registraties per seconde)\n`
            : "\n"),
      );
    });
}
