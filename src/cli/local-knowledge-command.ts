// `driehoek lokale-kennis …`: what the police team, residents, partners and the gemeente know about
// an area in a year, and the gemeente's priorities, for the gebiedsscan.
//   bewaar --gebied CODE --jaar JJJJ --bestand FILE --als USER   a new version (merged), registered
//   toon --gebied CODE --jaar JJJJ [--json] --als USER --doel DOEL  the newest version, through the gate
// Who may write which section is decided in src/products/parts/local-knowledge-access.ts.

import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { areaLineage } from "../disclosure/area-lineage.ts";
import { openStoreGate, requesterFor } from "../disclosure/store-gate.ts";
import { InputError } from "../domain/errors.ts";
import {
  LOCAL_KNOWLEDGE_KIND,
  parseLocalKnowledge,
  readLocalKnowledge,
  SECTION_TITLES,
  type StoredLocalKnowledge,
  sectionsIn,
  signatureLine,
  TEXT_SECTIONS,
} from "../products/parts/local-knowledge.ts";
import { saveLocalKnowledgeAs } from "../products/parts/local-knowledge-access.ts";
import { findArea } from "../products/run-product.ts";
import type { Store } from "../store/store.ts";
import { type AccessOptions, withAccessOptions, withCliAccess } from "./cli-access.ts";
import { type CliEffects, storePath, withStore } from "./context.ts";

/** Levels local knowledge is kept for. */
const LEVELS = ["gemeente", "wijk"];

function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value.trim()) || year < 2000 || year > 2100)
    throw new InputError(`jaar "${value}" klopt niet: gebruik JJJJ, bijvoorbeeld 2026`, "--jaar");
  return year;
}

async function knownArea(store: Store, value: string): Promise<{ code: string; name: string }> {
  const code = value.trim().toUpperCase();
  const found = await findArea(store, code);
  if (!found || !LEVELS.includes(found.level))
    throw new InputError(`gebied ${code} is onbekend of geen gemeente of wijk`, "--gebied");
  return { code, name: found.name };
}

export function registerLocalKnowledgeCommands(program: Command, fx: CliEffects): void {
  const lk = program
    .command("lokale-kennis")
    .description("Lokale kennis en prioriteiten van politie en gemeente, voor de gebiedsscan");

  lk.command("bewaar")
    .description(
      "Bewaar lokale kennis voor een gebied en jaar als nieuwe versie (aangevulde delen vervangen)",
    )
    .requiredOption("--gebied <code>", "de gemeente of wijk, bijvoorbeeld GM9001")
    .requiredOption("--jaar <jaar>", "het jaar, bijvoorbeeld 2026")
    .requiredOption(
      "--bestand <bestand>",
      "JSON-bestand met team, bewoners, partners, gemeente (tekst) en/of prioriteiten (lijst)",
    )
    .option("--als <gebruiker>", "wie schrijft (of DRIEHOEK_ALS)")
    .option("--db <pad>", "databasebestand")
    .action(async (o: { gebied: string; jaar: string; bestand: string; als?: string; db?: string }) => {
      const year = parseYear(o.jaar);
      let text: string;
      try {
        text = readFileSync(o.bestand, "utf8");
      } catch (err) {
        throw new InputError(`kan het bestand niet lezen: ${(err as Error).message}`, o.bestand);
      }
      const input = parseLocalKnowledge(text, o.bestand);
      const as = o.als ?? fx.env.DRIEHOEK_ALS;
      if (!as) throw new InputError("geef --als GEBRUIKER: wie schrijft deze lokale kennis?", "--als");
      const db = storePath(o.db, fx);
      const { saved, name } = await withStore(db, async (store) => {
        const area = await knownArea(store, o.gebied);
        const requester = { ...(await requesterFor(store, as)), strongAuth: true };
        const org = requester.organisation
          ? (await store.organisations()).find((x) => x.id === requester.organisation?.id)
          : undefined;
        // The register first: when it cannot be written, nothing is saved either.
        const access = await openStoreGate({ store, dbPath: db, env: fx.env, now: fx.now });
        try {
          const saved = await saveLocalKnowledgeAs(
            { store, lineage: areaLineage(await store.listAreas()), record: access.record, now: fx.now },
            requester,
            area.code,
            year,
            input,
            org?.name ?? requester.user,
          );
          return { saved, name: area.name };
        } finally {
          await access.close();
        }
      });
      fx.stdout(
        `Lokale kennis van ${name} (${saved.area}) voor ${year} bewaard als versie ${saved.version} ` +
          `(${sectionsIn(input).join(", ")}). Vastgelegd in het verstrekkingenregister.\n`,
      );
    });

  withAccessOptions(
    lk
      .command("toon")
      .description("Toon de nieuwste lokale kennis voor een gebied en jaar (via de verstrekkingscontrole)"),
  )
    .requiredOption("--gebied <code>", "de gemeente of wijk, bijvoorbeeld GM9001")
    .requiredOption("--jaar <jaar>", "het jaar, bijvoorbeeld 2026")
    .option("--json", "uitvoer als JSON")
    .option("--db <pad>", "databasebestand")
    .action(async (o: AccessOptions & { gebied: string; jaar: string; json?: boolean; db?: string }) => {
      const year = parseYear(o.jaar);
      const db = storePath(o.db, fx);
      const found = await withStore(db, async (store) => {
        const area = await knownArea(store, o.gebied);
        return withCliAccess(store, db, fx, o, async ({ gate, requester, purpose }) => {
          const r = await gate.disclose(
            {
              requester,
              purpose,
              what: LOCAL_KNOWLEDGE_KIND,
              areas: [area.code],
              period: String(year),
              sensitivity: "aggregated",
            },
            () => readLocalKnowledge(store, area.code, year),
            // Texts people wrote for the gebiedsscan: no counts, nothing to withhold.
            { protect: (d) => d, count: (d) => (d ? sectionCount(d) : 0) },
          );
          return r.data;
        });
      });
      if (o.json) return fx.stdout(`${JSON.stringify(found, null, 2)}\n`);
      if (!found)
        return fx.stdout(`Er is nog geen lokale kennis voor ${o.gebied.trim().toUpperCase()} in ${year}.\n`);
      fx.stdout(knowledgeText(found));
    });
}

const sectionCount = (s: StoredLocalKnowledge) =>
  [...TEXT_SECTIONS, "prioriteiten" as const].filter((k) => s.body[k] !== undefined).length;

/** The local knowledge as text: a heading per section, the text, and who wrote it when. */
export function knowledgeText(s: StoredLocalKnowledge): string {
  const out = [`Lokale kennis ${s.area}, ${s.year}, versie ${s.version}`, ""];
  for (const k of TEXT_SECTIONS) {
    const e = s.body[k];
    if (!e) continue;
    out.push(SECTION_TITLES[k], e.tekst, `— ${signatureLine(e)}`, "");
  }
  const p = s.body.prioriteiten;
  if (p)
    out.push(
      SECTION_TITLES.prioriteiten,
      ...p.punten.map((x, i) => `${i + 1}. ${x}`),
      `— ${signatureLine(p)}`,
      "",
    );
  return `${out.join("\n")}\n`;
}
