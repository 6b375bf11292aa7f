import assert from "node:assert/strict";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import type { Store } from "../store/store.ts";
import { DONE_DIR, FAILED_DIR, scanInbox } from "./inbox.ts";
import { CANONICAL_HEADER, canonicalLine, loadTestRegion } from "./test-region.ts";

const dir = mkdtempSync(join(tmpdir(), "driehoek-inbox-"));
let store: Store;
const log: string[] = [];
let loaded = 0;
const fx = () => ({
  store,
  now: () => new Date("2024-04-02T06:00:00Z"),
  log: (l: string) => log.push(l),
  loaded: () => loaded++,
});

before(async () => {
  store = await openDuckDbStore(":memory:");
  await loadTestRegion(store);
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const row = (id: string) =>
  canonicalLine({
    registratienummer: id,
    maatschappelijke_klasse: "A20",
    pleegdatum_begin: "2024-03-01",
    x: "150500",
    y: "460500",
  });

describe("inbox", () => {
  it("loads files once their size is stable, moves them with a report, per source folder", async () => {
    writeFileSync(join(dir, "dag-1.csv"), `${CANONICAL_HEADER}\n${row("I1")}\n${row("I2")}\n`);
    mkdirSync(join(dir, "politie-oost"));
    writeFileSync(join(dir, "politie-oost", "export.csv"), `${CANONICAL_HEADER}\n${row("I3")}\n`);
    writeFileSync(join(dir, "kapot.csv"), "");
    const sizes = new Map<string, number>();
    assert.equal(await scanInbox(dir, fx(), sizes), 0, "first scan only notes the sizes");
    assert.equal(await scanInbox(dir, fx(), sizes), 3);
    assert.equal(loaded, 2, "two deliveries with new data (the empty file failed)");

    const done = readdirSync(join(dir, DONE_DIR));
    const failed = readdirSync(join(dir, FAILED_DIR));
    assert.equal(done.filter((f) => f.endsWith(".rapport.txt")).length, 2);
    assert.equal(failed.filter((f) => f.endsWith(".rapport.txt")).length, 1);
    const failReport = readFileSync(
      join(dir, FAILED_DIR, failed.find((f) => f.endsWith(".rapport.txt")) ?? ""),
      "utf8",
    );
    assert.match(failReport, /leeg/);
    assert.ok(!existsSync(join(dir, "dag-1.csv")));
    assert.equal((await store.registrationVersions("politie-oost", "I3")).length, 1);
    assert.equal((await store.registrationVersions("inbox", "I1")).length, 1);
    assert.equal(await scanInbox(dir, fx(), sizes), 0, "nothing left");
  });

  it("reports a repeated file as already loaded and changes nothing", async () => {
    const before = await store.registrationCount();
    writeFileSync(join(dir, "dag-1-opnieuw.csv"), `${CANONICAL_HEADER}\n${row("I1")}\n${row("I2")}\n`);
    const sizes = new Map<string, number>();
    await scanInbox(dir, fx(), sizes);
    await scanInbox(dir, fx(), sizes);
    assert.equal(await store.registrationCount(), before);
    assert.ok(log.some((l) => /al geladen/.test(l)));
    assert.equal(loaded, 2, "a repeat loads nothing new");
  });
});
