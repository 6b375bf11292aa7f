// Benchmark of the web app (issue 6 targets) on a copy of the 10-million-row national store: the
// server over real HTTP, a mayor of the largest gemeente logged in through the forms, the register
// and the request log on. Measures the server time of the pages and the home page's throughput (from
// a load client in a separate process, bench/web-load-client.ts).

import { existsSync } from "node:fs";
import { lastCompleteMonth, monthLabelNl } from "../src/domain/time.ts";
import { DEFAULT_CHROMIUM } from "../src/render/pdf/print-pdf.ts";
import { keyboardLogin, openTestPage } from "../src/server/test-browser.ts";
import { fmt, log } from "./bench-doc.ts";
import { monthParam, openBenchWeb, pct } from "./web-server.ts";

/** Mijn beeld loaded in Chromium as the bench's mayor: time to the load event, per load. */
async function browserLoad(
  url: string,
  gemeente: string,
): Promise<{ median: number; p95: number; n: number }> {
  log("Web: startpagina in de browser…");
  const tp = await openTestPage();
  try {
    await keyboardLogin(tp.page, url, "/", "bm.bench", "Handhaving van de openbare orde");
    const ms: number[] = [];
    for (let i = 0; i < 30; i++) {
      await tp.page.goto(`${url}/`, { waitUntil: "load" });
      if (!((await tp.page.locator("h2").first().textContent()) ?? "").includes(gemeente)) {
        throw new Error("Mijn beeld toont de gemeente niet");
      }
      ms.push(
        (await tp.page.evaluate(
          () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
        )) as number,
      );
    }
    return { median: pct(ms.slice(5), 50), p95: pct(ms.slice(5), 95), n: ms.length - 5 };
  } finally {
    await tp.close();
  }
}

export async function runWebBench(): Promise<string> {
  const b = await openBenchWeb("web", (largestFirst) => largestFirst.slice(0, 1));
  try {
    const g = b.gemeenten[0];
    if (!g) throw new Error("geen gemeenten");
    const month = monthParam(lastCompleteMonth(b.now));
    log("Web: pagina's…");
    const pages: [string, string][] = [
      ["/ (Mijn beeld)", "/"],
      ["/gemeenten", "/gemeenten"],
      [
        `maandcijfers ${g.name}, ${monthLabelNl(lastCompleteMonth(b.now))}`,
        `/gemeenten/${g.code}/maandcijfers?maand=${month}`,
      ],
      ["/producten", "/producten"],
      [`maandoverzicht ${g.name}`, `/producten/maandoverzicht?gebied=${g.code}&periode=${month}`],
      [`tabellenboek ${g.name}`, `/producten/tabellenboek?gebied=${g.code}&periode=${month}`],
      [
        `gebiedsscan ${g.name}, ${Math.floor(lastCompleteMonth(b.now) / 100)}`,
        `/producten/gebiedsscan?gebied=${g.code}&periode=${Math.floor(lastCompleteMonth(b.now) / 100)}`,
      ],
    ];
    const rows: string[] = [];
    for (const [label, path] of pages) {
      await b.timed(path, 3); // first requests decide and cache the table protection
      const { ms } = await b.timed(path, 50);
      rows.push(`| ${label} | ${fmt(pct(ms, 50), 1)} ms | ${fmt(pct(ms, 95), 1)} ms |`);
    }
    log("Web: startpagina, doorvoer…");
    const concurrency = 16;
    const total = 3000;
    const perSecond = await b.throughput("/", total, concurrency);
    const browser = existsSync(DEFAULT_CHROMIUM) ? await browserLoad(b.url, g.name) : null;
    const { entries, logged } = await b.counts();
    return [
      "### Webapp",
      "",
      `Command: \`npm run bench -- --onderdelen web\`. Data: a copy of the \`landelijk\` demo store (${fmt(b.registrations)} registrations, ${b.gemeenten.length} gemeenten); the server over HTTP on this machine, a mayor of ${g.name} (${fmt(g.population ?? 0)} inhabitants, the largest) logged in through the forms, every page through the gate with a register entry (${fmt(entries)} written in this run), and the request log on (${fmt(logged)} lines, to a file, as the server writes it). Time from request to the last byte at the client, after three requests that fill the caches. The home page is Mijn beeld: the maandoverzicht of the last month and yesterday's dagrapport through the gate (this mayor logged in with a password only, so the dagrapport is refused; a refusal gives no register entry). Targets: any page ≤ 100 ms p95; the home page ≥ 300 requests/s.`,
      "",
      "| page | median | p95 |",
      "|---|---:|---:|",
      ...rows,
      "",
      `Home page throughput: ${fmt(perSecond)} requests/s (${fmt(total)} requests, ${concurrency} at a time over kept-alive connections, one session, from a load client in a separate process, so the client's work does not run on the server's event loop; both share the machine's cores).`,
      "",
      browser
        ? `Home page in the browser (Chromium, headless, logged in, stylesheets cached after the first load): complete (load event) after ${fmt(browser.median, 0)} ms median, ${fmt(browser.p95, 0)} ms p95 over ${browser.n} loads. Target ≤ 1 s.`
        : "Home page in the browser: not measured (no Chromium).",
    ].join("\n");
  } finally {
    await b.close();
  }
}
