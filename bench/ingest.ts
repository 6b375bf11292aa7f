// Ingest benchmark: throughput and memory from 1 to 10 million canonical rows of the `landelijk`
// demo, and the monthly-figures query on the largest store. Returns its section of BENCHMARKS.md.

import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { loadDemoFolder } from "../src/cli/load-demo.ts";
import { generateDemo } from "../src/demo/generate-demo.ts";
import { addMonths } from "../src/domain/time.ts";
import { openDuckDbStore } from "../src/store/duckdb/duckdb-store.ts";
import { fmt, log } from "./bench-doc.ts";

const OUT = join(process.cwd(), "bench", "out");
const DEMO_DIR = join(OUT, "demo-landelijk");
/** The last month of the landelijk demo. */
export const NATIONAL_UNTIL = 202512;

/** The landelijk demo's files (generated once, kept in bench/out). */
async function nationalDemo(): Promise<string[]> {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(join(DEMO_DIR, "manifest.json"))) {
    log("Landelijke demodata genereren (2 jaar, ~5 miljoen registraties per jaar)…");
    const t = performance.now();
    await generateDemo({ seed: 7, years: 2, size: "landelijk", until: NATIONAL_UNTIL, outDir: DEMO_DIR });
    log(`  klaar in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return readdirSync(DEMO_DIR)
    .filter((f) => /^registraties-\d{4}\.csv$/.test(f))
    .sort()
    .map((f) => join(DEMO_DIR, f));
}

/** The first n data rows over the year files, as one canonical CSV. */
async function slice(n: number): Promise<string> {
  const regFiles = await nationalDemo();
  const path = join(OUT, `rijen-${n}.csv`);
  if (existsSync(path)) return path;
  const w = createWriteStream(path);
  let left = n;
  let header = false;
  for (const f of regFiles) {
    const rl = createInterface({ input: createReadStream(f), crlfDelay: Number.POSITIVE_INFINITY });
    let first = true;
    for await (const line of rl) {
      if (first) {
        first = false;
        if (!header) {
          w.write(`${line}\n`);
          header = true;
        }
        continue;
      }
      if (left-- <= 0) break;
      if (!w.write(`${line}\n`)) await new Promise<void>((r) => w.once("drain", () => r()));
    }
    rl.close();
    if (left <= 0) break;
  }
  await new Promise<void>((r) => w.end(() => r()));
  if (left > 0) throw new Error(`only ${n - left} rows available`);
  return path;
}

/** A store with the landelijk reference data (areas, classification), without registrations. */
async function referenceStore(): Promise<string> {
  await nationalDemo();
  const path = join(OUT, "referentie.duckdb");
  if (existsSync(path)) return path;
  const store = await openDuckDbStore(path);
  const onlyReference = join(OUT, "referentie-map");
  rmSync(onlyReference, { recursive: true, force: true });
  mkdirSync(onlyReference);
  for (const f of readdirSync(DEMO_DIR)) {
    if (!/^registraties-/.test(f)) execFileSync("cp", [join(DEMO_DIR, f), onlyReference]);
  }
  await loadDemoFolder(store, onlyReference, { now: () => new Date(), stdout: () => {} });
  await store.close();
  return path;
}

interface IngestRun {
  db: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  maxRssMB: number;
  bytes: number;
}

/** Ingests the first n rows into a fresh copy of the reference store, in its own process. */
async function ingestRows(n: number): Promise<IngestRun> {
  const csv = await slice(n);
  const ref = await referenceStore();
  const db = join(OUT, `store-${n}.duckdb`);
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  execFileSync("cp", [ref, db]);
  log(`Inlezen van ${n.toLocaleString("nl-NL")} rijen…`);
  const r = spawnSync(
    process.execPath,
    ["--max-semi-space-size=128", "--import", "tsx", "bench/ingest-child.ts", db, csv],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const m = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}");
  const bytes = Number(execFileSync("stat", ["-c", "%s", csv], { encoding: "utf8" }));
  return {
    db,
    rows: m.read,
    seconds: m.ms / 1000,
    rowsPerSecond: m.read / (m.ms / 1000),
    maxRssMB: m.maxRssMB,
    bytes,
  };
}

/** The store with the first n rows of the landelijk demo (made by the ingest bench, or now). */
export async function nationalStore(n: number): Promise<string> {
  const db = join(OUT, `store-${n}.duckdb`);
  return existsSync(db) ? db : (await ingestRows(n)).db;
}

export async function runIngestBench(steps: number[], repeats: number): Promise<string> {
  const UNTIL = NATIONAL_UNTIL;
  const results: IngestRun[] = [];
  let largestDb = "";
  for (const n of steps) {
    const m = await ingestRows(n);
    results.push(m);
    log(
      `  ${m.seconds.toFixed(1)} s, ${Math.round(m.rowsPerSecond).toLocaleString("nl-NL")} rijen/s, piek ${Math.round(m.maxRssMB)} MB`,
    );
    largestDb = m.db;
  }

  // Monthly figures of one gemeente, all INP types, 36 months, on the largest store.
  const store = await openDuckDbStore(largestDb);
  const gemeenten = (await store.listAreas({ level: "gemeente" })).map((a) => a.code);
  const q = { fromMonth: addMonths(UNTIL, -35), toMonth: UNTIL };
  const times: number[] = [];
  for (let i = 0; i < repeats + 10; i++) {
    const area = gemeenten[(i * 7919) % gemeenten.length] ?? "";
    const t = performance.now();
    await store.monthlyCounts({ area, level: "gemeente", ...q });
    if (i >= 10) times.push(performance.now() - t);
  }
  await store.close();
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;

  const md = `Data: the \`landelijk\` demo (seed 7, ${gemeenten.length} gemeenten, 2 years up to ${UNTIL}), canonical CSV
(\`driehoek demo generate --seed 7 --jaren 2 --omvang landelijk --tot ${String(UNTIL).slice(0, 4)}-${String(UNTIL).slice(4)}\`).
Each ingest runs in its own process into a fresh copy of a store holding only the reference data
(areas, classification, addresses); time is wall clock for \`ingestFile\` (hash, parse, validate,
place in buurt/wijk/gemeente, load atomically); memory is the process's peak RSS incl. DuckDB.

## Ingest (target ≥ 500,000 rows/s and ≤ 4 GB for 10 million rows)

| rows | file size | time | rows/s | peak memory |
|---:|---:|---:|---:|---:|
${results.map((r) => `| ${fmt(r.rows)} | ${fmt(r.bytes / 1e6)} MB | ${fmt(r.seconds, 1)} s | ${fmt(r.rowsPerSecond)} | ${fmt(r.maxRssMB)} MB |`).join("\n")}

## Monthly figures (target ≤ 50 ms median, ≤ 100 ms p95 on 10 million rows)

\`store.monthlyCounts\` for one gemeente, all INP types, 36 months, ${repeats} runs over
different gemeenten on the store with ${fmt(results.at(-1)?.rows ?? 0)} rows:
median ${fmt(pct(50), 1)} ms, p95 ${fmt(pct(95), 1)} ms, max ${fmt(times.at(-1) ?? 0, 1)} ms.
`;
  return md;
}
