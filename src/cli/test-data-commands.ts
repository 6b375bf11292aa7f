// Test support for commands-register.test.ts: one small file database on which every command that
// returns data can succeed (the fixed demo region, its users, the test accounts and a few input
// files), a runner with a fixed clock and operating-system user, and the register next to it.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoUserAccounts, planDemoAccounts } from "../demo/demo-accounts.ts";
import { generateDemo } from "../demo/generate-demo.ts";
import { loadOrCreateKey } from "../disclosure/keys.ts";
import { pseudonym } from "../disclosure/record-protection/protect-record.ts";
import type { RegisterEntry } from "../disclosure/register/register-entry.ts";
import { keysDir } from "../disclosure/store-gate.ts";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import type { CliEffects } from "./context.ts";
import { loadDemoFolder } from "./load-demo.ts";
import { main } from "./main.ts";
import { addTestAccounts } from "./test-accounts.ts";

/** The clock of every run: the demo's data end in October 2026, deliveries are due early November. */
export const COMMANDS_NOW = new Date("2026-11-05T08:00:00Z");
/** The operating-system user who runs the beheer commands (`cli:…` in the register). */
export const OS_USER = "testbeheerder";
/** A user the account commands may change without disturbing the other commands. */
export const SPARE_USER = "wegwerp";

export interface CommandTestDb {
  dir: string;
  db: string;
  registerFile: string;
  /** Input files for the commands. */
  files: {
    agreement: string;
    inventory: string;
    targets: string;
    localKnowledge: string;
    points: string;
    /** Where `batch` and `bezorg` write. */
    out: string;
    /** A person pseudonym as a product shows it, of a person the demo delivered in GM9001. */
    pseudonym: string;
  };
  remove: () => void;
}

/** The fixed demo (seed 20260101, one year, small, until 2026-10) in a file database. */
export async function openCommandTestDb(): Promise<CommandTestDb> {
  const dir = mkdtempSync(join(tmpdir(), "driehoek-commando-register-"));
  const demo = join(dir, "demo");
  const db = join(dir, "t.duckdb");
  await generateDemo({ seed: 20260101, years: 1, size: "klein", until: 202610, outDir: demo });
  const store = await openDuckDbStore(db);
  let shown = "";
  try {
    await loadDemoFolder(store, demo, { now: () => COMMANDS_NOW, stdout: () => {} });
    const plan = planDemoAccounts(await store.listAreas());
    for (const o of plan.organisations) await store.saveOrganisation(o);
    for (const u of demoUserAccounts(plan, "niet-om-in-te-loggen", COMMANDS_NOW)) await store.saveUser(u);
    const [someone] = demoUserAccounts(plan, "niet-om-in-te-loggen", COMMANDS_NOW);
    if (!someone) throw new Error("de demo heeft geen gebruikers");
    await store.saveUser({ ...someone, id: SPARE_USER, name: "Wegwerp", organisation: null, roles: ["fg"] });
    const [person] = await store.personPseudonyms("GM9001");
    if (!person) throw new Error("de demo heeft geen personen in GM9001");
    shown = pseudonym(loadOrCreateKey(keysDir(db, {}), "pseudoniem"), "persoon", person);
  } finally {
    await store.close();
  }
  await addTestAccounts(db);

  const agreement = join(dir, "afspraak.json");
  writeFileSync(
    agreement,
    JSON.stringify({
      gemeente: "GM9001",
      geldigVanaf: "2026-11-01",
      evaluatieOp: "2026-11-30",
      afgesprokenMet: "Burgemeester, teamchef en officier van justitie",
      grondslag: "wpg-16-1-c",
      producten: [
        {
          product: "maandoverzicht",
          cadans: "maandelijks",
          dagVanLevering: 3,
          formaten: ["json"],
          ontvangers: ["burgemeester.sperwerkerk"],
          doel: "openbare-orde",
          kanalen: ["map"],
          map: "maandcijfers",
        },
      ],
    }),
  );
  const targets = join(dir, "streefcijfers.json");
  writeFileSync(
    targets,
    JSON.stringify({
      gemeente: "GM9001",
      prioriteiten: [
        {
          titel: "Woninginbraak",
          inpCodes: ["1.1.1"],
          basisjaar: 2025,
          basiswaarde: 400,
          doel: { soort: "procent", waarde: -10, jaar: 2028 },
          toelichting: "10% minder woninginbraken dan in 2025.",
        },
      ],
    }),
  );
  const localKnowledge = join(dir, "lokale-kennis.json");
  writeFileSync(
    localKnowledge,
    JSON.stringify({ team: "Overlast bij het station.", ondertekening: "Team Centrum" }),
  );
  // Points for `analyse hotspots`: the first demo addresses (RD coordinates).
  const points = join(dir, "punten.csv");
  writeFileSync(
    points,
    readFileSync(join(demo, "adressen.csv"), "utf8").split("\n").slice(0, 201).join("\n"),
  );
  const out = join(dir, "uit");
  mkdirSync(out);
  return {
    dir,
    db,
    registerFile: join(dir, "verstrekkingenregister.jsonl"),
    files: {
      agreement,
      inventory: new URL("../../docs/voorbeeld-inventaris.json", import.meta.url).pathname,
      targets,
      localKnowledge,
      points,
      out,
      pseudonym: shown,
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface CommandRun {
  out: string;
  err: string;
  code: number;
}

/** Runs `driehoek … --db DB` in this process, at COMMANDS_NOW, as operating-system user OS_USER. */
export async function runCommand(db: string, args: readonly string[], stdin = ""): Promise<CommandRun> {
  let out = "";
  let err = "";
  const fx: CliEffects = {
    now: () => COMMANDS_NOW,
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    env: { USER: OS_USER },
    isTty: false,
    readStdin: async () => stdin,
  };
  process.exitCode = 0;
  await main(["node", "driehoek", ...args, "--db", db], fx);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}

/** The register's entries (none when it does not exist yet). */
export function registerLines(file: string): RegisterEntry[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RegisterEntry);
}
