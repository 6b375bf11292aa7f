// Benchmarks of the disclosure path (issue 4 targets): register appends per second, `register
// verify` over a million entries, and the overhead of the gate (purpose, legal basis, policy,
// register) per request.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Rng } from "../src/demo/prng.ts";
import { createGate } from "../src/disclosure/disclosure-gate.ts";
import { loadLegalBasisRegistry } from "../src/disclosure/legal-bases/legal-basis-registry.ts";
import { loadAuthorizer } from "../src/disclosure/policies/cedar-authorizer.ts";
import { openRegister } from "../src/disclosure/register/register.ts";
import type { RegisterFields } from "../src/disclosure/register/register-entry.ts";
import { openRegisterLog } from "../src/disclosure/register/register-log.ts";
import { verifyRegister } from "../src/disclosure/register/verify-register.ts";
import { protectMonthlyCounts } from "../src/disclosure/table-protection/monthly-counts-protection.ts";
import { addMonths } from "../src/domain/time.ts";
import type { MonthlyCount } from "../src/store/store.ts";
import { fmt, log } from "./bench-doc.ts";

const KEY = new Uint8Array(32).fill(9);

const fields = (i: number): RegisterFields => ({
  at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  kind: "verstrekking",
  user: `gebruiker-${i % 50}`,
  roles: ["burgemeester"],
  organisation: "gemeente-aastad",
  purpose: "openbare-orde",
  legalBasis: "wpg-16-1-c@2026-11-22",
  policy: "gemeente-eigen-gebied",
  what: "maandcijfers",
  areas: ["GM9001"],
  period: "2025-01/2026-03",
  sensitivity: "aggregated",
  count: 36,
  contentHash: "ab".repeat(32),
});

export async function runDisclosureBench(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "driehoek-bench-register-"));
  try {
    log("Verstrekkingenregister: toevoegen…");
    const path = join(dir, "register.jsonl");
    const n = 1_000_000;
    const reg = openRegisterLog(path, KEY);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) reg.append(fields(i));
    reg.close();
    const appendMs = performance.now() - t0;

    log("Verstrekkingenregister: controleren…");
    const t1 = performance.now();
    const verified = await verifyRegister(path, KEY);
    const verifyMs = performance.now() - t1;
    if (!verified.ok || verified.entries !== n)
      throw new Error(`verify: ${JSON.stringify(verified.problem)}`);

    log("Poort: overhead per verzoek…");
    const lineage = (code: string) =>
      code.startsWith("BU") ? [`WK${code.slice(2, 8)}`, `GM${code.slice(2, 6)}`, "NL"] : ["NL"];
    const register = openRegister({
      path: join(dir, "gate.jsonl"),
      key: KEY,
      anchor: { read: async () => null, write: async () => undefined },
    });
    const gate = createGate({
      registry: loadLegalBasisRegistry(),
      authorizer: loadAuthorizer(lineage),
      register,
      now: () => new Date(),
    });
    const requester = {
      user: "burgemeester.aastad",
      roles: ["burgemeester"],
      organisation: { id: "gemeente-aastad", kind: "gemeente", authority: ["GM9001"] },
    };
    const rows = Array.from({ length: 36 }, (_, i) => ({ month: 202501 + i, inpCode: "1.1.1", count: i }));
    const time = async (areas: () => string[], runs: number) => {
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await gate.disclose(
          {
            requester,
            purpose: "openbare-orde",
            what: "maandcijfers",
            areas: areas(),
            period: "2025-01/2026-03",
            sensitivity: "aggregated",
          },
          async () => rows,
        );
        ms.push(performance.now() - t);
      }
      ms.sort((a, b) => a - b);
      return { median: ms[Math.floor(runs / 2)] ?? 0, p95: ms[Math.floor(runs * 0.95)] ?? 0 };
    };
    await time(() => ["GM9001"], 200); // warm-up
    const hot = await time(() => ["GM9001"], 5000);
    let b = 0;
    const cold = await time(() => [`BU9001${String(b++ % 9000).padStart(4, "0")}`], 3000);
    await register.close();

    log("Tabelbeveiliging: één gemeente…");
    const rng = new Rng(3, "bench-tabel");
    const countRows: MonthlyCount[] = [];
    for (let t = 0; t < 40; t++) {
      const mean = [0.5, 2, 4, 10, 30][t % 5] as number;
      for (let m = 0; m < 36; m++) {
        const count = Math.max(0, Math.round(mean + (rng.next() - 0.5) * mean * 1.5));
        if (count > 0) countRows.push({ month: addMonths(202301, m), inpCode: `9.${t}`, count, attempts: 0 });
      }
    }
    const tp = performance.now();
    protectMonthlyCounts(countRows, { minimum: 5, until: 202512 });
    const protectMs = performance.now() - tp;

    return `## Disclosure: gate and register

One process, files on the local disk; \`bench/disclosure.ts\` (\`npm run bench -- --onderdelen verstrekking\`).
An entry is about 400 bytes of JSON, sealed with HMAC-SHA256 over the previous entry's hash.

| what | size | target | measured |
|---|---|---:|---:|
| register appends (sealed, chained, written; fdatasync at most every 200 ms) | ${fmt(n)} entries | ≥ 5,000/s | ${fmt(Math.round(n / (appendMs / 1000)))}/s |
| \`register verify\` (parse, numbering, link, seal of every entry) | ${fmt(n)} entries | ≤ 10 s | ${fmt(verifyMs / 1000, 1)} s |
| gate overhead per request, same user and area (policy decision from cache) | 36 rows | ≤ 1 ms median | median ${fmt(hot.median, 3)} ms, p95 ${fmt(hot.p95, 3)} ms |
| gate overhead per request, a new buurt every time (Cedar evaluated) | 36 rows | – | median ${fmt(cold.median, 3)} ms, p95 ${fmt(cold.p95, 3)} ms |
| table protection of one gemeente, first time (every month, year to date and 12-month sum of 40 types and their total; cached afterwards) | 40 types × 36 months | – | ${fmt(protectMs)} ms |
`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
