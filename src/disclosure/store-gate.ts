// The gate as the server and the commands build it for a store: the shipped legal bases and
// policies, the areas of the store for the policies, and the register next to the database (or
// where DRIEHOEK_REGISTER says), sealed with the key in DRIEHOEK_SLEUTELS (or sleutels/ next to it).

import { dirname, join } from "node:path";
import { AccessDenied } from "../domain/errors.ts";
import type { Store } from "../store/store.ts";
import { areaLineage } from "./area-lineage.ts";
import { createGate, type Gate, type Requester } from "./disclosure-gate.ts";
import { loadOrCreateKey } from "./keys.ts";
import { type LegalBasisRegistry, loadLegalBasisRegistry } from "./legal-bases/legal-basis-registry.ts";
import { loadAuthorizer } from "./policies/cedar-authorizer.ts";
import { openRegister } from "./register/register.ts";
import type { RegisterFields } from "./register/register-entry.ts";
import { loadSecuritySettings } from "./security-settings.ts";
import { loadProtectionRules } from "./table-protection/protection-rules.ts";

type Env = Record<string, string | undefined>;

export function registerPath(dbPath: string, env: Env): string {
  return env.DRIEHOEK_REGISTER ?? join(dirname(dbPath), "verstrekkingenregister.jsonl");
}

export function keysDir(dbPath: string, env: Env): string {
  return env.DRIEHOEK_SLEUTELS ?? join(dirname(dbPath), "sleutels");
}

export interface StoreGate {
  gate: Gate;
  registry: LegalBasisRegistry;
  /** Appends an entry the system makes itself (retention), not a disclosure. */
  record(fields: RegisterFields): void;
  /** Writes the register's head to the store and releases the register. */
  close(): Promise<void>;
}

export async function openStoreGate(opts: {
  store: Store;
  dbPath: string;
  env: Env;
  now: () => Date;
}): Promise<StoreGate> {
  const { store } = opts;
  const registry = loadLegalBasisRegistry();
  const authorizer = loadAuthorizer(areaLineage(await store.listAreas()));
  const register = openRegister({
    path: registerPath(opts.dbPath, opts.env),
    key: loadOrCreateKey(keysDir(opts.dbPath, opts.env), "register"),
    anchor: { read: () => store.registerHead(), write: (h) => store.saveRegisterHead(h, opts.now()) },
  });
  return {
    gate: createGate({
      registry,
      authorizer,
      register,
      now: opts.now,
      protection: loadProtectionRules(),
      strongFrom: loadSecuritySettings().strongFrom,
    }),
    record: (fields) => {
      register.append(fields);
    },
    registry,
    close: () => register.close(),
  };
}

/** The requester for user `id` as stored: must exist and be active. */
export async function requesterFor(
  store: Pick<Store, "user" | "organisations">,
  id: string,
): Promise<Requester> {
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
