import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parseHTML } from "linkedom";
import type { DisclosureRequest } from "../disclosure/gate.ts";
import { formatCount } from "../render/format-nl.ts";
import type { Store } from "../store/store.ts";
import { createApp } from "./app.ts";
import { CONTENT_SECURITY_POLICY } from "./security-headers.ts";
import {
  openTestStore,
  TEST_GEMEENTE,
  TEST_GEMEENTE_NO_POPULATION,
  TEST_GEMEENTE_OLD,
  testRegistrations,
} from "./test-store.ts";

// A fixed clock: 15 April 2024, so the default month is March 2024.
const NOW = new Date("2024-04-15T10:00:00Z");

function dom(html: string) {
  return parseHTML(html).document;
}

describe("web app (DuckDB store in memory)", () => {
  let store: Store;
  const recorded: DisclosureRequest[] = [];
  let app: ReturnType<typeof createApp>;
  const registrations = testRegistrations();
  /** Independent count: registrations of a gemeente in a month, straight from the generated list. */
  const countIn = (gemeente: string, month: number) =>
    registrations.filter((r) => r.placement.gemeente === gemeente && r.local.month === month).length;

  before(async () => {
    store = await openTestStore(registrations);
    app = createApp({
      store,
      now: () => NOW,
      gate: {
        record: async (request) => {
          recorded.push(request);
        },
      },
    });
  });
  after(async () => {
    await store.close();
  });

  it("GET /health answers ok", async () => {
    const res = await app.request("/health");
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: "ok" });
  });

  it("sets the security headers on every response", async () => {
    for (const path of ["/health", "/", "/gemeenten/GM9999/maandcijfers", "/static/driehoek.css"]) {
      const res = await app.request(path);
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      assert.equal(csp, CONTENT_SECURITY_POLICY, path);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.equal(res.headers.get("X-Content-Type-Options"), "nosniff");
      assert.equal(res.headers.get("Referrer-Policy"), "no-referrer");
    }
  });

  it("GET / lists the gemeenten of the newest boundary year, each linking to its page", async () => {
    const res = await app.request("/");
    assert.equal(res.status, 200);
    const doc = dom(await res.text());
    const links = [...doc.querySelectorAll("main a")].map((a) => [a.textContent, a.getAttribute("href")]);
    assert.deepEqual(links, [
      [TEST_GEMEENTE_NO_POPULATION.name, `/gemeenten/${TEST_GEMEENTE_NO_POPULATION.code}/maandcijfers`],
      [TEST_GEMEENTE.name, `/gemeenten/${TEST_GEMEENTE.code}/maandcijfers`],
    ]);
    assert.ok(!doc.body.textContent?.includes(TEST_GEMEENTE_OLD.name));
  });

  it("shows the last complete month by default, with numbers from the store", async () => {
    recorded.length = 0;
    const res = await app.request(`/gemeenten/${TEST_GEMEENTE.code}/maandcijfers`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("Content-Type") ?? "", /text\/html/);
    assert.equal(res.headers.get("Cache-Control"), "no-store");
    const html = await res.text();
    const doc = dom(html);
    assert.equal(doc.documentElement.getAttribute("lang"), "nl");
    const h1s = doc.querySelectorAll("h1");
    assert.equal(h1s.length, 1);
    assert.equal(h1s[0]?.textContent?.trim(), "Maandcijfers Voorbeeldstad: maart 2024");

    // The totals row against an independent count of the generated registrations.
    const totalRow = doc.querySelector("tfoot tr");
    const cells = [...(totalRow?.querySelectorAll("td") ?? [])].map((td) => td.textContent?.trim());
    const march24 = countIn(TEST_GEMEENTE.code, 202403);
    const march23 = countIn(TEST_GEMEENTE.code, 202303);
    assert.equal(cells[0], formatCount(march24));
    assert.equal(cells[1], formatCount(march23));
    const ytd = [202401, 202402, 202403].reduce((s, m) => s + countIn(TEST_GEMEENTE.code, m), 0);
    assert.equal(cells[4], formatCount(ytd));
    const last12 = [
      202304, 202305, 202306, 202307, 202308, 202309, 202310, 202311, 202312, 202401, 202402, 202403,
    ]
      .map((m) => countIn(TEST_GEMEENTE.code, m))
      .reduce((a, b) => a + b, 0);
    assert.equal(cells[8], formatCount(last12));
    assert.equal(
      cells[9],
      new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        (last12 / TEST_GEMEENTE.population) * 1000,
      ),
    );
    assert.ok(html.includes(`registreerde de politie ${formatCount(march24)} misdrijven en`));

    // Every read went through the gate; the figures as "maandcijfers", aggregated.
    const figures = recorded.filter((r) => r.what === "maandcijfers");
    assert.equal(figures.length, 1);
    assert.deepEqual(figures[0], {
      requester: { user: "lokaal", roles: [], organisation: null },
      purpose: null,
      what: "maandcijfers",
      areas: [TEST_GEMEENTE.code],
      period: "2023-01/2024-03",
      sensitivity: "aggregated",
    });
    assert.ok(recorded.some((r) => r.what === "gemeenten"));
  });

  it("has the page structure: skip link, landmarks, form label, captions, scopes, charts", async () => {
    const res = await app.request(`/gemeenten/${TEST_GEMEENTE.code}/maandcijfers?maand=2024-02`);
    const html = await res.text();
    const doc = dom(html);
    const skip = doc.querySelector("a.utrecht-skip-link");
    assert.equal(skip?.getAttribute("href"), "#inhoud");
    assert.ok(doc.querySelector("main#inhoud"));
    assert.ok(doc.querySelector("header"));
    assert.ok(doc.querySelector("footer"));
    assert.ok(doc.querySelector("nav[aria-label]"));
    const input = doc.querySelector("input#maand");
    assert.equal(input?.getAttribute("value"), "2024-02");
    assert.equal(doc.querySelector("label[for=maand]")?.textContent?.trim(), "Maand");
    assert.equal(
      doc.querySelector("a[rel=prev]")?.getAttribute("href"),
      "/gemeenten/GM9001/maandcijfers?maand=2024-01",
    );
    assert.equal(
      doc.querySelector("a[rel=next]")?.getAttribute("href"),
      "/gemeenten/GM9001/maandcijfers?maand=2024-03",
    );

    const tables = [...doc.querySelectorAll("table")];
    assert.equal(tables.length, 3);
    for (const t of tables) assert.ok(t.querySelector("caption")?.textContent?.trim(), "caption");
    for (const th of doc.querySelectorAll("th")) {
      assert.ok(
        ["col", "row", "colgroup", "rowgroup"].includes(th.getAttribute("scope") ?? ""),
        th.outerHTML,
      );
    }
    const svgs = [...doc.querySelectorAll("svg")];
    assert.equal(svgs.length, 2);
    for (const svg of svgs) {
      assert.equal(svg.getAttribute("role"), "img");
      assert.ok(svg.querySelector("title")?.textContent);
    }
    // Nothing the CSP would block, nothing that runs.
    assert.doesNotMatch(html, /<script|<style|\sstyle=|\son[a-z]+=/i);
    assert.equal(doc.querySelectorAll("link[rel=stylesheet]").length, 3);
    assert.equal(doc.body.getAttribute("class")?.split(" ").includes("voorbeeld-theme"), true);
  });

  it("has no next-month link for the last complete month, and warns for the running month", async () => {
    const march = dom(await (await app.request("/gemeenten/GM9001/maandcijfers?maand=2024-03")).text());
    assert.equal(march.querySelector("a[rel=next]"), null);
    assert.equal(march.querySelector("[role=status]"), null);
    const april = await app.request("/gemeenten/GM9001/maandcijfers?maand=2024-04");
    assert.equal(april.status, 200);
    assert.match(await april.text(), /Deze maand is nog niet voorbij/);
  });

  it("leaves out the rate per 1,000 when the population is unknown", async () => {
    const res = await app.request(
      `/gemeenten/${TEST_GEMEENTE_NO_POPULATION.code}/maandcijfers?maand=2024-03`,
    );
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(!html.includes("Per 1.000 inwoners</th>"));
    assert.match(html, /Het aantal inwoners is niet bekend/);
  });

  it("says so when a month has no registrations", async () => {
    const res = await app.request(`/gemeenten/${TEST_GEMEENTE.code}/maandcijfers?maand=2021-06`);
    assert.equal(res.status, 200);
    const doc = dom(await res.text());
    assert.match(doc.querySelector("main")?.textContent ?? "", /zijn er geen registraties/);
    assert.equal(doc.querySelectorAll("table").length, 0);
  });

  it("answers 400 in Dutch for a bad or future month", async () => {
    for (const maand of ["2024-13", "maart", "2024-3", "202403", "1800-01", "2024-03-01"]) {
      const res = await app.request(`/gemeenten/GM9001/maandcijfers?maand=${encodeURIComponent(maand)}`);
      assert.equal(res.status, 400, maand);
      const doc = dom(await res.text());
      assert.equal(doc.querySelector("h1")?.textContent, "Deze maand klopt niet");
      assert.match(doc.querySelector("main")?.textContent ?? "", /bijvoorbeeld 2024-03/);
    }
    const future = await app.request("/gemeenten/GM9001/maandcijfers?maand=2024-05");
    assert.equal(future.status, 400);
    assert.match(await future.text(), /nog niet begonnen/);
  });

  it("answers 404 in Dutch for an unknown gemeente, an old one and a malformed code", async () => {
    for (const code of ["GM9999", TEST_GEMEENTE_OLD.code, "xyz", "GM12345"]) {
      const res = await app.request(`/gemeenten/${code}/maandcijfers`);
      if (code === TEST_GEMEENTE_OLD.code) {
        // Only in an older boundary year: still found (its page shows its registrations, none here).
        assert.equal(res.status, 200, code);
        continue;
      }
      assert.equal(res.status, 404, code);
      const doc = dom(await res.text());
      assert.equal(doc.documentElement.getAttribute("lang"), "nl");
      assert.equal(doc.querySelector("h1")?.textContent, "Deze gemeente kennen we niet");
    }
    const other = await app.request("/bestaat/niet");
    assert.equal(other.status, 404);
    assert.match(await other.text(), /Deze pagina bestaat niet/);
  });

  it("serves the stylesheets, and nothing else from disk", async () => {
    for (const name of ["utrecht.css", "voorbeeld-theme.css", "driehoek.css"]) {
      const res = await app.request(`/static/${name}`);
      assert.equal(res.status, 200, name);
      assert.equal(res.headers.get("Content-Type"), "text/css; charset=utf-8");
      assert.ok((await res.text()).length > 100);
    }
    const theme = await (await app.request("/static/voorbeeld-theme.css")).text();
    assert.match(theme, /\.voorbeeld-theme\s*\{/);
    for (const path of [
      "/static/../package.json",
      "/static/%2e%2e%2fpackage.json",
      "/static/index.css",
      "/static/",
    ]) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
    }
  });

  it("escapes names from the store", async () => {
    await store.importAreas([
      {
        code: "GM9004",
        level: "gemeente",
        year: 2024,
        name: `<script>alert("x")</script>`,
        parent: null,
        wgs84: null,
        rd: null,
      },
    ]);
    const list = await (await app.request("/")).text();
    assert.ok(!list.includes("<script>"));
    assert.ok(list.includes("&lt;script&gt;"));
    const page = await (await app.request("/gemeenten/GM9004/maandcijfers")).text();
    assert.ok(!page.includes("<script>"));
  });
});
