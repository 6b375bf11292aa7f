// `driehoek register verify`: checks the verstrekkingenregister (seals, numbering, links) and that
// it reaches the head recorded in the database, so that also cutting off its end shows.

import type { Command } from "commander";
import { loadExistingKey } from "../disclosure/keys.ts";
import { readRegisterEntries, registerCsv } from "../disclosure/register/register-csv.ts";
import { verifyRegister } from "../disclosure/register/verify-register.ts";
import { keysDir, registerPath } from "../disclosure/store-gate.ts";
import { InputError } from "../domain/errors.ts";
import { type AccessOptions, withAccessOptions, withCliAccess } from "./cli-access.ts";
import { type CliEffects, storePath, withStore } from "./context.ts";
import { n } from "./format-nl.ts";

export function registerRegisterCommands(program: Command, fx: CliEffects): void {
  const register = program.command("register").description("Het verstrekkingenregister");

  register
    .command("verify")
    .description("Controleer of het register volledig en ongewijzigd is")
    .option("--db <pad>", "databasebestand (daarin staat het laatste volgnummer)")
    .option(
      "--anker <anker>",
      "een anker (VOLGNUMMER:HASH) dat buiten driehoek is bewaard; mag vaker",
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .action(async (o: { db?: string; anker: string[] }) => {
      const anchors = o.anker.map((a) => {
        const m = /^(\d+):([0-9a-f]{64})$/.exec(a.trim());
        if (!m)
          throw new InputError(
            `anker "${a}" klopt niet: verwacht VOLGNUMMER:HASH (64 tekens 0-9a-f)`,
            "--anker",
          );
        return { seq: Number(m[1]), hash: m[2] as string };
      });
      const db = storePath(o.db, fx);
      const file = registerPath(db, fx.env);
      const expectedHead = await withStore(db, (s) => s.registerHead());
      const key = loadExistingKey(keysDir(db, fx.env), "register");
      const result = await verifyRegister(file, key, {
        expectedHead,
        anchors,
        progress: fx.isTty ? (lines) => fx.stderr(`\r${n(lines)} regels gecontroleerd…`) : undefined,
      });
      if (result.ok) {
        fx.stdout(
          `Het register is in orde: ${n(result.entries)} regels, volledig en ongewijzigd (${file}).\n`,
        );
        return;
      }
      fx.stderr(
        `Het register is NIET in orde (${file}): ${result.problem?.reason}.\n` +
          `Tot en met volgnummer ${n(result.head.seq)} is het in orde.\n`,
      );
      process.exitCode = 2;
    });

  register
    .command("anker")
    .description(
      "Toon het anker van het register nu (VOLGNUMMER:HASH): bewaar het buiten driehoek, bijvoorbeeld per e-mail bij de FG, en geef het later aan verify --anker",
    )
    .option("--db <pad>", "databasebestand")
    .action(async (o: { db?: string }) => {
      const db = storePath(o.db, fx);
      const file = registerPath(db, fx.env);
      const key = loadExistingKey(keysDir(db, fx.env), "register");
      const result = await verifyRegister(file, key, {
        expectedHead: await withStore(db, (s) => s.registerHead()),
      });
      if (!result.ok) {
        fx.stderr(`Geen anker: het register is niet in orde (${result.problem?.reason}).\n`);
        process.exitCode = 2;
        return;
      }
      fx.stdout(`${result.head.seq}:${result.head.hash}\n`);
      fx.stderr(
        `Anker op ${fx.now().toISOString()} bij ${n(result.head.seq)} regels. Bewaar het buiten deze machine.\n`,
      );
    });

  withAccessOptions(
    register
      .command("export")
      .description(
        "Het register als CSV (alleen voor de functionaris gegevensbescherming); de export wordt zelf ook vastgelegd",
      ),
  )
    .option("--van <datum>", "vanaf deze datum (JJJJ-MM-DD, UTC)")
    .option("--tot <datum>", "tot deze datum (JJJJ-MM-DD, UTC, niet meer meegeteld)")
    .option("--db <pad>", "databasebestand")
    .action(async (o: AccessOptions & { van?: string; tot?: string; db?: string }) => {
      const day = (v: string | undefined, option: string) => {
        if (v === undefined) return undefined;
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
          throw new InputError(`${option} is een datum als JJJJ-MM-DD`, option);
        }
        return `${v}T00:00:00.000Z`;
      };
      const filter = { from: day(o.van, "--van"), to: day(o.tot, "--tot") };
      const db = storePath(o.db, fx);
      const file = registerPath(db, fx.env);
      const entries = await withStore(db, (s) =>
        withCliAccess(s, db, fx, o, async ({ gate, requester }) => {
          const r = await gate.administer(
            { requester, what: "verstrekkingenregister", action: "lees-register" },
            () => readRegisterEntries(file, filter),
          );
          return r.data;
        }),
      );
      fx.stdout(registerCsv(entries));
    });
}
