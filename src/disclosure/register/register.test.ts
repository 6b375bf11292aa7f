import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { StoreError } from "../../domain/errors.ts";
import { GENESIS, type RegisterFields } from "./register-entry.ts";
import { openRegisterLog } from "./register-log.ts";
import { verifyRegister } from "./verify-register.ts";

const KEY = new Uint8Array(32).fill(7);
const OTHER_KEY = new Uint8Array(32).fill(8);

function fields(i: number): RegisterFields {
  return {
    at: new Date(Date.UTC(2026, 10, 22, 9, 0, i)).toISOString(),
    kind: "verstrekking",
    user: `gebruiker-${i % 3}`,
    roles: ["burgemeester"],
    organisation: "GM9001",
    purpose: "openbare-orde",
    legalBasis: "wpg-16-1-c",
    policy: "gemeente-eigen-gebied",
    what: "maandoverzicht",
    areas: ["GM9001"],
    period: "2026-10",
    sensitivity: "aggregated",
    count: 40 + i,
    contentHash: "ab".repeat(32),
  };
}

/** A fresh register with `n` entries; returns its path and lines. */
function register(n: number): { path: string; lines: string[] } {
  const path = join(mkdtempSync(join(tmpdir(), "register-")), "register.jsonl");
  const log = openRegisterLog(path, KEY);
  for (let i = 1; i <= n; i++) log.append(fields(i));
  log.close();
  return { path, lines: readFileSync(path, "utf8").split("\n").slice(0, -1) };
}

const rewrite = (path: string, lines: string[]) => writeFileSync(path, lines.map((l) => `${l}\n`).join(""));

describe("verstrekkingenregister: writing", () => {
  it("numbers entries 1, 2, 3 and links each to the one before", () => {
    const { lines } = register(3);
    const entries = lines.map((l) => JSON.parse(l));
    assert.deepEqual(
      entries.map((e) => e.seq),
      [1, 2, 3],
    );
    assert.equal(entries[0].prev, GENESIS);
    assert.equal(entries[1].prev, entries[0].hash);
    assert.equal(entries[2].prev, entries[1].hash);
    assert.equal(entries[2].count, 43);
    assert.match(entries[0].hash, /^[0-9a-f]{64}$/);
  });

  it("is readable by its owner only", async () => {
    const { path } = register(1);
    const { statSync } = await import("node:fs");
    assert.equal(statSync(path).mode & 0o777, 0o600);
  });

  it("continues the chain after reopening", async () => {
    const { path } = register(2);
    const log = openRegisterLog(path, KEY);
    assert.equal(log.head().seq, 2);
    const e = log.append(fields(3));
    log.close();
    assert.equal(e.seq, 3);
    const r = await verifyRegister(path, KEY);
    assert.deepEqual([r.ok, r.entries], [true, 3]);
  });

  it("one process at a time: a second writer is refused while the first is open", () => {
    const { path } = register(1);
    const log = openRegisterLog(path, KEY);
    assert.throws(() => openRegisterLog(path, KEY), StoreError);
    log.close();
    openRegisterLog(path, KEY).close(); // free again
  });

  it("a lock left by a process that is gone is taken over", () => {
    const { path } = register(1);
    writeFileSync(`${path}.lock`, "999999999");
    const log = openRegisterLog(path, KEY);
    assert.equal(log.head().seq, 1);
    log.close();
  });

  it("refuses to extend a register whose last line is half written or sealed with another key", () => {
    const { path, lines } = register(2);
    writeFileSync(path, `${lines[0]}\n${(lines[1] as string).slice(0, 20)}`);
    assert.throws(() => openRegisterLog(path, KEY), /midden in een regel/);
    const other = register(2);
    assert.throws(() => openRegisterLog(other.path, OTHER_KEY), /geen geldig zegel/);
  });
});

describe("verstrekkingenregister: verify detects tampering", () => {
  it("an untouched register verifies", async () => {
    const { path } = register(50);
    const r = await verifyRegister(path, KEY);
    assert.deepEqual([r.ok, r.entries, r.problem], [true, 50, null]);
  });

  it("an edited field", async () => {
    const { path, lines } = register(10);
    lines[4] = (lines[4] as string).replace('"count":45', '"count":46');
    rewrite(path, lines);
    const r = await verifyRegister(path, KEY);
    assert.equal(r.ok, false);
    assert.equal(r.problem?.line, 5);
    assert.match(r.problem?.reason ?? "", /gewijzigd/);
    assert.equal(r.entries, 4);
  });

  it("an edited entry re-sealed without the key (plain SHA-256) still fails", async () => {
    const { path, lines } = register(3);
    const e = JSON.parse(lines[1] as string);
    e.user = "iemand-anders";
    const { createHash } = await import("node:crypto");
    e.hash = createHash("sha256")
      .update(JSON.stringify({ ...e, hash: undefined }))
      .digest("hex");
    lines[1] = JSON.stringify(e);
    rewrite(path, lines);
    assert.equal((await verifyRegister(path, KEY)).problem?.line, 2);
  });

  it("a deleted entry", async () => {
    const { path, lines } = register(10);
    lines.splice(6, 1);
    rewrite(path, lines);
    const r = await verifyRegister(path, KEY);
    assert.equal(r.problem?.line, 7);
    assert.match(r.problem?.reason ?? "", /volgnummer 8, verwacht 7/);
  });

  it("two entries swapped", async () => {
    const { path, lines } = register(10);
    [lines[2], lines[3]] = [lines[3] as string, lines[2] as string];
    rewrite(path, lines);
    assert.equal((await verifyRegister(path, KEY)).problem?.line, 3);
  });

  it("a deleted entry with the rest renumbered and relinked (without the key)", async () => {
    const { path, lines } = register(6);
    const kept = lines.filter((_, i) => i !== 2).map((l) => JSON.parse(l));
    kept.forEach((e, i) => {
      e.seq = i + 1;
      if (i > 0) e.prev = kept[i - 1].hash;
    });
    rewrite(
      path,
      kept.map((e) => JSON.stringify(e)),
    );
    const r = await verifyRegister(path, KEY);
    assert.equal(r.problem?.line, 3);
    assert.match(r.problem?.reason ?? "", /gewijzigd/);
  });

  it("the last entries cut off: noticed against the recorded head", async () => {
    const { path, lines } = register(10);
    const head = JSON.parse(lines[9] as string);
    rewrite(path, lines.slice(0, 7));
    assert.equal((await verifyRegister(path, KEY)).ok, true, "without a recorded head it cannot be seen");
    const r = await verifyRegister(path, KEY, { expectedHead: { seq: head.seq, hash: head.hash } });
    assert.equal(r.ok, false);
    assert.match(r.problem?.reason ?? "", /ingekort: het eindigt bij volgnummer 7, vastgelegd is 10/);
  });

  it("the whole file removed while entries were recorded", async () => {
    const r = await verifyRegister("/nonexistent/register.jsonl", KEY, {
      expectedHead: { seq: 3, hash: "a".repeat(64) },
    });
    assert.match(r.problem?.reason ?? "", /ontbreekt/);
  });

  it("a recorded head that the chain does not pass through", async () => {
    const { path } = register(5);
    const r = await verifyRegister(path, KEY, { expectedHead: { seq: 3, hash: "c".repeat(64) } });
    assert.equal(r.problem?.line, 3);
  });

  it("a half-written last line and a line that is not JSON", async () => {
    const { path, lines } = register(3);
    writeFileSync(path, `${lines[0]}\n${lines[1]}\n${(lines[2] as string).slice(0, 30)}`);
    assert.equal((await verifyRegister(path, KEY)).problem?.line, 3);
    writeFileSync(path, `${lines[0]}\n${lines[1]}\n${lines[2]}`);
    assert.match((await verifyRegister(path, KEY)).problem?.reason ?? "", /niet afgesloten/);
  });

  it("another key does not verify", async () => {
    const { path } = register(2);
    assert.equal((await verifyRegister(path, OTHER_KEY)).problem?.line, 1);
  });
});
