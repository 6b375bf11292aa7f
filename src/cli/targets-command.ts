// `driehoek streefcijfers …`: the priorities and targets of a gemeente's integral safety plan, for
// the Driehoeksmonitor.
//   bewaar --gemeente CODE --bestand FILE --als USER   a new version (the gemeente itself only)
//   toon CODE [--json]                                  the newest version
// Saving needs --als: only that gemeente's oov-adviseur, burgemeester or beheerder may, and every
// saved version is recorded in the verstrekkingenregister (kind "beheer"): a beheerder's through
// the gate's `administer`, the others' as an entry with their own name and roles. Showing needs
// no login: targets are the gemeente's own plan, no police data (as with `driehoek afspraak toon`).

import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { saveRegistered } from "../disclosure/save-registered.ts";
import { openStoreGate, requesterFor } from "../disclosure/store-gate.ts";
import { CBS_CODE } from "../domain/area.ts";
import { AccessDenied, InputError } from "../domain/errors.ts";
import {
  currentTargets,
  parseTargets,
  type StoredTargets,
  saveTargets,
  TARGETS_KIND,
  targetsWriteProblem,
  targetValue,
} from "../products/parts/streefcijfers.ts";
import { findArea } from "../products/run-product.ts";
import { formatCount } from "../render/format-nl.ts";
import { type AccessOptions, readGemeenteDocumentForCli } from "./cli-access.ts";
import { type CliEffects, storePath, withStore } from "./context.ts";
import { textTable } from "./format-nl.ts";

function gemeenteCode(value: string, option: string): string {
  const code = value.trim().toUpperCase();
  if (!CBS_CODE.gemeente.test(code)) {
    throw new InputError(`"${value}" is geen gemeentecode; gebruik een code als GM9001`, option);
  }
  return code;
}

const dateNl = new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "long" });

/** The targets as text: who saved them and when, then a line per priority. */
export function targetsText(gemeente: string, s: StoredTargets): string {
  const head = `Streefcijfers ${gemeente}, versie ${s.version}, bewaard door ${s.author} op ${dateNl.format(s.savedAt)}.\n\n`;
  const rows = s.targets.prioriteiten.map((p) => [
    p.titel,
    p.inpCodes.join(", "),
    `${formatCount(p.basiswaarde)} in ${p.basisjaar}`,
    p.doel.soort === "procent"
      ? `${p.doel.waarde > 0 ? "+" : ""}${p.doel.waarde}% (${formatCount(Math.round(targetValue(p)))}) in ${p.doel.jaar}`
      : `${formatCount(p.doel.waarde)} in ${p.doel.jaar}`,
    p.toelichting,
  ]);
  return head + textTable(["Prioriteit", "INP-codes", "Basis", "Streefcijfer", "Toelichting"], rows);
}

export function registerTargetsCommands(program: Command, fx: CliEffects): void {
  const targets = program
    .command("streefcijfers")
    .description("Prioriteiten en streefcijfers uit het integraal veiligheidsplan, voor de Driehoeksmonitor");

  targets
    .command("bewaar")
    .description("Bewaar de streefcijfers van een gemeente als nieuwe versie (alleen door de gemeente zelf)")
    .requiredOption("--gemeente <code>", "de gemeente, bijvoorbeeld GM9001")
    .requiredOption("--bestand <bestand>", "JSON-bestand (voorbeeld: docs/voorbeeld-streefcijfers.json)")
    .requiredOption(
      "--als <gebruiker>",
      "wie bewaart: de adviseur openbare orde en veiligheid, burgemeester of beheerder",
    )
    .option("--db <pad>", "databasebestand")
    .action(async (o: { gemeente: string; bestand: string; als: string; db?: string }) => {
      const code = gemeenteCode(o.gemeente, "--gemeente");
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(o.bestand, "utf8"));
      } catch (err) {
        throw new InputError(`kan het bestand niet lezen als JSON: ${(err as Error).message}`, o.bestand);
      }
      const parsed = parseTargets(json, o.bestand);
      if (parsed.gemeente !== undefined && parsed.gemeente !== code) {
        throw new InputError(
          `het bestand is van ${parsed.gemeente}, niet van ${code}`,
          o.bestand,
          null,
          "gemeente",
        );
      }
      const db = storePath(o.db, fx);
      const { saved, name } = await withStore(db, async (store) => {
        const area = await findArea(store, code);
        if (area?.level !== "gemeente") throw new InputError(`gemeente ${code} is onbekend`, "--gemeente");
        const requester = { ...(await requesterFor(store, o.als)), strongAuth: true };
        const problem = targetsWriteProblem(requester, code);
        if (problem) throw new AccessDenied(problem, `${TARGETS_KIND}:${code}`);
        // The register first: when it cannot be written, the targets are not saved either.
        const access = await openStoreGate({ store, dbPath: db, env: fx.env, now: fx.now });
        try {
          const what = `${TARGETS_KIND}-bewaren:${code}`;
          const saved = await saveRegistered({ ...access, now: fx.now }, requester, {
            what,
            area: code,
            save: () => saveTargets(store, code, parsed, requester.user, fx.now()),
            ownWhat: (s) => `${what}:v${s.version}`,
            hashOf: (s) => s.body,
          });
          return { saved, name: area.name };
        } finally {
          await access.close();
        }
      });
      fx.stdout(
        `Streefcijfers van ${name} (${code}) bewaard als versie ${saved.version}, door ${saved.author}. Vastgelegd in het verstrekkingenregister.\n`,
      );
    });

  targets
    .command("toon")
    .description("Toon de nieuwste streefcijfers van een gemeente")
    .argument("<gemeente>", "de gemeente, bijvoorbeeld GM9001")
    .option("--json", "als JSON, om te bewerken en opnieuw te bewaren")
    .option("--db <pad>", "databasebestand")
    .option("--als <gebruiker>", "de gebruiker die de streefcijfers leest (of DRIEHOEK_ALS)")
    .option("--doel <doel>", "het doel waarvoor (of DRIEHOEK_DOEL)")
    .action(async (gemeente: string, o: AccessOptions & { json?: boolean; db?: string }) => {
      const code = gemeenteCode(gemeente, "gemeente");
      const db = storePath(o.db, fx);
      const found = await withStore(db, (store) =>
        readGemeenteDocumentForCli(
          store,
          db,
          fx,
          o,
          "streefcijfers",
          code,
          async () => (await currentTargets(store, code)) ?? null,
        ),
      );
      if (!found) return fx.stdout(`Er zijn nog geen streefcijfers van ${code}.\n`);
      if (o.json) return fx.stdout(`${JSON.stringify(found.targets, null, 2)}\n`);
      fx.stdout(targetsText(code, found));
    });
}
