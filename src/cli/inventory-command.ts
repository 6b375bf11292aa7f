// `driehoek inventaris …`: the inventory of the information position (what each gemeente receives
// and wants, per product of the catalog) and the regional summary per police unit.
//   bewaar --bestand FILE --gemeente CODE --als USER     a new version, by the gemeente itself
//   toon CODE [--versie N] [--json] --als USER [--doel DOEL]
//   overzicht [--eenheid CODE] --formaat F [--uit FILE] --als USER --doel DOEL
// Who may do what, and the sensitivity of each, is decided in src/inventory/inventory-access.ts.

import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { openStoreGate, requesterFor } from "../disclosure/store-gate.ts";
import { CBS_CODE } from "../domain/area.ts";
import { InputError } from "../domain/errors.ts";
import { CATALOG_ENTRIES } from "../inventory/catalog-entries.ts";
import { FREQUENCY_LABELS, type Frequency, parseInventory } from "../inventory/inventory.ts";
import { overviewAs, saveAs, showAs } from "../inventory/inventory-access.ts";
import type { StoredInventory } from "../inventory/inventory-store.ts";
import { findArea } from "../products/run-product.ts";
import { openPdfPrinter } from "../render/pdf/print-pdf.ts";
import { type ProductFormat, renderProduct } from "../render/product/render-product.ts";
import type { Store } from "../store/store.ts";
import { type AccessOptions, withAccessOptions, withCliAccess } from "./cli-access.ts";
import { type CliEffects, storePath, withStore } from "./context.ts";
import { textTable } from "./format-nl.ts";

/** The summary has no maps, so no GeoJSON. */
const OVERVIEW_FORMATS = ["html", "pdf", "xlsx", "csv", "json"] as const satisfies readonly ProductFormat[];
type OverviewFormat = (typeof OVERVIEW_FORMATS)[number];

const dateNl = new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "long" });

function gemeenteCode(value: string, option: string): string {
  const code = value.trim().toUpperCase();
  if (!CBS_CODE.gemeente.test(code)) {
    throw new InputError(`"${value}" is geen gemeentecode; gebruik een code als GM0344`, option);
  }
  return code;
}

async function gemeenteName(store: Store, code: string, option: string): Promise<string> {
  const found = await findArea(store, code);
  if (!found) throw new InputError(`gemeente ${code} is onbekend`, option);
  return found.name;
}

export function registerInventoryCommands(program: Command, fx: CliEffects): void {
  const inventory = program
    .command("inventaris")
    .description("Inventaris van de informatiepositie: welke producten elke gemeente krijgt en wil");

  inventory
    .command("bewaar")
    .description("Bewaar de inventaris van een gemeente als nieuwe versie (alleen door de gemeente zelf)")
    .requiredOption(
      "--bestand <bestand>",
      "JSON-bestand met de inventaris (voorbeeld: docs/voorbeeld-inventaris.json)",
    )
    .requiredOption("--gemeente <code>", "de gemeente, bijvoorbeeld GM9001")
    .option("--als <gebruiker>", "wie de inventaris bewaart (of DRIEHOEK_ALS)")
    .option("--db <pad>", "databasebestand")
    .action(async (o: { bestand: string; gemeente: string; als?: string; db?: string }) => {
      const code = gemeenteCode(o.gemeente, "--gemeente");
      let text: string;
      try {
        text = readFileSync(o.bestand, "utf8");
      } catch (err) {
        throw new InputError(`kan het bestand niet lezen: ${(err as Error).message}`, o.bestand);
      }
      const inv = parseInventory(text, o.bestand);
      if (inv.gemeente !== undefined && inv.gemeente !== code) {
        throw new InputError(
          `het bestand is van ${inv.gemeente}, niet van ${code}`,
          o.bestand,
          null,
          "gemeente",
        );
      }
      const as = o.als ?? fx.env.DRIEHOEK_ALS;
      if (!as) throw new InputError("geef --als GEBRUIKER: wie bewaart deze inventaris?", "--als");
      const db = storePath(o.db, fx);
      const { saved, name } = await withStore(db, async (store) => {
        const name = await gemeenteName(store, code, "--gemeente");
        const requester = { ...(await requesterFor(store, as)), strongAuth: true };
        // The register first: when it cannot be written, the inventory is not saved either.
        const access = await openStoreGate({ store, dbPath: db, env: fx.env, now: fx.now });
        try {
          const saved = await saveAs(
            { store, gate: access.gate, record: access.record, now: fx.now },
            requester,
            code,
            inv,
          );
          return { saved, name };
        } finally {
          await access.close();
        }
      });
      fx.stdout(
        `Inventaris van ${name} (${code}) bewaard als versie ${saved.versie}, door ${saved.ingevuldDoor} ` +
          `op ${dateNl.format(new Date(saved.ingevuldOp))}. Vastgelegd in het verstrekkingenregister.\n`,
      );
    });

  withAccessOptions(
    inventory
      .command("toon")
      .description("Toon de inventaris van een gemeente (de nieuwste, of een eerdere versie)"),
  )
    .argument("<gemeente>", "de gemeente, bijvoorbeeld GM9001")
    .option("--versie <nummer>", "een eerdere versie")
    .option("--json", "uitvoer als JSON")
    .option("--db <pad>", "databasebestand")
    .action(async (gemeente: string, o: AccessOptions & { versie?: string; json?: boolean; db?: string }) => {
      const code = gemeenteCode(gemeente, "gemeente");
      const version = o.versie === undefined ? undefined : Number(o.versie);
      if (version !== undefined && !(Number.isInteger(version) && version >= 1)) {
        throw new InputError(`versie "${o.versie}" is geen versienummer (1, 2, 3 …)`, "--versie");
      }
      const db = storePath(o.db, fx);
      const found = await withStore(db, (store) =>
        withCliAccess(store, db, fx, o, ({ gate, requester, purpose }) =>
          showAs({ store, gate }, requester, purpose, code, version),
        ),
      );
      if (o.json) return fx.stdout(`${JSON.stringify(found, null, 2)}\n`);
      if (!found) {
        return fx.stdout(
          version === undefined
            ? `Er is nog geen inventaris van ${code}.\n`
            : `Er is geen versie ${version} van de inventaris van ${code}.\n`,
        );
      }
      fx.stdout(inventoryText(found));
    });

  withAccessOptions(
    inventory
      .command("overzicht")
      .description(
        "Het regionale overzicht per politie-eenheid: wat gemeenten krijgen en wat ontbreekt (via de verstrekkingscontrole)",
      ),
  )
    .option("--eenheid <code>", "de eenheid, bijvoorbeeld RE90 (standaard: die van uw organisatie)")
    .option("--formaat <formaat>", OVERVIEW_FORMATS.join(", "), "html")
    .option("--uit <bestand>", "schrijf naar dit bestand in plaats van naar het scherm")
    .option("--db <pad>", "databasebestand")
    .action(async (o: AccessOptions & { eenheid?: string; formaat: string; uit?: string; db?: string }) => {
      if (!(OVERVIEW_FORMATS as readonly string[]).includes(o.formaat)) {
        throw new InputError(
          `formaat "${o.formaat}" kennen we niet; kies uit ${OVERVIEW_FORMATS.join(", ")}`,
          "--formaat",
        );
      }
      const format = o.formaat as OverviewFormat;
      const db = storePath(o.db, fx);
      const doc = await withStore(db, (store) =>
        withCliAccess(store, db, fx, o, ({ gate, registry, requester, purpose }) =>
          overviewAs({ store, gate, registry, now: fx.now }, requester, purpose, o.eenheid),
        ),
      );
      const pdf = format === "pdf" ? await openPdfPrinter() : undefined;
      try {
        const out = await renderProduct(doc, format, { pdf });
        if (!o.uit && format !== "pdf" && format !== "xlsx") {
          fx.stdout(out.content.toString("utf8"));
          return;
        }
        const path = resolve(o.uit ?? out.fileName);
        writeFileSync(path, out.content);
        fx.stderr(`${doc.title} geschreven naar ${path} (registernummer ${doc.disclosure?.registerSeq}).\n`);
      } finally {
        await pdf?.close();
      }
    });
}

const frequency = (f: Frequency | null) => (f === null ? "" : FREQUENCY_LABELS[f]);

/** One inventory as text: who filled it in and when, then a line per product. */
export function inventoryText(s: StoredInventory): string {
  const head =
    `Inventaris informatiepositie ${s.gemeente}, versie ${s.versie}, ingevuld door ${s.ingevuldDoor} ` +
    `op ${dateNl.format(new Date(s.ingevuldOp))}.\n`;
  const note = s.inventaris.toelichting ? `Toelichting: ${s.inventaris.toelichting}\n` : "";
  const rows = CATALOG_ENTRIES.map((e) => {
    const a = s.inventaris.producten[e.id];
    return [
      e.title,
      a?.ontvangt ?? "",
      frequency(a?.frequentie ?? null),
      a?.gewenst ?? "",
      frequency(a?.gewensteFrequentie ?? null),
      a?.tevredenheid === null || a?.tevredenheid === undefined ? "" : String(a.tevredenheid),
      a?.toelichting ?? "",
    ];
  });
  return `${head}${note}\n${textTable(
    ["Product", "Krijgt", "Hoe vaak", "Wil", "Hoe vaak gewenst", "Tevreden (1-5)", "Toelichting"],
    rows,
  )}`;
}
