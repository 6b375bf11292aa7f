// `driehoek product ID --gebied CODE --periode P --formaat F [--uit FILE] --als USER --doel DOEL`:
// one information product for one area and period, through the disclosure gate, in one format.
// Text formats go to standard output unless --uit is given; PDF and XLSX are written to --uit or
// to the suggested file name in the current folder.

import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { loadOrCreateKey } from "../disclosure/keys.ts";
import { keysDir } from "../disclosure/store-gate.ts";
import { InputError } from "../domain/errors.ts";
import { CATALOG, productById } from "../products/catalog.ts";
import {
  BESTUURLIJKE_RAPPORTAGE_ID,
  bestuurlijkeRapportage,
  MAATREGELEN,
  type Maatregel,
} from "../products/definitions/bestuurlijke-rapportage.ts";
import { parsePeriod } from "../products/product-period.ts";
import { runProduct } from "../products/run-product.ts";
import { openPdfPrinter } from "../render/pdf/print-pdf.ts";
import { isProductFormat, PRODUCT_FORMATS, renderProduct } from "../render/product/render-product.ts";
import { type AccessOptions, withAccessOptions, withCliAccess } from "./cli-access.ts";
import { type CliEffects, storePath, withStore } from "./context.ts";

interface ProductOptions extends AccessOptions {
  adres?: string;
  maatregel?: string;
  besluit?: string;
  gebied: string;
  periode: string;
  formaat: string;
  uit?: string;
  db?: string;
}

/** The bestuurlijke rapportage for the address, measure and decision given. */
function addressReport(o: ProductOptions) {
  const [postcode, huisnummer] = (o.adres ?? "").split("/");
  if (!postcode || !huisnummer)
    throw new InputError("geef --adres als POSTCODE/HUISNUMMER, bijvoorbeeld 9001AB/12A", "--adres");
  if (!o.besluit)
    throw new InputError("geef --besluit: het kenmerk van het verstrekkingsbesluit", "--besluit");
  const maatregel = o.maatregel ?? "";
  if (!Object.hasOwn(MAATREGELEN, maatregel)) {
    throw new InputError(`geef --maatregel: ${Object.keys(MAATREGELEN).join(", ")}`, "--maatregel");
  }
  return bestuurlijkeRapportage({
    postcode,
    huisnummer,
    maatregel: maatregel as Maatregel,
    besluit: o.besluit,
  });
}

export function registerProductCommands(program: Command, fx: CliEffects): void {
  withAccessOptions(
    program
      .command("product")
      .description("Maak een informatieproduct voor een gebied en periode (via de verstrekkingscontrole)"),
  )
    .argument("<id>", `het product: ${CATALOG.map((p) => p.id).join(", ")}`)
    .requiredOption("--gebied <code>", "het gebied, bijvoorbeeld GM0344")
    .requiredOption("--periode <periode>", "JJJJ-MM, JJJJ-Qn, JJJJ-Hn, JJJJ, JJJJ-Www of JJJJ-MM-DD")
    .option("--formaat <formaat>", PRODUCT_FORMATS.join(", "), "html")
    .option("--uit <bestand>", "schrijf naar dit bestand in plaats van naar het scherm")
    .option("--adres <postcode/huisnummer>", "bestuurlijke-rapportage: het adres, bijvoorbeeld 9001AB/12A")
    .option("--maatregel <maatregel>", `bestuurlijke-rapportage: ${Object.keys(MAATREGELEN).join(", ")}`)
    .option("--besluit <kenmerk>", "bestuurlijke-rapportage: het kenmerk van het verstrekkingsbesluit")
    .option("--db <pad>", "databasebestand")
    .action(async (id: string, o: ProductOptions) => {
      const def =
        id === BESTUURLIJKE_RAPPORTAGE_ID && (o.adres || o.besluit) ? addressReport(o) : productById(id);
      if (!def) {
        throw new InputError(
          `product "${id}" bestaat niet; kies uit ${CATALOG.map((p) => p.id).join(", ")}`,
          "id",
        );
      }
      if (!isProductFormat(o.formaat)) {
        throw new InputError(
          `formaat "${o.formaat}" kennen we niet; kies uit ${PRODUCT_FORMATS.join(", ")}`,
          "--formaat",
        );
      }
      const format = o.formaat;
      const period = parsePeriod(o.periode);
      const db = storePath(o.db, fx);
      const doc = await withStore(db, (store) =>
        withCliAccess(store, db, fx, o, ({ gate, registry, requester, purpose }) =>
          runProduct(
            {
              store,
              gate,
              registry,
              now: fx.now,
              recordKey: loadOrCreateKey(keysDir(db, fx.env), "pseudoniem"),
            },
            def,
            {
              requester,
              purpose,
              area: o.gebied.trim().toUpperCase(),
              period,
            },
          ),
        ),
      );
      const pdf = format === "pdf" ? await openPdfPrinter() : undefined;
      try {
        const out = await renderProduct(doc, format, { pdf });
        const binary = format === "pdf" || format === "xlsx";
        if (!o.uit && !binary) {
          fx.stdout(out.content.toString("utf8"));
          return;
        }
        const path = resolve(o.uit ?? out.fileName);
        writeFileSync(path, out.content);
        fx.stderr(`${def.title} geschreven naar ${path} (registernummer ${doc.disclosure?.registerSeq}).\n`);
      } finally {
        await pdf?.close();
      }
    });
}
