// Agreements in the store as versioned documents (kind "afspraak", key the gemeente code): saving
// checks the agreement first and never changes an earlier version.

import { isDeepStrictEqual } from "node:util";
import type { LegalBasisRegistry } from "../disclosure/legal-bases/legal-basis-registry.ts";
import { InputError } from "../domain/errors.ts";
import type { SavedDocument, Store } from "../store/store.ts";
import { type Agreement, parseAgreement } from "./agreement.ts";
import { checkAgreement } from "./validate-agreement.ts";

export const AGREEMENT_KIND = "afspraak";

/** One version of a gemeente's agreement. */
export interface StoredAgreement {
  version: number;
  author: string;
  savedAt: Date;
  agreement: Agreement;
}

export interface SaveOutcome {
  stored: StoredAgreement;
  /** False when the agreement equals the current version (then nothing was saved). */
  changed: boolean;
  warnings: string[];
}

type AgreementStore = Pick<Store, "saveDocument" | "documents" | "documentHistory" | "listAreas" | "users">;

function fromDocument(doc: SavedDocument): StoredAgreement {
  return {
    version: doc.version,
    author: doc.author,
    savedAt: doc.savedAt,
    agreement: parseAgreement(doc.body, `afspraak ${doc.key} versie ${doc.version}`),
  };
}

/**
 * Checks the agreement against the store and the registry and saves it as a new version, unless
 * it equals the current one.
 * @throws AgreementInvalid naming every problem.
 */
export async function saveAgreement(
  store: AgreementStore,
  registry: LegalBasisRegistry,
  json: unknown,
  opts: { author: string; now: Date; file?: string },
): Promise<SaveOutcome> {
  const { agreement, warnings } = checkAgreement(
    json,
    { registry, areas: await store.listAreas(), users: await store.users() },
    opts.file,
  );
  const current = await currentAgreement(store, agreement.gemeente);
  if (current && isDeepStrictEqual(current.agreement, agreement)) {
    return { stored: current, changed: false, warnings };
  }
  const saved = await store.saveDocument({
    kind: AGREEMENT_KIND,
    key: agreement.gemeente,
    body: agreement,
    author: opts.author,
    savedAt: opts.now,
  });
  return { stored: { ...fromDocument(saved), agreement }, changed: true, warnings };
}

/** The current agreement of a gemeente, if any. */
export async function currentAgreement(
  store: Pick<Store, "documents">,
  gemeente: string,
): Promise<StoredAgreement | undefined> {
  const [doc] = await store.documents(AGREEMENT_KIND, gemeente);
  return doc ? fromDocument(doc) : undefined;
}

/** Every version of a gemeente's agreement, oldest first. */
export async function agreementHistory(
  store: Pick<Store, "documentHistory">,
  gemeente: string,
): Promise<StoredAgreement[]> {
  return (await store.documentHistory(AGREEMENT_KIND, gemeente)).map(fromDocument);
}

/** One version of a gemeente's agreement, if it exists. */
export async function agreementVersion(
  store: Pick<Store, "documentHistory">,
  gemeente: string,
  version: number,
): Promise<StoredAgreement | undefined> {
  const doc = (await store.documentHistory(AGREEMENT_KIND, gemeente)).find((d) => d.version === version);
  return doc ? fromDocument(doc) : undefined;
}

/**
 * The current agreement of every gemeente. A stored version that no longer reads (the format
 * changed) is reported, not thrown: the other gemeenten still get their deliveries.
 */
export async function currentAgreements(
  store: Pick<Store, "documents">,
): Promise<{ agreements: StoredAgreement[]; unreadable: { gemeente: string; reason: string }[] }> {
  const agreements: StoredAgreement[] = [];
  const unreadable: { gemeente: string; reason: string }[] = [];
  for (const doc of await store.documents(AGREEMENT_KIND)) {
    try {
      agreements.push(fromDocument(doc));
    } catch (err) {
      unreadable.push({
        gemeente: doc.key,
        reason: err instanceof InputError ? err.describe() : (err as Error).message,
      });
    }
  }
  agreements.sort((a, b) => a.agreement.gemeente.localeCompare(b.agreement.gemeente));
  return { agreements, unreadable };
}
