// A delivery loads atomically: a process killed (SIGKILL) at any moment of the load leaves the
// store as it was before, or with the whole delivery, never with part of it.

import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import { CANONICAL_HEADER, canonicalLine, loadTestRegion } from "./test-region.ts";

const dir = mkdtempSync(join(tmpdir(), "driehoek-crash-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const ROWS = 150_000;

async function writeBigCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${CANONICAL_HEADER}\n`);
  for (let i = 0; i < ROWS; i++) {
    const line = canonicalLine({
      registratienummer: `C${i}`,
      maatschappelijke_klasse: i % 3 ? "A20" : "F550",
      pleegdatum_begin: `2024-0${1 + (i % 9)}-1${i % 10} 1${i % 10}:00`,
      x: String(150000 + (i % 3000)),
      y: String(460000 + (i % 1000)),
    });
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

function ingestChild(db: string, csv: string): ChildProcess {
  const code = `
    const { openDuckDbStore } = await import(${JSON.stringify(new URL("../store/duckdb/duckdb-store.ts", import.meta.url).pathname)});
    const { ingestFile } = await import(${JSON.stringify(new URL("./ingest-file.ts", import.meta.url).pathname)});
    const store = await openDuckDbStore(${JSON.stringify(db)});
    const r = await ingestFile(${JSON.stringify(csv)}, { source: "crash" }, { store, now: () => new Date() });
    await store.close();
    process.exit(r.outcome.kind === "loaded" ? 0 : 1);`;
  return spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { stdio: "ignore" });
}

const exit = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise<number | null>((r) => child.once("exit", (c) => r(c)));

describe("atomic delivery", () => {
  it("leaves the store as it was, or complete, when the loading process is killed", async () => {
    const base = join(dir, "base.duckdb");
    const s = await openDuckDbStore(base);
    await loadTestRegion(s);
    await s.close();
    const csv = join(dir, "groot.csv");
    await writeBigCsv(csv);

    // A complete run, to know how long a load takes here.
    const full = join(dir, "full.duckdb");
    copyFileSync(base, full);
    const t0 = Date.now();
    assert.equal(await exit(ingestChild(full, csv)), 0);
    const duration = Date.now() - t0;

    let killedBeforeCommit = 0;
    for (const fraction of [0.3, 0.55, 0.75, 0.9, 0.97]) {
      const db = join(dir, `kill-${fraction}.duckdb`);
      copyFileSync(base, db);
      const child = ingestChild(db, csv);
      await new Promise((r) => setTimeout(r, duration * fraction));
      child.kill("SIGKILL");
      await exit(child);
      const store = await openDuckDbStore(db);
      const count = await store.registrationCount();
      const deliveries = await store.deliveries();
      await store.close();
      assert.ok(count === 0 || count === ROWS, `na kill op ${fraction}: ${count} registraties`);
      const loadedDeliveries = deliveries.filter((d) => d.status === "geladen");
      assert.equal(loadedDeliveries.length, count === ROWS ? 1 : 0);
      if (count === 0) killedBeforeCommit++;
    }
    assert.ok(killedBeforeCommit >= 1, "minstens één keer midden in het laden gestopt");
  });
});
