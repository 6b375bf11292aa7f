// Runs one ingest in its own process so its time and peak memory (incl. DuckDB) are its own.
// Usage: node --import tsx bench/ingest-child.ts DB CSV  -> prints one JSON line.

import { ingestFile } from "../src/ingest/ingest-file.ts";
import { openDuckDbStore } from "../src/store/duckdb/duckdb-store.ts";

const [db, csv] = process.argv.slice(2);
if (!db || !csv) throw new Error("usage: ingest-child DB CSV");
const store = await openDuckDbStore(db);
const t0 = performance.now();
const r = await ingestFile(csv, { source: "bench" }, { store, now: () => new Date() });
const ms = performance.now() - t0;
await store.close();
if (r.outcome.kind !== "loaded") throw new Error(`ingest: ${r.outcome.kind}`);
const c = r.outcome.delivery.counts;
process.stdout.write(
  `${JSON.stringify({ ms, read: c.read, inserted: c.inserted, quarantined: c.quarantined, unplaced: c.unplaced, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
