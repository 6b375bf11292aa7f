// `driehoek register verify`: checks the verstrekkingenregister (seals, numbering, links) and that
// it reaches the head recorded in the database, so that also cutting off its end shows.

import type { Command } from "commander";
import { loadOrCreateKey } from "../disclosure/keys.ts";
import { verifyRegister } from "../disclosure/register/verify-register.ts";
import { keysDir, registerPath } from "../disclosure/store-gate.ts";
import { type CliEffects, storePath, withStore } from "./context.ts";
import { n } from "./format-nl.ts";

export function registerRegisterCommands(program: Command, fx: CliEffects): void {
  const register = program.command("register").description("Het verstrekkingenregister");

  register
    .command("verify")
    .description("Controleer of het register volledig en ongewijzigd is")
    .option("--db <pad>", "databasebestand (daarin staat het laatste volgnummer)")
    .action(async (o: { db?: string }) => {
      const db = storePath(o.db, fx);
      const file = registerPath(db, fx.env);
      const expectedHead = await withStore(db, (s) => s.registerHead());
      const key = loadOrCreateKey(keysDir(db, fx.env), "register");
      const result = await verifyRegister(file, key, {
        expectedHead,
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
}
