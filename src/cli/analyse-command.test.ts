import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { CliEffects } from "./context.ts";
import { main } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "driehoek-analyse-"));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = "";
  let err = "";
  const fx: CliEffects = {
    now: () => new Date("2025-06-15T10:00:00Z"),
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    env: {},
    isTty: false,
  };
  process.exitCode = 0;
  await main(["node", "driehoek", "analyse", ...args], fx);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}

describe("driehoek analyse decompose", () => {
  it("recovers a known linear trend and zero-sum seasonal pattern, with null at the ends", async () => {
    // Independent expectation: a 2x4 centred moving average of a straight line plus a pattern
    // that sums to zero over one period is the straight line itself.
    const pattern = [3, -1, -2, 0];
    const values = Array.from({ length: 16 }, (_, i) => 100 + 2 * i + (pattern[i % 4] ?? 0));
    const file = join(dir, "reeks.csv");
    writeFileSync(file, `kwartaal;aantal\n${values.map((v, i) => `${i + 1};${v}`).join("\n")}\n`);
    const r = await run("decompose", "--input", file, "--value", "aantal", "--period", "4");
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out) as {
      trend: (number | null)[];
      seasonal: number[];
      resid: (number | null)[];
    };
    assert.deepEqual(out.trend.slice(0, 2), [null, null]);
    assert.deepEqual(out.trend.slice(-2), [null, null]);
    for (let i = 2; i < 14; i++) assert.ok(Math.abs((out.trend[i] ?? Number.NaN) - (100 + 2 * i)) < 1e-9);
    for (let i = 0; i < 16; i++)
      assert.ok(Math.abs((out.seasonal[i] ?? Number.NaN) - (pattern[i % 4] ?? 0)) < 1e-9);
  });

  it("names the problem in Dutch for too short a series, a missing value or a missing column", async () => {
    const file = join(dir, "kort.csv");
    writeFileSync(file, "n\n1\n2\n\n3\n4\n5\n6\n7\n");
    const short = await run("decompose", "--input", file, "--value", "n", "--period", "12");
    assert.equal(short.code, 1);
    assert.match(short.err, /minstens twee volle seizoenen: 24 waarden/);
    const gap = join(dir, "gat.csv");
    writeFileSync(gap, "n\n1\n2\nNA\n4\n5\n6\n7\n8\n");
    const missing = await run("decompose", "--input", gap, "--value", "n", "--period", "2");
    assert.match(missing.err, /gat\.csv, regel 4, veld n: ontbrekende waarde/);
    const col = await run("decompose", "--input", gap, "--value", "x", "--period", "2");
    assert.match(col.err, /kolom "x" ontbreekt/);
  });
});
