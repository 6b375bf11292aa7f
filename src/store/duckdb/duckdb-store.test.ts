import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { storeSuite } from "../store-suite.ts";
import { openDuckDbStore } from "./duckdb-store.ts";

const dir = mkdtempSync(join(tmpdir(), "driehoek-duckdb-test-"));
after(() => rmSync(dir, { recursive: true, force: true }));

storeSuite("DuckDB (in memory)", () => openDuckDbStore(":memory:"));
storeSuite("DuckDB (file)", () => openDuckDbStore(join(dir, "suite.duckdb")));

describe("DuckDB store file", () => {
  it("migrates once and reopens with its data", async () => {
    const path = join(dir, "reopen.duckdb");
    const a = await openDuckDbStore(path);
    await a.importPopulation([{ code: "GM9001", year: 2024, population: 5 }]);
    await a.close();
    const b = await openDuckDbStore(path);
    const list = await b.listAreas();
    assert.equal(list.length, 0);
    await b.importAreas([
      { code: "GM9001", level: "gemeente", year: 2024, name: "X", parent: null, wgs84: null, rd: null },
    ]);
    assert.equal((await b.listAreas())[0]?.population, 5);
    await b.close();
  });

  it("says clearly that another process holds the file", async () => {
    const path = join(dir, "locked.duckdb");
    const holder = await openDuckDbStore(path);
    try {
      // A second process tries to open the same file while this one holds it.
      const child = spawnSync(
        process.execPath,
        [
          "--import",
          "tsx",
          "-e",
          `import("${new URL("./duckdb-store.ts", import.meta.url).pathname}").then(m => m.openDuckDbStore(${JSON.stringify(path)})).then(() => process.exit(0), e => { console.error(e.name + ": " + e.message); process.exit(3); })`,
        ],
        { encoding: "utf8" },
      );
      assert.equal(child.status, 3, child.stderr);
      assert.match(
        child.stderr,
        /StoreError: De database .* is in gebruik door een ander proces \(PID \d+\)/,
      );
      assert.match(child.stderr, /inbox/);
    } finally {
      await holder.close();
    }
  });
});
