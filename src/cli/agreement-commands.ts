// `driehoek afspraak …` (local information agreements: save, show, history, reminders) and
// `driehoek bezorg` (run the deliveries that are due now, once; for cron or a systemd timer).
// Saving needs --als: only the gemeente's OOV-adviseur or beheerder may, and it is registered.
// Showing an agreement needs no login: it holds no police data, and whoever runs commands on the
// server can read the database anyway (as with `driehoek gebruiker`).

import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { type Agreement, parseAgreement } from "../agreements/agreement.ts";
import { AGREEMENT_POLICY, agreementPermissionProblem } from "../agreements/agreement-permission.ts";
import {
  agreementHistory,
  agreementVersion,
  currentAgreement,
  currentAgreements,
  type StoredAgreement,
  saveAgreement,
} from "../agreements/agreement-store.ts";
import { dayLabelNl, isoDateToDay } from "../agreements/calendar.ts";
import { type DeliveryRun, runDueDeliveries } from "../agreements/deliver.ts";
import { dueEvaluations, evaluationText } from "../agreements/evaluations.ts";
import { smtpMailer, smtpSettingsFromEnv } from "../delivery/mailer.ts";
import { contentHash } from "../disclosure/disclosure-gate.ts";
import { loadOrCreateKey } from "../disclosure/keys.ts";
import {
  type LegalBasisRegistry,
  loadLegalBasisRegistry,
} from "../disclosure/legal-bases/legal-basis-registry.ts";
import { keysDir, openStoreGate } from "../disclosure/store-gate.ts";
import { AccessDenied, InputError } from "../domain/errors.ts";
import { productById } from "../products/catalog.ts";
import { findArea } from "../products/run-product.ts";
import { DEFAULT_CHROMIUM, openPdfPrinter, type PdfPrinter } from "../render/pdf/print-pdf.ts";
import type { Store } from "../store/store.ts";
import { type AccessOptions, administerForCli, readGemeenteDocumentForCli } from "./cli-access.ts";
import { type CliEffects, storePath, withStore } from "./context.ts";
import { textTable } from "./format-nl.ts";

const gemeenteCode = (s: string) => s.trim().toUpperCase();

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new InputError(`kan het bestand niet lezen: ${(err as Error).message}`, path);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(`geen geldige JSON: ${(err as Error).message}`, path);
  }
}

function dateNl(d: Date): string {
  return new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(d);
}

async function describeAgreement(
  store: Store,
  registry: LegalBasisRegistry,
  s: StoredAgreement,
): Promise<string> {
  const a: Agreement = s.agreement;
  const name = async (code: string) => {
    const area = await findArea(store, code);
    return area ? `${area.name} (${code})` : code;
  };
  const basisLabel = (id: string) => {
    const b = registry.bases.find((x) => x.id === id);
    return b ? `${id} (${[b.wet, b.artikel].filter(Boolean).join(" ") || b.titel})` : id;
  };
  const lines = [
    `Informatieafspraak ${await name(a.gemeente)}, versie ${s.version}`,
    `Bewaard op ${dateNl(s.savedAt)} door ${s.author}`,
    `Geldig vanaf: ${dayLabelNl(isoDateToDay(a.geldigVanaf))}`,
    `Evaluatie op: ${dayLabelNl(isoDateToDay(a.evaluatieOp))}`,
    `Afgesproken met: ${a.afgesprokenMet}`,
    ...(a.toelichting ? [`Toelichting: ${a.toelichting}`] : []),
    "",
  ];
  if (a.producten.length === 0) lines.push("Geen producten: er wordt niets bezorgd.");
  for (const [i, p] of a.producten.entries()) {
    lines.push(
      `${i + 1}. ${productById(p.product)?.title ?? p.product} (${p.product}) voor ${await name(p.gebied)}`,
      `   Hoe vaak: ${p.cadans}, op de ${p.dagVanLevering}e werkdag na afloop van de periode`,
      `   Formaten: ${p.formaten.join(", ")}`,
      `   Aan: ${p.ontvangers.join(", ")}`,
      `   Via: ${p.kanalen.map((k) => (k === "map" ? `map ${a.gemeente}/${p.map}` : k)).join(", ")}`,
      `   Doel: ${p.doel}`,
      `   Grondslag: ${basisLabel(p.grondslag)}`,
      `   Lokale afspraak: ${p.lokaleAfspraak ? "ja" : "nee"}`,
      ...(p.toelichting ? [`   Toelichting: ${p.toelichting}`] : []),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** A printer that starts Chromium only when the first PDF is asked for. */
function lazyPdfPrinter(): PdfPrinter {
  let opened: Promise<PdfPrinter> | undefined;
  return {
    print: (html, opts) => {
      opened ??= openPdfPrinter();
      return opened.then((p) => p.print(html, opts));
    },
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}

function printRun(fx: CliEffects, run: DeliveryRun): void {
  for (const d of run.deliveries) {
    const channels = Object.entries(d.channels)
      .map(([k, r]) => `${k}: ${r.status}`)
      .join(", ");
    fx.stdout(
      `${d.status.padEnd(9)}  ${d.product} ${d.area} ${d.period} → ${d.recipient}` +
        (d.registerSeq !== null ? ` (registernummer ${d.registerSeq})` : "") +
        (channels ? ` [${channels}]` : "") +
        (d.reason ? `\n           reden: ${d.reason}` : "") +
        "\n",
    );
  }
  for (const r of run.reminders) {
    if (r.outcome === "verzonden")
      fx.stdout(`herinnering  evaluatie ${r.gemeente} (${r.evaluatieOp}) → ${r.to.join(", ")}\n`);
    if (r.outcome === "niet-verzonden")
      fx.stdout(`herinnering  evaluatie ${r.gemeente} (${r.evaluatieOp}) niet verzonden: ${r.problem}\n`);
  }
  const count = (s: string) => run.deliveries.filter((d) => d.status === s).length;
  fx.stdout(`${count("bezorgd")} bezorgd, ${count("geweigerd")} geweigerd, ${count("mislukt")} mislukt.\n`);
}

export function registerAgreementCommands(program: Command, fx: CliEffects): void {
  const afspraak = program
    .command("afspraak")
    .description("Informatieafspraken per gemeente: welke producten, hoe vaak, voor wie, via welk kanaal");

  afspraak
    .command("bewaar")
    .description("Bewaar een (nieuwe versie van een) informatieafspraak uit een JSON-bestand")
    .requiredOption("--bestand <bestand>", "de afspraak als JSON (zie docs/voorbeeld-afspraak.json)")
    .requiredOption(
      "--als <gebruiker>",
      "wie bewaart: de adviseur openbare orde en veiligheid of de beheerder",
    )
    .option("--db <pad>", "databasebestand")
    .action(async (o: { bestand: string; als: string; db?: string }) => {
      const file = resolve(o.bestand);
      const json = readJsonFile(file);
      const db = storePath(o.db, fx);
      await withStore(db, async (store) => {
        const user = await store.user(o.als);
        if (!user) throw new AccessDenied(`Gebruiker ${o.als} bestaat niet of is geblokkeerd.`, "afspraak");
        const org = (await store.organisations()).find((x) => x.id === user.organisation);
        // The shape first (it says which gemeente), then who may, then the full check.
        const { gemeente } = parseAgreement(json, file);
        const denied = agreementPermissionProblem(user, org, gemeente);
        if (denied) throw new AccessDenied(denied, "afspraak");
        // The register first: when it cannot be written, the agreement is not saved either.
        const access = await openStoreGate({ store, dbPath: db, env: fx.env, now: fx.now });
        try {
          const r = await saveAgreement(store, access.registry, json, {
            author: user.id,
            now: fx.now(),
            file,
          });
          const where = `${(await findArea(store, r.stored.agreement.gemeente))?.name ?? ""} (${r.stored.agreement.gemeente})`;
          if (r.changed) {
            access.record({
              at: fx.now().toISOString(),
              kind: "beheer",
              user: user.id,
              roles: user.roles,
              organisation: user.organisation,
              purpose: "beheer",
              legalBasis: null,
              policy: AGREEMENT_POLICY,
              what: `afspraak-bewaren:${r.stored.agreement.gemeente}:v${r.stored.version}`,
              areas: [r.stored.agreement.gemeente],
              period: null,
              sensitivity: "open",
              count: 1,
              contentHash: contentHash(r.stored.agreement),
            });
            fx.stdout(`Informatieafspraak van ${where} bewaard als versie ${r.stored.version}.\n`);
          } else {
            fx.stdout(
              `De informatieafspraak van ${where} is niet veranderd; versie ${r.stored.version} blijft gelden.\n`,
            );
          }
          for (const w of r.warnings) fx.stdout(`Let op: ${w}\n`);
        } finally {
          await access.close();
        }
      });
    });

  afspraak
    .command("toon")
    .description("Toon de informatieafspraak van een gemeente (de huidige, of --versie N)")
    .argument("<gemeente>", "gemeentecode, bijvoorbeeld GM9001")
    .option("--versie <n>", "een eerdere versie")
    .option("--json", "als JSON, om te bewerken en opnieuw te bewaren")
    .option("--db <pad>", "databasebestand")
    .option("--als <gebruiker>", "de gebruiker die de afspraak leest (of DRIEHOEK_ALS)")
    .option("--doel <doel>", "het doel waarvoor (of DRIEHOEK_DOEL)")
    .action(async (code: string, o: AccessOptions & { versie?: string; json?: boolean; db?: string }) => {
      const gemeente = gemeenteCode(code);
      const version = o.versie === undefined ? undefined : Number(o.versie);
      if (version !== undefined && !(Number.isInteger(version) && version >= 1)) {
        throw new InputError(`versie "${o.versie}" is geen versienummer (1, 2, 3 …)`, "--versie");
      }
      const db = storePath(o.db, fx);
      await withStore(db, async (store) => {
        const s = await readGemeenteDocumentForCli(store, db, fx, o, "afspraak", gemeente, async () =>
          version === undefined
            ? ((await currentAgreement(store, gemeente)) ?? null)
            : ((await agreementVersion(store, gemeente, version)) ?? null),
        );
        if (!s) {
          throw new InputError(
            version === undefined
              ? `gemeente ${gemeente} heeft nog geen informatieafspraak`
              : `versie ${version} van de afspraak van ${gemeente} bestaat niet`,
            "gemeente",
          );
        }
        if (o.json) fx.stdout(`${JSON.stringify(s.agreement, null, 2)}\n`);
        else fx.stdout(await describeAgreement(store, loadLegalBasisRegistry(), s));
      });
    });

  afspraak
    .command("geschiedenis")
    .description("Alle versies van de informatieafspraak van een gemeente")
    .argument("<gemeente>", "gemeentecode, bijvoorbeeld GM9001")
    .option("--db <pad>", "databasebestand")
    .option("--als <gebruiker>", "de gebruiker die de afspraken leest (of DRIEHOEK_ALS)")
    .option("--doel <doel>", "het doel waarvoor (of DRIEHOEK_DOEL)")
    .action(async (code: string, o: AccessOptions & { db?: string }) => {
      const gemeente = gemeenteCode(code);
      const db = storePath(o.db, fx);
      await withStore(db, async (store) => {
        const history = await readGemeenteDocumentForCli(
          store,
          db,
          fx,
          o,
          "afspraak-geschiedenis",
          gemeente,
          () => agreementHistory(store, gemeente),
        );
        if (history.length === 0) {
          throw new InputError(`gemeente ${gemeente} heeft nog geen informatieafspraak`, "gemeente");
        }
        fx.stdout(
          textTable(
            ["versie", "bewaard op", "door", "geldig vanaf", "evaluatie op", "producten"],
            history.map((s) => [
              String(s.version),
              dateNl(s.savedAt),
              s.author,
              s.agreement.geldigVanaf,
              s.agreement.evaluatieOp,
              s.agreement.producten.map((p) => p.product).join(", ") || "geen",
            ]),
          ),
        );
      });
    });

  afspraak
    .command("herinneringen")
    .description("Afspraken die geëvalueerd moeten worden (of binnen 30 dagen); alleen voor de beheerder")
    .option("--db <pad>", "databasebestand")
    .option("--als <gebruiker>", "de beheerder (of DRIEHOEK_ALS)")
    .action(async (o: AccessOptions & { db?: string }) => {
      const db = storePath(o.db, fx);
      await withStore(db, async (store) => {
        const { agreements } = await administerForCli(store, db, fx, o, "afspraak-herinneringen", () =>
          currentAgreements(store),
        );
        const due = dueEvaluations(
          agreements.map((a) => a.agreement),
          fx.now(),
        );
        if (due.length === 0) {
          fx.stdout("Geen afspraken om te evalueren, ook niet in de komende 30 dagen.\n");
          return;
        }
        for (const e of due) {
          const name = (await findArea(store, e.gemeente))?.name ?? e.gemeente;
          const when = dayLabelNl(isoDateToDay(e.evaluatieOp));
          fx.stdout(
            e.status === "verlopen"
              ? `${name} (${e.gemeente}): evaluatie was op ${when} (${evaluationText(e)}); evalueer de afspraak.\n`
              : `${name} (${e.gemeente}): evaluatie op ${when} (${evaluationText(e)}).\n`,
          );
        }
      });
    });

  program
    .command("bezorg")
    .description("Bezorg nu eenmalig wat volgens de informatieafspraken klaar moet staan")
    .option("--map <map>", "de leveringsmap voor kanaal map (of DRIEHOEK_LEVERINGSMAP)")
    .option("--db <pad>", "databasebestand")
    .action(async (o: { map?: string; db?: string }) => {
      const db = storePath(o.db, fx);
      const folder = o.map ?? fx.env.DRIEHOEK_LEVERINGSMAP;
      const smtp = smtpSettingsFromEnv(fx.env);
      const mailer = smtp ? smtpMailer(smtp) : undefined;
      const pdf = existsSync(DEFAULT_CHROMIUM) ? lazyPdfPrinter() : undefined;
      try {
        const run = await withStore(db, async (store) => {
          const access = await openStoreGate({ store, dbPath: db, env: fx.env, now: fx.now });
          try {
            return await runDueDeliveries({
              store,
              gate: access.gate,
              registry: access.registry,
              now: fx.now,
              mail: mailer,
              folderRoot: folder ? resolve(folder) : undefined,
              pdf,
              recordKey: loadOrCreateKey(keysDir(db, fx.env), "pseudoniem"),
              log: (line) => fx.stderr(`${line}\n`),
            });
          } finally {
            await access.close();
          }
        });
        printRun(fx, run);
        if (run.deliveries.some((d) => d.status === "mislukt")) process.exitCode = 1;
      } finally {
        mailer?.close();
        await pdf?.close();
      }
    });
}
