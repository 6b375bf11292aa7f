// Test support: an analyst of a gemeente, a beheerder and an FG in a store, for commands that read
// through the gate (--als). Pass `readAs` or `adminAs` to such commands.

import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";

export const readAs = ["--als", "analist", "--doel", "statistiek-en-onderzoek"] as const;
export const adminAs = ["--als", "beheer"] as const;
export const fgAs = ["--als", "fg"] as const;

export async function addTestAccounts(dbPath: string): Promise<void> {
  const store = await openDuckDbStore(dbPath);
  try {
    await store.saveOrganisation({
      id: "gm-test",
      name: "Testgemeente",
      kind: "gemeente",
      authority: ["GM0363"],
    });
    const base = {
      email: null,
      passwordHash: null,
      totpSecret: null,
      oidcSubject: null,
      failedLogins: 0,
      lockedUntil: null,
      active: true,
      createdAt: new Date("2025-01-01T00:00:00Z"),
    };
    await store.saveUser({
      ...base,
      id: "analist",
      name: "Analist",
      organisation: "gm-test",
      roles: ["analist-gemeente"],
    });
    await store.saveUser({
      ...base,
      id: "beheer",
      name: "Beheerder",
      organisation: null,
      roles: ["beheerder"],
    });
    await store.saveUser({
      ...base,
      id: "fg",
      name: "Functionaris gegevensbescherming",
      organisation: "gm-test",
      roles: ["fg"],
    });
  } finally {
    await store.close();
  }
}
