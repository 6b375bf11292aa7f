// Test support for the command tests: a database in a temporary folder with a runner on it (in this
// process, clock 15 June 2025) and its register, and a part of the demo region Nevelland (areas,
// population) with the demo organisations and users for it.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoUserAccounts, planDemoAccounts } from "../demo/demo-accounts.ts";
import type { RegisterEntry } from "../disclosure/register/register-entry.ts";
import type { Area, AreaLevel } from "../domain/area.ts";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import { type CliRun, runInProcess } from "./run-in-process.ts";
import { registerLines } from "./test-data-commands.ts";

export interface CommandTestFolder {
  dir: string;
  db: string;
  registerFile: string;
  /** Runs `driehoek COMMAND… ARGS… --db DB` in this process. */
  run: (...args: string[]) => Promise<CliRun>;
  /** The register's entries (none when it does not exist yet). */
  register: () => RegisterEntry[];
  remove: () => void;
}

/** A new temporary folder for database `name`.duckdb; `command` goes before the arguments of every run. */
export function commandTestFolder(name: string, command: readonly string[] = []): CommandTestFolder {
  const dir = mkdtempSync(join(tmpdir(), `driehoek-${name}-`));
  const db = join(dir, `${name}.duckdb`);
  const registerFile = join(dir, "verstrekkingenregister.jsonl");
  return {
    dir,
    db,
    registerFile,
    run: (...args) => runInProcess([...command, ...args, "--db", db]),
    register: () => registerLines(registerFile),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The demo's police structure, small: unit Nevelland (RE90) with four gemeenten, and a second unit. */
const NEVELLAND: [
  code: string,
  level: AreaLevel,
  name: string,
  parent: string | null,
  population?: number,
][] = [
  ["RE90", "eenheid", "Nevelland", null],
  ["RE91", "eenheid", "Heuvelland", null],
  ["RE90D1", "district", "District Sperwerkerk", "RE90"],
  ["RE90B01", "basisteam", "Sperwerkerk", "RE90D1"],
  ["RE90B02", "basisteam", "Kievitsrode e.o.", "RE90D1"],
  ["RE91B01", "basisteam", "Heuveldal", "RE91"],
  ["GM9001", "gemeente", "Sperwerkerk", "RE90B01", 244285],
  ["GM9002", "gemeente", "Kievitsrode", "RE90B02", 38966],
  ["GM9003", "gemeente", "Varenstede", "RE90B02", 25550],
  ["GM9004", "gemeente", "Sperwervliet", "RE90B02", 8295],
  ["GM9101", "gemeente", "Heuveldal", "RE91B01", 20000],
  ["WK900101", "wijk", "Binnenstad", "GM9001"],
];

/**
 * Saves the areas `codes` of Nevelland and all above them (2026), with the gemeenten's population
 * when `population` is set, and the demo organisations and users of every role for them.
 */
export async function addNevelland(
  db: string,
  codes: readonly string[],
  opts: { population?: boolean } = {},
): Promise<void> {
  const parentOf = new Map(NEVELLAND.map(([code, , , parent]) => [code, parent]));
  const wanted = new Set<string>();
  for (const leaf of codes) {
    if (!parentOf.has(leaf)) throw new Error(`${leaf} ligt niet in Nevelland`);
    for (let code: string | null | undefined = leaf; code; code = parentOf.get(code)) wanted.add(code);
  }
  const rows = NEVELLAND.filter(([code]) => wanted.has(code));
  const store = await openDuckDbStore(db);
  try {
    await store.importAreas(
      rows.map(
        ([code, level, name, parent]): Area => ({
          code,
          level,
          year: 2026,
          name,
          parent,
          wgs84: null,
          rd: null,
        }),
      ),
    );
    if (opts.population) {
      await store.importPopulation(
        rows.flatMap(([code, , , , population]) =>
          population === undefined ? [] : [{ code, year: 2026, population }],
        ),
      );
    }
    const plan = planDemoAccounts(await store.listAreas());
    for (const o of plan.organisations) await store.saveOrganisation(o);
    for (const u of demoUserAccounts(plan, "geen-wachtwoord", new Date("2025-01-01T00:00:00Z"))) {
      await store.saveUser(u);
    }
  } finally {
    await store.close();
  }
}
