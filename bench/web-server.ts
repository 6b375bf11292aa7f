// The set-up the web benchmarks share (web, trends, kaart): a copy of the national demo store, the
// web app over real HTTP with the register and the request log on (as `driehoek serve` runs it), a
// mayor of the given gemeenten logged in through the forms, and a timer per request.

import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { newAccount } from "../src/domain/account.ts";
import type { AreaSummary } from "../src/domain/area.ts";
import { createApp } from "../src/server/app.ts";
import { hashPassword } from "../src/server/auth/passwords.ts";
import { startServer } from "../src/server/serve.ts";
import { openTestGate, TEST_PASSWORD, TestBrowser } from "../src/server/test-access.ts";
import { openDuckDbStore } from "../src/store/duckdb/duckdb-store.ts";
import type { Store } from "../src/store/store.ts";
import { NATIONAL_UNTIL, nationalStore } from "./ingest.ts";

export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

export { monthParam } from "../src/render/format-nl.ts";

export interface BenchWeb {
  store: Store;
  /** The month after the data's last, so the last complete month is the data's last. */
  now: Date;
  registrations: number;
  /** The gemeenten of the newest boundary year, largest first. */
  gemeenten: AreaSummary[];
  url: string;
  web: TestBrowser;
  /** Milliseconds from request to the last byte at the client; throws on another status than 200. */
  timed: (
    path: string,
    n: number,
    headers?: Record<string, string>,
  ) => Promise<{ ms: number[]; bytes: number }>;
  /**
   * Requests per second for `path` from a load client in its own process (bench/web-load-client.ts)
   * with this session's cookie; throws when any answer is not 200.
   */
  throughput: (path: string, total: number, concurrency: number) => Promise<number>;
  /** Register entries written and request log lines so far. */
  counts: () => Promise<{ entries: number; logged: number }>;
  close: () => Promise<void>;
}

/** `mayorOf` picks, from the gemeenten largest first, those the mayor's organisation covers. */
export async function openBenchWeb(
  name: string,
  mayorOf: (largestFirst: AreaSummary[]) => AreaSummary[],
  rows = 10_000_000,
): Promise<BenchWeb> {
  const source = await nationalStore(rows);
  const dir = mkdtempSync(join(tmpdir(), `driehoek-bench-${name}-`));
  const db = join(dir, "landelijk.duckdb");
  execFileSync("cp", [source, db]);
  const store = await openDuckDbStore(db);
  const now = new Date(Date.UTC(Math.floor(NATIONAL_UNTIL / 100) + 1, 0, 10, 9));
  const access = await openTestGate(store, () => now);
  const logPath = join(dir, "verzoeken.log");
  const logFile = pino.destination({ dest: logPath, sync: false });
  const cleanUp = async () => {
    await access.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const registrations = await store.registrationCount();
    const gemeenten = (await store.listAreas({ level: "gemeente" })).sort(
      (a, b) => (b.population ?? 0) - (a.population ?? 0),
    );
    const own = mayorOf(gemeenten);
    if (own.length === 0) throw new Error("geen gemeenten");
    await store.saveOrganisation({
      id: "bench",
      name: "Bench",
      kind: "gemeente",
      authority: own.map((g) => g.code),
    });
    await store.saveUser(
      newAccount({
        id: "bm.bench",
        name: "Burgemeester",
        organisation: "bench",
        roles: ["burgemeester"],
        passwordHash: await hashPassword(TEST_PASSWORD),
        createdAt: now,
      }),
    );
    const app = createApp({
      store,
      logger: pino({ base: null, timestamp: pino.stdTimeFunctions.isoTime }, logFile),
      now: () => now,
      gate: access.gate,
      registry: access.registry,
      products: { store },
    });
    const server = await startServer(app, { port: 0 });
    const web = await TestBrowser.as((p, i) => fetch(`${server.url}${p}`, i), "bm.bench");
    return {
      store,
      now,
      registrations,
      gemeenten,
      url: server.url,
      web,
      timed: async (path, n, headers = {}) => {
        const ms: number[] = [];
        let bytes = 0;
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          const res = await web.request(path, { headers });
          bytes = (await res.arrayBuffer()).byteLength;
          if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
          ms.push(performance.now() - t0);
        }
        return { ms, bytes };
      },
      throughput: (path, total, concurrency) =>
        loadClient(`${server.url}${path}`, web.sessionCookie, total, concurrency),
      counts: async () => {
        logFile.flushSync();
        return {
          entries: (await access.register.verify()).entries,
          logged: readFileSync(logPath, "utf8").split("\n").filter(Boolean).length,
        };
      },
      close: async () => {
        await server.close();
        logFile.flushSync();
        await cleanUp();
      },
    };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}

/** Runs bench/web-load-client.ts in its own process; its requests per second. */
function loadClient(url: string, cookie: string, total: number, concurrency: number): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        "--import",
        "tsx",
        join(import.meta.dirname, "web-load-client.ts"),
        url,
        String(total),
        String(concurrency),
      ],
      { env: { ...process.env, BENCH_COOKIE: cookie }, encoding: "utf8" },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`laadclient: ${stderr || err.message}`));
        const r = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as {
          requests: number;
          perSecond: number;
          notOk: Record<string, number>;
        };
        if (r.requests !== total || Object.keys(r.notOk).length > 0)
          return reject(new Error(`${url}: ${JSON.stringify(r)}`));
        resolve(r.perSecond);
      },
    );
  });
}
