// Who runs a command that reads data (--als, --doel), and the gate it reads through: the same
// legal bases, policies and register as the web app, with the register kept next to the database.

import { dirname, join } from "node:path";
import { areaLineage } from "../disclosure/area-lineage.ts";
import {
  createGate,
  type DiscloseOptions,
  type DisclosureRequest,
  type Gate,
  type Requester,
} from "../disclosure/disclosure-gate.ts";
import { loadOrCreateKey } from "../disclosure/keys.ts";
import { loadLegalBasisRegistry } from "../disclosure/legal-bases/legal-basis-registry.ts";
import { loadAuthorizer } from "../disclosure/policies/cedar-authorizer.ts";
import { openRegister } from "../disclosure/register/register.ts";
import { AccessDenied, InputError } from "../domain/errors.ts";
import type { Store } from "../store/store.ts";
import type { CliEffects } from "./context.ts";

/** Options every data-reading command takes. */
export interface AccessOptions {
  als?: string;
  doel?: string;
}

export interface CliAccess {
  gate: Gate;
  requester: Requester;
  purpose: string | null;
}

/** The register file and the key folder: next to the database unless set in the environment. */
export function registerPath(dbPath: string, fx: Pick<CliEffects, "env">): string {
  return fx.env.DRIEHOEK_REGISTER ?? join(dirname(dbPath), "verstrekkingenregister.jsonl");
}

export function keysDir(dbPath: string, fx: Pick<CliEffects, "env">): string {
  return fx.env.DRIEHOEK_SLEUTELS ?? join(dirname(dbPath), "sleutels");
}

/** The requester for user `id` as stored: must exist and be active. */
export async function requesterFor(store: Store, id: string): Promise<Requester> {
  const user = await store.user(id);
  if (!user?.active) throw new AccessDenied(`Gebruiker ${id} bestaat niet of is geblokkeerd.`, id);
  const org = user.organisation
    ? (await store.organisations()).find((o) => o.id === user.organisation)
    : undefined;
  return {
    user: user.id,
    roles: user.roles,
    organisation: org ? { id: org.id, kind: org.kind, authority: org.authority } : null,
  };
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
  const requester = await requesterFor(store, as);
  const register = openRegister({
    path: registerPath(dbPath, fx),
    key: loadOrCreateKey(keysDir(dbPath, fx), "register"),
    anchor: { read: () => store.registerHead(), write: (h) => store.saveRegisterHead(h, fx.now()) },
  });
  try {
    const gate = createGate({
      registry: loadLegalBasisRegistry(),
      authorizer: loadAuthorizer(areaLineage(await store.listAreas())),
      register,
      now: fx.now,
    });
    return await work({ gate, requester, purpose: o.doel ?? fx.env.DRIEHOEK_DOEL ?? null });
  } finally {
    await register.close();
  }
}

/** For reference data that is public already (CBS boundaries, names, population): nothing to hide. */
export const alreadyPublic = <T>(data: T): T => data;

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
