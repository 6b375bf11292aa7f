// `driehoek start` (the demo: `npm start`) and `driehoek serve [--inbox DIR]`.

import { existsSync, mkdirSync, openSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import pino from "pino";
import { loadExistingKey, loadOrCreateKey } from "../disclosure/keys.ts";
import { verifyRegister } from "../disclosure/register/verify-register.ts";
import { keysDir, openStoreGate, registerPath } from "../disclosure/store-gate.ts";
import { loadProtectionRules } from "../disclosure/table-protection/protection-rules.ts";
import { warmProtection } from "../disclosure/table-protection/warm-protection.ts";
import { lastCompleteMonth } from "../domain/time.ts";
import { watchInbox } from "../ingest/inbox.ts";
import { parseBasemap } from "../render/map/basemap.ts";
import { DEFAULT_CHROMIUM, openPdfPrinter, type PdfPrinter } from "../render/pdf/print-pdf.ts";
import { createApp } from "../server/app.ts";
import { createOidcLogin, oidcSettingsFromEnv } from "../server/auth/oidc-login.ts";
import { startServer } from "../server/serve.ts";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import type { Store } from "../store/store.ts";
import { type CliEffects, storePath } from "./context.ts";
import { DEMO_SEED, ensureDemoAccounts, generateAndLoadDemo } from "./load-demo.ts";

interface ServeOptions {
  poort?: string;
  inbox?: string;
  db?: string;
}

async function serve(store: Store, dbPath: string, o: ServeOptions, fx: CliEffects): Promise<void> {
  const port = Number(o.poort ?? fx.env.PORT ?? 8080);
  const access = await openStoreGate({ store, dbPath, env: fx.env, now: fx.now });
  const publicUrl = fx.env.DRIEHOEK_URL ?? `http://localhost:${port}`;
  const oidcSettings = oidcSettingsFromEnv(fx.env, publicUrl);
  // Chromium for PDF downloads, started on the first one (and only when it is installed).
  let printer: Promise<PdfPrinter> | undefined;
  const pdf = existsSync(DEFAULT_CHROMIUM)
    ? () => {
        printer ??= openPdfPrinter();
        return printer;
      }
    : undefined;
  // One line per request: DRIEHOEK_LOG names the file ("-": standard output); default next to the
  // database, so the demo's console keeps showing only what a person needs.
  const logTo = fx.env.DRIEHOEK_LOG ?? join(dirname(dbPath), "verzoeken.log");
  // Opened here, so the log is ready at once (pino flushes it at exit, even after a failed start).
  if (logTo !== "-") mkdirSync(dirname(logTo), { recursive: true });
  const logFile = pino.destination({ dest: logTo === "-" ? 1 : openSync(logTo, "a"), sync: false });
  const logger = pino({ base: null, timestamp: pino.stdTimeFunctions.isoTime }, logFile);
  // Set once the warm-up below exists: the beheerder's loads make the table protection again.
  let onDataLoaded = () => {};
  const app = createApp({
    dataLoaded: () => onDataLoaded(),
    store,
    now: fx.now,
    logger,
    gate: access.gate,
    registry: access.registry,
    secureCookies: fx.env.DRIEHOEK_HTTPS === "1",
    publicOrigin: fx.env.DRIEHOEK_URL ? new URL(fx.env.DRIEHOEK_URL).origin : undefined,
    trustProxy: fx.env.DRIEHOEK_PROXY === "1",
    basemap: fx.env.DRIEHOEK_BASISKAART ? parseBasemap(fx.env.DRIEHOEK_BASISKAART).template : undefined,
    oidc: oidcSettings ? createOidcLogin(oidcSettings) : undefined,
    apiTokenKey: loadOrCreateKey(keysDir(dbPath, fx.env), "api-token"),
    products: { store, pdf, recordKey: loadOrCreateKey(keysDir(dbPath, fx.env), "pseudoniem") },
    register: {
      path: registerPath(dbPath, fx.env),
      verify: async () =>
        verifyRegister(registerPath(dbPath, fx.env), loadExistingKey(keysDir(dbPath, fx.env), "register"), {
          expectedHead: await store.registerHead(),
        }),
    },
  });
  const hostname = fx.env.HOST ?? "127.0.0.1";
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(app, { port, hostname });
  } catch (err) {
    await access.close();
    await store.close();
    if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE") throw err;
    fx.stderr(`Poort ${port} is al in gebruik. Kies een andere, bijvoorbeeld: PORT=8081 npm start\n`);
    process.exitCode = 1;
    return;
  }
  const url = server.url.replace("127.0.0.1", "localhost");
  fx.stdout(`driehoek draait op ${url}\n`);
  if (logTo !== "-") fx.stdout(`Verzoeken worden gelogd in ${logTo}.\n`);
  if (hostname === "127.0.0.1") fx.stdout("Alleen bereikbaar vanaf deze computer.\n");
  // Table protection for recipients outside the police (a gemeente's), made ahead of the first visitor.
  let stopping = false;
  const table = loadProtectionRules().for(
    { user: "", roles: [], organisation: { id: "", kind: "gemeente", authority: [] } },
    "aggregated",
  );
  const warmAll = () =>
    (async () =>
      warmProtection(
        store,
        [...new Set((await store.listAreas({ level: "gemeente" })).map((a) => a.code))],
        { table, until: lastCompleteMonth(fx.now()) },
        { stop: () => stopping },
      ))().catch(() => 0);
  // At start, and again after each delivery the inbox loads (new data, new decisions); one at a
  // time, and at most one waiting.
  let warming = warmAll();
  let queued = false;
  const warmAgain = () => {
    if (queued) return;
    queued = true;
    warming = warming.then(() => {
      queued = false;
      return warmAll();
    });
  };
  onDataLoaded = warmAgain;
  const inbox = o.inbox
    ? watchInbox(o.inbox, { store, now: fx.now, log: (l) => fx.stdout(`${l}\n`), loaded: warmAgain })
    : undefined;
  if (o.inbox) fx.stdout(`Inbox: bestanden in ${o.inbox} worden automatisch geladen.\n`);
  fx.stdout("Stoppen: Ctrl+C\n");
  await new Promise<void>((resolve) => {
    const stop = async () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      stopping = true;
      await warming;
      await inbox?.stop();
      await server.close();
      await (await printer)?.close();
      await access.close();
      await store.close();
      logFile.flushSync();
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export function registerServeCommands(program: Command, fx: CliEffects): void {
  program
    .command("start")
    .description("Start de demo: maakt bij een lege database eerst de demoregio en -gegevens aan")
    .option("--poort <nummer>", "poort van de webapp (standaard PORT of 8080)")
    .option("--db <pad>", "databasebestand")
    .action(async (o: ServeOptions) => {
      const path = storePath(o.db, fx);
      const store = await openDuckDbStore(path);
      // Only a store without any data gets the demo; one with imported data is served as it is.
      const empty = (await store.deliveries()).length === 0 && (await store.listAreas()).length === 0;
      if (empty) {
        fx.stdout(`Nieuwe database ${path}: de demoregio wordt gemaakt en geladen (seed ${DEMO_SEED}).\n`);
        const dir = join(path, "..", "demo");
        await generateAndLoadDemo(store, dir, lastCompleteMonth(fx.now()), fx);
      } else {
        fx.stdout(`Bestaande database ${path} wordt gebruikt.\n`);
      }
      await ensureDemoAccounts(store, path, fx);
      await serve(store, path, o, fx);
    });

  program
    .command("serve")
    .description("Start de webapp op een bestaande database, eventueel met een inbox voor leveringen")
    .option("--poort <nummer>", "poort (standaard PORT of 8080)")
    .option("--inbox <map>", "map waarin leveringen verschijnen; die worden automatisch geladen")
    .option("--db <pad>", "databasebestand")
    .action(async (o: ServeOptions) => {
      const path = storePath(o.db, fx);
      const store = await openDuckDbStore(path);
      await serve(store, path, o, fx);
    });
}
