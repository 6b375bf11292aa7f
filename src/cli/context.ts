// What every command needs: the store location, the clock, output streams. Injected for tests.

import { resolve } from "node:path";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import type { Store } from "../store/store.ts";

export interface CliEffects {
  now: () => Date;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal (progress bars only then). */
  isTty: boolean;
  /** All of standard input, e.g. a password given with --wachtwoord-stdin. */
  readStdin: () => Promise<string>;
}

export const processEffects = (): CliEffects => ({
  now: () => new Date(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  isTty: Boolean(process.stderr.isTTY),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
});

export const DEFAULT_DB = "data/driehoek.duckdb";

export function storePath(option: string | undefined, fx: CliEffects): string {
  return resolve(option ?? fx.env.DRIEHOEK_DB ?? DEFAULT_DB);
}

/** Opens the store, runs `work`, and always closes it. */
export async function withStore<T>(path: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openDuckDbStore(path);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
