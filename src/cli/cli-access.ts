// Who runs a command that reads data (--als, --doel), and the gate it reads through: the same
// legal bases, policies and register as the web app, with the register kept next to the database.

import {
  alreadyPublic,
  type DiscloseOptions,
  type DisclosureRequest,
  type Gate,
  type Requester,
} from "../disclosure/disclosure-gate.ts";
import type { LegalBasisRegistry } from "../disclosure/legal-bases/legal-basis-registry.ts";
import { openStoreGate, requesterFor } from "../disclosure/store-gate.ts";
import { InputError } from "../domain/errors.ts";
import type { Store } from "../store/store.ts";
import type { CliEffects } from "./context.ts";

export { alreadyPublic };

/** Options every data-reading command takes. */
export interface AccessOptions {
  als?: string;
  doel?: string;
}

export interface CliAccess {
  gate: Gate;
  registry: LegalBasisRegistry;
  requester: Requester;
  purpose: string | null;
}

/**
 * Runs `work` with the gate, as the user named by --als (or DRIEHOEK_ALS) for the purpose named by
 * --doel (or DRIEHOEK_DOEL); the register is closed (and its head stored) afterwards.
 */
export async function withCliAccess<T>(
  store: Store,
  dbPath: string,
  fx: CliEffects,
  o: AccessOptions,
  work: (access: CliAccess) => Promise<T>,
): Promise<T> {
  const as = o.als ?? fx.env.DRIEHOEK_ALS;
  if (!as) throw new InputError("geef --als GEBRUIKER: wie vraagt deze gegevens?", "--als");
  // The operator of the server runs the command: as strong as its access to the machine.
  const requester = { ...(await requesterFor(store, as)), strongAuth: true };
  const access = await openStoreGate({ store, dbPath, env: fx.env, now: fx.now });
  try {
    return await work({
      gate: access.gate,
      registry: access.registry,
      requester,
      purpose: o.doel ?? fx.env.DRIEHOEK_DOEL ?? null,
    });
  } finally {
    await access.close();
  }
}

/** Adds --als and --doel to a command. */
export function withAccessOptions<C extends { option(flags: string, description: string): C }>(
  command: C,
): C {
  return command
    .option("--als <gebruiker>", "de gebruiker die de gegevens vraagt (of DRIEHOEK_ALS)")
    .option(
      "--doel <doel>",
      "het doel waarvoor, bijvoorbeeld openbare-orde of casus:NUMMER (of DRIEHOEK_DOEL)",
    );
}

/** One read through the gate for a command: as --als, for --doel, registered. */
export function discloseForCli<T>(
  store: Store,
  dbPath: string,
  fx: CliEffects,
  o: AccessOptions,
  request: Omit<DisclosureRequest, "requester" | "purpose">,
  produce: () => Promise<T>,
  opts?: DiscloseOptions<T>,
): Promise<T> {
  return withCliAccess(store, dbPath, fx, o, async ({ gate, requester, purpose }) => {
    const r = await gate.disclose({ ...request, requester, purpose }, produce, opts);
    return r.data;
  });
}

/** One administrative read (beheerder only) for a command, registered as beheer. */
export function administerForCli<T>(
  store: Store,
  dbPath: string,
  fx: CliEffects,
  o: AccessOptions,
  what: string,
  produce: () => Promise<T>,
): Promise<T> {
  return withCliAccess(store, dbPath, fx, o, async ({ gate, requester }) => {
    const r = await gate.administer({ requester, what }, produce);
    return r.data;
  });
}

/**
 * A document people of a gemeente wrote (an agreement, targets, an inventory) read through the
 * gate: by a user with a content role as gemeente data for that gemeente (legal basis and policy
 * decide, registered as a verstrekking), by a beheerder or FG as administration (registered as
 * beheer). It holds no counts, so nothing is withheld.
 */
export function readGemeenteDocumentForCli<T>(
  store: Store,
  dbPath: string,
  fx: CliEffects,
  o: AccessOptions,
  what: string,
  gemeente: string,
  load: () => Promise<T>,
): Promise<T> {
  return withCliAccess(store, dbPath, fx, o, async ({ gate, requester, purpose }) => {
    const contentRole = requester.roles.some((r) => r !== "beheerder" && r !== "fg");
    if (!contentRole) return (await gate.administer({ requester, what: `${what}:${gemeente}` }, load)).data;
    const r = await gate.disclose(
      {
        requester,
        purpose,
        what,
        areas: [gemeente],
        period: null,
        sensitivity: "aggregated",
        source: "gemeente",
      },
      load,
      { protect: (d) => d, count: (d) => (d === null || d === undefined ? 0 : 1) },
    );
    return r.data;
  });
}
