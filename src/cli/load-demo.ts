// Generates the demo region and loads it through the normal import and ingest paths, so the demo
// exercises exactly what a real municipality's data goes through.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  demoUserAccounts,
  planDemoAccounts,
  readDemoPassword,
  saveDemoPassword,
} from "../demo/demo-accounts.ts";
import { generateDemo } from "../demo/generate-demo.ts";
import { InputError } from "../domain/errors.ts";
import {
  importAddressesFile,
  importAreasFile,
  importClassificationFile,
  importIndelingFile,
  importPopulationFile,
} from "../ingest/import-reference.ts";
import { ingestFile } from "../ingest/ingest-file.ts";
import { generatePassword, hashPassword } from "../server/auth/passwords.ts";
import type { Store } from "../store/store.ts";
import type { CliEffects } from "./context.ts";
import { describeDelivery } from "./ingest-command.ts";

export const DEMO_SEED = 20260101;
export const DEMO_SOURCE = "politie-demo";

/** Loads a generated demo folder (see src/demo) into the store. */
export async function loadDemoFolder(
  store: Store,
  dir: string,
  fx: Pick<CliEffects, "now" | "stdout">,
): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { gebiedsjaar?: number };
  const year = manifest.gebiedsjaar;
  if (!year) throw new InputError("manifest.json noemt geen gebiedsjaar", join(dir, "manifest.json"));
  const files = readdirSync(dir).sort();
  const step = (text: string) => fx.stdout(`  ${text}\n`);

  await importClassificationFile(store, join(dir, "classificatie.csv"));
  step("classificatie geladen");
  for (const level of ["eenheid", "gemeente", "wijk", "buurt"] as const) {
    const r = await importAreasFile(store, join(dir, `gebieden-${level}.geojson`), { level, year });
    step(`${r.loaded} gebieden (${level}) geladen`);
  }
  await importIndelingFile(store, join(dir, "indeling.csv"), year);
  for (const f of files.filter((f) => /^bevolking-\d{4}\.csv$/.test(f))) {
    await importPopulationFile(store, join(dir, f), { year: Number(f.slice(10, 14)) });
  }
  step("bevolking en politie-indeling geladen");
  const addr = await importAddressesFile(store, join(dir, "adressen.csv"));
  step(`${addr.loaded} adrespunten geladen`);
  for (const f of files.filter((f) => /^registraties-\d{4}\.csv$/.test(f))) {
    const { outcome } = await ingestFile(join(dir, f), { source: DEMO_SOURCE }, { store, now: fx.now });
    if (outcome.kind === "failed") throw outcome.error;
    step(`${f}: ${describeDelivery(outcome.delivery)}`);
  }
}

export async function generateAndLoadDemo(
  store: Store,
  dir: string,
  until: number,
  fx: Pick<CliEffects, "now" | "stdout">,
): Promise<void> {
  await generateDemo({ seed: DEMO_SEED, years: 3, size: "klein", until, outDir: dir });
  fx.stdout(`Demogegevens gemaakt in ${dir}; laden:\n`);
  await loadDemoFolder(store, dir, fx);
}

/** Where the demo password is kept: next to the database, readable by its owner only. */
export function demoPasswordFile(dbPath: string): string {
  return join(dirname(dbPath), "demo-inloggegevens.txt");
}

/**
 * Gives a demo store its users (every role in two gemeenten) when it has none yet, and prints the
 * logins. A store with real data (no demo deliveries) gets no demo users.
 */
export async function ensureDemoAccounts(
  store: Store,
  dbPath: string,
  fx: Pick<CliEffects, "now" | "stdout">,
): Promise<void> {
  const file = demoPasswordFile(dbPath);
  const isDemo = (await store.deliveries()).some((d) => d.source === DEMO_SOURCE);
  if (!isDemo) return;
  if ((await store.users()).length === 0) {
    const plan = planDemoAccounts(await store.listAreas());
    for (const o of plan.organisations) await store.saveOrganisation(o);
    const password = generatePassword();
    const hash = await hashPassword(password);
    for (const u of demoUserAccounts(plan, hash, fx.now())) await store.saveUser(u);
    saveDemoPassword(file, password);
  }
  const password = readDemoPassword(file);
  const users = await store.users();
  if (!password || users.length === 0) return;
  const byRole = new Map<string, string[]>();
  for (const u of users) for (const r of u.roles) byRole.set(r, [...(byRole.get(r) ?? []), u.id]);
  fx.stdout(`\nDemo-inloggegevens. Wachtwoord voor alle demogebruikers: ${password}\n`);
  for (const [role, ids] of byRole) fx.stdout(`  ${role.padEnd(22)} ${ids.join(", ")}\n`);
  fx.stdout(`(Het wachtwoord staat ook in ${file}.)\n\n`);
}
