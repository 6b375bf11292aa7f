// Benchmark of the web app (issue 6 targets) on a copy of the 10-million-row national store: the
// server over real HTTP, a mayor logged in through the forms, the register on. Measures the home
// page's throughput and the server time of the monthly figures page and the product pages.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newAccount } from "../src/domain/account.ts";
import { lastCompleteMonth, monthLabelNl } from "../src/domain/time.ts";
import { createApp } from "../src/server/app.ts";
import { hashPassword } from "../src/server/auth/passwords.ts";
import { startServer } from "../src/server/serve.ts";
import { openTestGate, TEST_PASSWORD, TestBrowser } from "../src/server/test-access.ts";
import { openDuckDbStore } from "../src/store/duckdb/duckdb-store.ts";
import { fmt, log } from "./bench-doc.ts";
import { NATIONAL_UNTIL, nationalStore } from "./ingest.ts";

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

export async function runWebBench(): Promise<string> {
  const source = await nationalStore(10_000_000);
  const dir = mkdtempSync(join(tmpdir(), "driehoek-bench-web-"));
  const db = join(dir, "landelijk.duckdb");
  execFileSync("cp", [source, db]);
  const store = await openDuckDbStore(db);
  // The month after the data's last, so the last complete month is the data's last.
  const now = new Date(Date.UTC(Math.floor(NATIONAL_UNTIL / 100) + 1, 0, 10, 9));
  const access = await openTestGate(store, () => now);
  try {
    const registrations = await store.registrationCount();
    const gemeenten = (await store.listAreas({ level: "gemeente" })).sort(
      (a, b) => (b.population ?? 0) - (a.population ?? 0),
    );
    const g = gemeenten[0];
    if (!g) throw new Error("geen gemeenten");
    await store.saveOrganisation({ id: g.code, name: g.name, kind: "gemeente", authority: [g.code] });
    await store.saveUser(
      newAccount({
        id: "bm.bench",
        name: "Burgemeester",
        organisation: g.code,
        roles: ["burgemeester"],
        passwordHash: await hashPassword(TEST_PASSWORD),
        createdAt: now,
      }),
    );
    const app = createApp({
      store,
      now: () => now,
      gate: access.gate,
      registry: access.registry,
      products: { store },
    });
    const server = await startServer(app, { port: 0 });
    try {
      const web = await TestBrowser.as((p, i) => fetch(`${server.url}${p}`, i), "bm.bench");
      const timed = async (path: string, n: number) => {
        const ms: number[] = [];
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          const res = await web.request(path);
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
          ms.push(performance.now() - t0);
        }
        return ms;
      };
      const month = lastCompleteMonth(now);
      const monthParam = `${Math.floor(month / 100)}-${String(month % 100).padStart(2, "0")}`;
      log("Web: pagina's…");
      const pages: [string, string][] = [
        ["/ (gemeenten)", "/"],
        [
          `maandcijfers ${g.name}, ${monthLabelNl(month)}`,
          `/gemeenten/${g.code}/maandcijfers?maand=${monthParam}`,
        ],
        ["/producten", "/producten"],
        [`maandoverzicht ${g.name}`, `/producten/maandoverzicht?gebied=${g.code}&periode=${monthParam}`],
        [`tabellenboek ${g.name}`, `/producten/tabellenboek?gebied=${g.code}&periode=${monthParam}`],
      ];
      const rows: string[] = [];
      for (const [label, path] of pages) {
        await timed(path, 3); // first requests decide and cache the table protection
        const ms = await timed(path, 50);
        rows.push(`| ${label} | ${fmt(pct(ms, 50), 1)} ms | ${fmt(pct(ms, 95), 1)} ms |`);
      }
      log("Web: startpagina, doorvoer…");
      const concurrency = 16;
      const total = 3000;
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < total) {
            next++;
            const res = await web.request("/");
            await res.arrayBuffer();
            if (res.status !== 200) throw new Error(`/: ${res.status}`);
          }
        }),
      );
      const perSecond = total / ((performance.now() - t0) / 1000);
      const entries = (await access.register.verify()).entries;
      return [
        "### Webapp",
        "",
        `Command: \`npm run bench -- --onderdelen web\`. Data: a copy of the \`landelijk\` demo store (${fmt(registrations)} registrations, ${gemeenten.length} gemeenten); the server over HTTP on this machine, a mayor of ${g.name} (${fmt(g.population ?? 0)} inhabitants, the largest) logged in through the forms, every page through the gate with a register entry (${fmt(entries)} written in this run). Time from request to the last byte at the client, after three requests that fill the caches. No request log yet. Targets: any page ≤ 100 ms p95; the home page ≥ 300 requests/s.`,
        "",
        "| page | median | p95 |",
        "|---|---:|---:|",
        ...rows,
        "",
        `Home page throughput: ${fmt(perSecond)} requests/s (${fmt(total)} requests, ${concurrency} at a time, one session).`,
      ].join("\n");
    } finally {
      await server.close();
    }
  } finally {
    await access.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
