// Test support for products: the demo region on a fixed seed in an in-memory store, with the demo
// users of every role, and the real gate (register in a temporary folder) for each run.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDemoFolder } from "../cli/load-demo.ts";
import { demoUserAccounts, planDemoAccounts, slug } from "../demo/demo-accounts.ts";
import { generateDemo } from "../demo/generate-demo.ts";
import { requesterFor } from "../disclosure/store-gate.ts";
import type { Registration } from "../domain/registration.ts";
import type { Role } from "../domain/roles.ts";
import { openTestGate } from "../server/test-access.ts";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import type { Store } from "../store/store.ts";
import type { ProductDefinition } from "./product-definition.ts";
import type { ProductDocument } from "./product-document.ts";
import type { ProductPeriod } from "./product-period.ts";
import { runProduct } from "./run-product.ts";

/** The fixed demo: seed, last month, and the moment products are made. */
export const PRODUCT_DEMO = {
  seed: 20260101,
  years: 2,
  until: 202610,
  now: new Date("2026-11-03T08:00:00Z"),
} as const;

export interface ProductTestStore {
  store: Store;
  /** The demo gemeenten with users, largest first: [own, other]. */
  gemeenten: [string, string];
  /** User id per role in the first gemeente's organisations. */
  userFor: (role: Role, gemeente?: 0 | 1) => string;
}

export async function openProductTestStore(): Promise<ProductTestStore> {
  const dir = mkdtempSync(join(tmpdir(), "driehoek-producten-"));
  await generateDemo({
    seed: PRODUCT_DEMO.seed,
    years: PRODUCT_DEMO.years,
    size: "klein",
    until: PRODUCT_DEMO.until,
    outDir: dir,
  });
  const store = await openDuckDbStore(":memory:");
  await loadDemoFolder(store, dir, { now: () => PRODUCT_DEMO.now, stdout: () => {} });
  const plan = planDemoAccounts(await store.listAreas());
  for (const o of plan.organisations) await store.saveOrganisation(o);
  for (const u of demoUserAccounts(plan, "niet-om-in-te-loggen", PRODUCT_DEMO.now)) await store.saveUser(u);
  // The two gemeenten with demo users; user ids end with the gemeente's name ("teamchef.sperwerkerk").
  const areas = await store.listAreas({ level: "gemeente" });
  const gemeenten = plan.organisations
    .filter((o) => o.kind === "gemeente")
    .map((o) => areas.find((a) => a.code === o.authority[0]) as (typeof areas)[number]);
  const userFor = (role: Role, i: 0 | 1 = 0) => {
    const suffix = `.${slug(gemeenten[i]?.name ?? "")}`;
    const u = plan.users.find((x) => x.roles.includes(role) && x.id.endsWith(suffix));
    if (!u) throw new Error(`geen demogebruiker met rol ${role} in ${gemeenten[i]?.name}`);
    return u.id;
  };
  return { store, gemeenten: [gemeenten[0]?.code as string, gemeenten[1]?.code as string], userFor };
}

/** A fixed pseudonym key, so the golden files of record-level products stay the same. */
const RECORD_KEY = new Uint8Array(32).fill(9);

/** Runs a product as a user for a purpose with a fresh gate (its own register). */
export async function runAs<I>(
  t: ProductTestStore,
  def: ProductDefinition<I>,
  user: string,
  purpose: string,
  area: string,
  period: ProductPeriod,
): Promise<ProductDocument> {
  const now = () => PRODUCT_DEMO.now;
  const access = await openTestGate(t.store, now);
  try {
    return await runProduct(
      { store: t.store, gate: access.gate, registry: access.registry, now, recordKey: RECORD_KEY },
      def,
      {
        requester: { ...(await requesterFor(t.store, user)), strongAuth: true },
        purpose,
        area,
        period,
      },
    );
  } finally {
    await access.close();
  }
}

/**
 * Loads registrations as a delivery of their own (`source`, received at the demo's now), e.g. copies
 * of stored ones under new source ids; throws unless they were loaded.
 */
export async function loadExtra(store: Store, source: string, registrations: Registration[]): Promise<void> {
  const loaded = await store.loadDelivery(
    {
      source,
      fileName: `${source}.csv`,
      sha256: source,
      bytes: 1,
      format: "canoniek",
      receivedAt: PRODUCT_DEMO.now,
    },
    {
      registrations: (async function* () {
        yield registrations.map((registration, i) => ({ line: i + 2, registration }));
      })(),
      finish: () => ({ quarantine: [], read: registrations.length }),
    },
  );
  if (loaded.kind !== "loaded") throw new Error(`${source}: ${loaded.kind}`);
}
