// What an import job of the beheerder does: load an uploaded file of one kind through the same
// code the CLI uses (`driehoek ingest`, `driehoek import …`), reporting progress on a 0-100
// scale. A delivery's bad rows go to quarantine; a file that cannot be read at all changes
// nothing (for a delivery: only its failure is recorded) and the job fails with a Dutch message
// that names the file, line and field.

import type { AreaLevel } from "../../domain/area.ts";
import type { DeliveryCounts } from "../../domain/delivery.ts";
import {
  type ImportProgress,
  importAddressesFile,
  importAreasFile,
  importClassificationFile,
  importIndelingFile,
  importPopulationFile,
} from "../../ingest/import-reference.ts";
import { ingestFile } from "../../ingest/ingest-file.ts";
import { formatCount } from "../../render/format-nl.ts";
import type { Store } from "../../store/store.ts";
import type { JobRegistry, ReportProgress } from "./import-jobs.ts";

export const IMPORT_KINDS = {
  levering: "Politieregistraties of CBS-cijfers: een levering (CSV of JSON)",
  gebieden: "Gebiedsgrenzen van CBS of politie (GeoJSON)",
  bevolking: "Inwoneraantallen per gebied (CSV of JSON)",
  indeling: "Politie-indeling: gemeente, basisteam, district, eenheid (CSV)",
  adressen: "Adrespunten: postcode, huisnummer, x en y in RD (CSV)",
  classificatie: "Classificatie: BVH-codes met hun INP2013-type (CSV)",
} as const;
export type ImportKind = keyof typeof IMPORT_KINDS;

export const AREA_IMPORT_LEVELS = ["gemeente", "wijk", "buurt", "eenheid", "pc4"] as const;

export interface ImportRequest {
  kind: ImportKind;
  /** Levering: the source (bron), e.g. politie-oost-nederland. */
  source?: string;
  /** Gebieden: the level. */
  level?: (typeof AREA_IMPORT_LEVELS)[number];
  /** Gebieden, bevolking, indeling: the year. */
  year?: number;
}

export type ImportOutcome =
  | {
      kind: "levering";
      /** "duplicate": the same file was loaded before; nothing changed. */
      outcome: "loaded" | "duplicate";
      deliveryId: number;
      counts: DeliveryCounts;
    }
  | { kind: "referentie"; loaded: number; problems: string[] };

export type ImportJobs = JobRegistry<ImportOutcome>;

/** A delivery that could not be loaded: the job fails with this message, the delivery is recorded. */
export class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly deliveryId: number,
  ) {
    super(message);
    this.name = "DeliveryFailed";
  }
}

/** Loads the file at `path` as `req` says, reporting progress; throws when nothing could be loaded. */
export async function runImport(
  req: ImportRequest,
  path: string,
  deps: { store: Store; now: () => Date; describe: (err: unknown) => string },
  report: ReportProgress,
): Promise<ImportOutcome> {
  if (req.kind === "levering") {
    const { outcome } = await ingestFile(
      path,
      {
        source: req.source ?? "beheer",
        onProgress: (bytes, total) =>
          report({
            done: total > 0 ? Math.floor((bytes / total) * 90) : 0,
            total: 100,
            text: `${formatCount(Math.round(bytes / 1024))} van ${formatCount(Math.round(total / 1024))} kB gelezen.`,
          }),
      },
      { store: deps.store, now: deps.now },
    );
    const d = outcome.delivery;
    if (outcome.kind === "failed") {
      throw new DeliveryFailed(
        `Levering ${d.id} is mislukt: ${deps.describe(outcome.error)}. Er is niets geladen.`,
        d.id,
      );
    }
    return { kind: "levering", outcome: outcome.kind, deliveryId: d.id, counts: d.counts };
  }
  report({ done: 5, total: 100, text: "Het bestand wordt gelezen en gecontroleerd." });
  const progress: ImportProgress = ({ stage, rows }) =>
    stage === "gelezen"
      ? report({
          done: 50,
          total: 100,
          text: `${formatCount(rows)} bruikbare regels gelezen; ze worden opgeslagen.`,
        })
      : report({ done: 95, total: 100, text: `${formatCount(rows)} opgeslagen.` });
  const s = deps.store;
  const r = await (() => {
    switch (req.kind) {
      case "classificatie":
        return importClassificationFile(s, path, progress);
      case "gebieden":
        return importAreasFile(
          s,
          path,
          { level: req.level as AreaLevel, year: req.year as number },
          progress,
        );
      case "bevolking":
        return importPopulationFile(s, path, { year: req.year as number }, progress);
      case "indeling":
        return importIndelingFile(s, path, req.year as number, progress);
      case "adressen":
        return importAddressesFile(s, path, progress);
    }
  })();
  return { kind: "referentie", loaded: r.loaded, problems: r.problems };
}
