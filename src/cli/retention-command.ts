// `driehoek retentie`: deletes what has outlived its retention term (config/bewaartermijnen.json)
// and writes one entry per data category in the verstrekkingenregister, so the FG can see what was
// purged, when, and under which terms.

import type { Command } from "commander";
import { cutoff, loadRetentionTerms } from "../disclosure/retention.ts";
import { openStoreGate } from "../disclosure/store-gate.ts";
import { type CliEffects, storePath, withStore } from "./context.ts";
import { n } from "./format-nl.ts";

export function registerRetentionCommand(program: Command, fx: CliEffects): void {
  program
    .command("retentie")
    .description("Verwijder gegevens waarvan de bewaartermijn voorbij is, en leg dat vast in het register")
    .option("--db <pad>", "databasebestand")
    .action(async (o: { db?: string }) => {
      const terms = loadRetentionTerms();
      const now = fx.now();
      const at = (months: number | undefined) => (months === undefined ? undefined : cutoff(now, months));
      const cutoffs = {
        registrationsBefore: at(terms.months.registraties),
        historyBefore: at(terms.months.registratiegeschiedenis),
        quarantineBefore: at(terms.months.quarantaine),
      };
      const db = storePath(o.db, fx);
      const purged = await withStore(db, async (store) => {
        const access = await openStoreGate({ store, dbPath: db, env: fx.env, now: fx.now });
        try {
          const result = await store.purgeExpired(cutoffs);
          const entries: [string, number, Date | undefined][] = [
            ["registraties", result.registrations, cutoffs.registrationsBefore],
            ["registratiegeschiedenis", result.history, cutoffs.historyBefore],
            ["quarantaine", result.quarantine, cutoffs.quarantineBefore],
          ];
          for (const [category, count, before] of entries) {
            if (!before) continue;
            access.record({
              at: now.toISOString(),
              kind: "retentie",
              user: "systeem",
              roles: [],
              organisation: null,
              purpose: "bewaartermijn",
              legalBasis: `bewaartermijnen@${terms.version}`,
              policy: null,
              what: `retentie:${category}`,
              areas: [],
              period: `tot ${before.toISOString().slice(0, 10)}`,
              sensitivity: "person",
              count,
              contentHash: null,
            });
          }
          return result;
        } finally {
          await access.close();
        }
      });
      fx.stdout(
        `Verwijderd: ${n(purged.registrations)} registraties, ${n(purged.history)} oudere versies, ` +
          `${n(purged.quarantine)} regels in quarantaine. Vastgelegd in het verstrekkingenregister.\n`,
      );
    });
}
