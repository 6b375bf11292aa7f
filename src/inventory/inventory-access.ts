// Who may write and read inventories, and the way each goes through the disclosure gate.
//
// Writing: only the gemeente itself — a user of that gemeente's organisation with the role
// burgemeester, oov-adviseur or beheerder. Every saved version is recorded in the
// verstrekkingenregister as kind "beheer" (an administrative write): a beheerder's through the
// gate's `administer` (the "beheerder-beheer" policy); a burgemeester's or adviser's as an entry
// with their own name and roles, because the beheer policy admits only beheerders and an
// inventory is the gemeente's own statement, not an account change.
//
// Sensitivity, decided here:
// - One gemeente's inventory (with its free-text notes and who filled it in) is the gemeente's
//   own information: "aggregated", source "gemeente" (legal basis avg-6-1-e). Users of that
//   gemeente see it for its purposes (policy "gemeente-eigen-gebied"); a beheerder sees it as
//   administration. The police see the regional summary, not the notes.
// - The regional summary is "open": it holds counts of gemeenten (public bodies, not persons),
//   averages of their scores and the gemeenten's names — no crime figures, no notes, no names of
//   officials — the kind of overview the regional mayors sent openly to the minister in 2017.
//   Rounding to fives, which the open-data legal basis asks of counts of registrations, would
//   only blur counts of gemeenten without protecting anyone, so it is given as public as is
//   (`alreadyPublic`). Every user with a content role may see it for any unit, for any purpose;
//   it is still registered.

import { alreadyPublic, type Gate, type Requester } from "../disclosure/disclosure-gate.ts";
import type { LegalBasisRegistry } from "../disclosure/legal-bases/legal-basis-registry.ts";
import type { RegisterFields } from "../disclosure/register/register-entry.ts";
import { saveRegistered } from "../disclosure/save-registered.ts";
import type { AreaSummary } from "../domain/area.ts";
import { AccessDenied, InputError } from "../domain/errors.ts";
import type { Role } from "../domain/roles.ts";
import type { Sensitivity } from "../domain/sensitivity.ts";
import { documentCellCount, type ProductDocument } from "../products/product-document.ts";
import type { Store } from "../store/store.ts";
import type { Inventory } from "./inventory.ts";
import {
  currentInventories,
  currentInventory,
  type InventoryStore,
  inventoryHistory,
  type StoredInventory,
  saveInventory,
} from "./inventory-store.ts";
import { unitGemeenten, unitOf, units } from "./police-units.ts";
import { SUMMARY_PRODUCT, summarize, summaryDocument } from "./regional-summary.ts";

export const WRITE_ROLES: readonly Role[] = ["burgemeester", "oov-adviseur", "beheerder"];
/** One gemeente's inventory. */
export const INVENTORY_SENSITIVITY: Sensitivity = "aggregated";
/** The regional summary. */
export const SUMMARY_SENSITIVITY: Sensitivity = "open";
/** What the register calls a read of one inventory. */
export const INVENTORY_WHAT = "inventaris";

/** Why the requester may not save the gemeente's inventory; null when it may. */
export function writeProblem(requester: Requester, gemeente: string): string | null {
  const org = requester.organisation;
  const own = org?.kind === "gemeente" && org.authority.includes(gemeente);
  const role = requester.roles.some((r) => (WRITE_ROLES as readonly string[]).includes(r));
  if (own && role) return null;
  return (
    `Alleen de burgemeester, de adviseur openbare orde en veiligheid of de beheerder van gemeente ${gemeente} ` +
    `mag de inventaris van ${gemeente} bewaren; ${requester.user} ` +
    (own ? "heeft geen van die rollen." : "werkt niet voor die gemeente.")
  );
}

export interface WriteDeps {
  store: InventoryStore;
  gate: Gate;
  /** Appends an entry to the verstrekkingenregister (StoreGate.record). */
  record: (fields: RegisterFields) => void;
  now: () => Date;
}

/**
 * Saves a new version of the gemeente's inventory as the requester, recorded in the register.
 * @throws AccessDenied when the requester may not (nothing is saved then).
 */
export async function saveAs(
  deps: WriteDeps,
  requester: Requester,
  gemeente: string,
  inventory: Inventory,
): Promise<StoredInventory> {
  const problem = writeProblem(requester, gemeente);
  if (problem) throw new AccessDenied(problem, `${INVENTORY_WHAT}:${gemeente}`);
  return saveRegistered(deps, requester, {
    what: `${INVENTORY_WHAT}:${gemeente}`,
    area: gemeente,
    save: () => saveInventory(deps.store, gemeente, inventory, requester.user, deps.now()),
  });
}

/** Roles that read content (not only administration); mirrors the access policies. */
const hasContentRole = (r: Requester) => r.roles.some((x) => x !== "beheerder" && x !== "fg");

/**
 * One gemeente's inventory (the newest, or `version`), through the gate; null when there is none.
 * A user with a content role reads it as the gemeente's own information (for a purpose); a
 * beheerder as administration.
 */
export async function showAs(
  deps: { store: InventoryStore; gate: Gate },
  requester: Requester,
  purpose: string | null,
  gemeente: string,
  version?: number,
): Promise<StoredInventory | null> {
  const load = async () =>
    version === undefined
      ? ((await currentInventory(deps.store, gemeente)) ?? null)
      : ((await inventoryHistory(deps.store, gemeente)).find((v) => v.versie === version) ?? null);
  const count = (d: StoredInventory | null) => (d ? 1 : 0);
  if (!hasContentRole(requester)) {
    return (await deps.gate.administer({ requester, what: `${INVENTORY_WHAT}:${gemeente}` }, load, { count }))
      .data;
  }
  const r = await deps.gate.disclose(
    {
      requester,
      purpose,
      what: INVENTORY_WHAT,
      areas: [gemeente],
      period: null,
      sensitivity: INVENTORY_SENSITIVITY,
      source: "gemeente",
    },
    load,
    // An inventory holds no counts of registrations or persons: there is nothing to withhold.
    { protect: (d) => d, count },
  );
  return r.data;
}

export interface OverviewDeps {
  store: InventoryStore & Pick<Store, "listAreas">;
  gate: Gate;
  registry: LegalBasisRegistry;
  now: () => Date;
}

/**
 * The regional summary of one unit as a product document, through the gate. Without `eenheid`:
 * the unit of the requester's organisation, or the only unit in the store.
 */
export async function overviewAs(
  deps: OverviewDeps,
  requester: Requester,
  purpose: string | null,
  eenheid?: string,
): Promise<ProductDocument> {
  const areas = await deps.store.listAreas();
  const unit = chooseUnit(areas, requester, eenheid);
  const now = deps.now();
  const r = await deps.gate.disclose(
    {
      requester,
      purpose,
      what: SUMMARY_PRODUCT,
      areas: [unit.code],
      period: null,
      sensitivity: SUMMARY_SENSITIVITY,
      source: "gemeente",
    },
    async () =>
      summarize({
        eenheid: { code: unit.code, name: unit.name },
        gemeenten: unitGemeenten(areas, unit.code),
        inventories: await currentInventories(deps.store),
      }),
    { protect: alreadyPublic, present: (s) => summaryDocument(s, now), count: documentCellCount },
  );
  const basis = deps.registry.bases.find((b) => b.id === r.legalBasis);
  return {
    ...r.data,
    disclosure: {
      legalBasis: r.legalBasis,
      legalBasisLabel: basis
        ? [basis.wet, basis.artikel].filter(Boolean).join(" ") || basis.titel
        : r.legalBasis,
      purpose: purpose ?? "",
      registerSeq: r.registerSeq,
      protection: "Niet nodig: dit overzicht telt gemeenten, geen personen of registraties.",
    },
  };
}

function chooseUnit(areas: readonly AreaSummary[], requester: Requester, asked?: string): AreaSummary {
  const all = units(areas);
  const choices = () => all.map((u) => `${u.code} (${u.name})`).join(", ") || "er zijn geen eenheden";
  if (asked !== undefined) {
    const unit = all.find((u) => u.code === asked.trim().toUpperCase());
    if (!unit) throw new InputError(`eenheid "${asked}" kennen we niet; kies uit ${choices()}`, "--eenheid");
    return unit;
  }
  for (const code of requester.organisation?.authority ?? []) {
    const unit = unitOf(areas, code);
    if (unit) return unit;
  }
  if (all.length === 1 && all[0]) return all[0];
  throw new InputError(`geef --eenheid: kies uit ${choices()}`, "--eenheid");
}
