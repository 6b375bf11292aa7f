// `driehoek herleid PSEUDONIEM --gebied GM… --als … --doel …`: re-identification of a person
// pseudonym (as shown in a person-level product) back to the pseudonym the police delivered. Only
// for a role and purpose whose legal basis allows person data (the gate decides), with a second
// factor, and registered like any disclosure.

import type { Command } from "commander";
import { loadOrCreateKey } from "../disclosure/keys.ts";
import { pseudonym } from "../disclosure/record-protection/protect-record.ts";
import { keysDir } from "../disclosure/store-gate.ts";
import { CBS_CODE } from "../domain/area.ts";
import { InputError } from "../domain/errors.ts";
import { type AccessOptions, discloseForCli, withAccessOptions } from "./cli-access.ts";
import { type CliEffects, storePath, withStore } from "./context.ts";

export function registerPseudonymCommand(program: Command, fx: CliEffects): void {
  withAccessOptions(
    program
      .command("herleid")
      .description("Zoek bij een pseudoniem (P-…) uit een product de persoon zoals de politie die leverde"),
  )
    .argument("<pseudoniem>", "het pseudoniem, bijvoorbeeld P-3f2a9c0d1b2e4f60")
    .requiredOption("--gebied <gemeente>", "de gemeente waarin de registratie ligt, bijvoorbeeld GM0344")
    .option("--db <pad>", "databasebestand")
    .action(async (value: string, o: AccessOptions & { gebied: string; db?: string }) => {
      if (!/^P-[0-9a-f]{16}$/.test(value))
        throw new InputError("een pseudoniem ziet eruit als P- en 16 tekens 0-9 of a-f", "pseudoniem");
      if (!CBS_CODE.gemeente.test(o.gebied))
        throw new InputError("geef een gemeentecode, bijvoorbeeld GM0344", "--gebied");
      const db = storePath(o.db, fx);
      const key = loadOrCreateKey(keysDir(db, fx.env), "pseudoniem");
      const found = await withStore(db, (s) =>
        discloseForCli(
          s,
          db,
          fx,
          o,
          {
            what: "herleiding",
            areas: [o.gebied],
            period: null,
            sensitivity: "person",
            facts: { criminalEnforcement: false },
          },
          async () =>
            (await s.personPseudonyms(o.gebied)).filter((p) => pseudonym(key, "persoon", p) === value),
        ),
      );
      if (found.length === 0) {
        fx.stdout(`Geen persoon in ${o.gebied} met pseudoniem ${value}.\n`);
        return;
      }
      fx.stdout(`${found.join("\n")}\n`);
    });
}
