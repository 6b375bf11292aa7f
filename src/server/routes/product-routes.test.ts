// The product pages and downloads of the web app on the fixed demo, through the real gate, as the
// demo's mayor and teamchef logged in with a password: each page and file is the product the engine
// makes (a register entry each), another gemeente is refused, and bad input gets a clear page.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PURPOSE } from "../../disclosure/access-spec.ts";
import { CATALOG, productById } from "../../products/catalog.ts";
import { parsePeriod } from "../../products/product-period.ts";
import { PRODUCT_DEMO, runAs } from "../../products/test-products.ts";
import { productViewHtml } from "../../render/product/product-view.tsx";
import { issueApiToken } from "../auth/api-token.ts";
import { TEST_API_KEY, TestBrowser } from "../test-access.ts";
import { openProductTestApp, type ProductTestApp } from "./test-product-app.ts";

describe("products in the web app", () => {
  let w: ProductTestApp;
  let t: ProductTestApp["t"];
  let app: ProductTestApp["app"];
  let access: ProductTestApp["access"];
  let hasChromium = false;
  const fetch = (path: string, init?: RequestInit) => app.request(path, init);

  before(async () => {
    w = await openProductTestApp({ passwords: ["burgemeester", "teamchef"], pdf: true });
    ({ t, app, access } = w);
    hasChromium = w.pdf;
  });
  after(() => w?.close());

  const mayor = () => TestBrowser.as(fetch, t.userFor("burgemeester"), PURPOSE.burgemeester);
  const entries = async () => (await access.register.verify()).entries;

  it("lists every product of the catalog with a labelled form for area and period", async () => {
    const web = await mayor();
    assert.match(await (await web.request("/")).text(), /href="\/producten"/, "the home page links to it");
    const res = await web.request("/producten");
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const def of CATALOG) {
      assert.ok(html.includes(`id="product-${def.id}"`), def.id);
      assert.match(html, new RegExp(`<label class="utrecht-form-label" for="gebied-${def.id}">`));
      assert.match(html, new RegExp(`<label class="utrecht-form-label" for="periode-${def.id}">`));
    }
    // The mayor's own gemeente is filled in; the monthly products default to the last full month.
    assert.match(html, new RegExp(`id="gebied-maandoverzicht" name="gebied" value="${t.gemeenten[0]}"`));
    assert.match(html, /id="periode-maandoverzicht" name="periode" value="2026-10"/);
  });

  it("shows a product as a page: the engine's markup, downloads, and one register entry", async () => {
    const web = await mayor();
    const before = await entries();
    const res = await web.request(`/producten/maandoverzicht?gebied=${t.gemeenten[0]}&periode=2026-09`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("Cache-Control"), "no-store");
    const html = await res.text();
    assert.equal(await entries(), before + 1);
    // The same product made directly, as the same user (its register number differs).
    const doc = await runAs(
      t,
      productById("maandoverzicht") as NonNullable<ReturnType<typeof productById>>,
      t.userFor("burgemeester"),
      PURPOSE.burgemeester,
      t.gemeenten[0],
      parsePeriod("2026-09"),
    );
    const expected = productViewHtml(doc).replace(/nummer \d+/, "nummer N");
    // The page is the product's markup with the downloads under its title.
    const downloads = /<nav aria-labelledby="downloads-kop" class="dh-downloads">.*?<\/nav>/s;
    assert.match(html, downloads);
    assert.ok(
      html
        .replace(downloads, "")
        .replace(/nummer \d+/, "nummer N")
        .includes(expected),
      "the page holds the product markup",
    );
    for (const f of ["pdf", "xlsx", "csv", "json", "html"]) assert.ok(html.includes(`formaat=${f}`), f);
    assert.ok(!html.includes("formaat=geojson"), "no map, no GeoJSON");
  });

  it("downloads each format as a file, each through the gate", async () => {
    const web = await mayor();
    const q = `gebied=${t.gemeenten[0]}&periode=2026-09`;
    const before = await entries();
    const xlsx = await web.request(`/producten/woninginbraakmonitor/bestand?${q}&formaat=xlsx`);
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get("Content-Type") ?? "", /spreadsheetml/);
    assert.match(
      xlsx.headers.get("Content-Disposition") ?? "",
      new RegExp(`attachment; filename="woninginbraakmonitor-${t.gemeenten[0]}-2026-09.xlsx"`),
    );
    assert.equal(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
      "PK",
    );
    const geo = await web.request(`/producten/woninginbraakmonitor/bestand?${q}&formaat=geojson`);
    assert.equal(geo.status, 200);
    const collection = JSON.parse(await geo.text());
    assert.equal(collection.type, "FeatureCollection");
    assert.ok(collection.features.length > 0);
    const json = JSON.parse(
      await (await web.request(`/producten/woninginbraakmonitor/bestand?${q}&formaat=json`)).text(),
    );
    assert.equal(json.product, "woninginbraakmonitor");
    assert.equal(json.area.code, t.gemeenten[0]);
    assert.equal(await entries(), before + 3);
    if (hasChromium) {
      const pdf = await web.request(`/producten/maandoverzicht/bestand?${q}&formaat=pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString("latin1"),
        "%PDF-",
      );
    }
  });

  it("refuses another gemeente's product, and makes no file of it", async () => {
    const web = await mayor();
    const before = await entries();
    const page = await web.request(`/producten/maandoverzicht?gebied=${t.gemeenten[1]}&periode=2026-09`);
    assert.equal(page.status, 403);
    assert.match(await page.text(), /Geen toegang/);
    const file = await web.request(
      `/producten/maandoverzicht/bestand?gebied=${t.gemeenten[1]}&periode=2026-09&formaat=csv`,
    );
    assert.equal(file.status, 403);
    assert.doesNotMatch(file.headers.get("Content-Type") ?? "", /csv/);
    assert.equal(await entries(), before, "a refusal is no disclosure");
  });

  it("explains bad input on a page: unknown product, period or format, and an empty form", async () => {
    const web = await mayor();
    const unknown = await web.request(`/producten/bestaat-niet?gebied=${t.gemeenten[0]}&periode=2026-09`);
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /Dit product kennen we niet/);
    const period = await web.request(`/producten/maandoverzicht?gebied=${t.gemeenten[0]}&periode=2026-13`);
    assert.equal(period.status, 400);
    assert.match(await period.text(), /Dit product kan zo niet worden gemaakt/);
    const format = await web.request(
      `/producten/maandoverzicht/bestand?gebied=${t.gemeenten[0]}&periode=2026-09&formaat=docx`,
    );
    assert.equal(format.status, 400);
    assert.match(await format.text(), /Dit formaat kennen we niet/);
    const form = await web.request("/producten/tabellenboek");
    assert.equal(form.status, 200);
    assert.match(await form.text(), /<form method="get" action="\/producten\/tabellenboek"/);
  });

  it("gives a product through the API (channel api): the document as JSON or a file, refused for another gemeente", async () => {
    const bearer = await issueApiToken(
      TEST_API_KEY,
      { user: t.userFor("burgemeester"), purpose: PURPOSE.burgemeester, seconds: 600 },
      PRODUCT_DEMO.now,
    );
    const get = (path: string) => app.request(path, { headers: { Authorization: `Bearer ${bearer}` } });
    const before = await entries();
    const json = await get(`/api/v1/producten/tabellenboek?gebied=${t.gemeenten[0]}&periode=2026-09`);
    assert.equal(json.status, 200);
    assert.equal(json.headers.get("API-Version"), "1.0.0");
    const doc = await json.json();
    assert.equal(doc.product, "tabellenboek");
    assert.equal(doc.disclosure.registerSeq, before + 1);
    const csv = await get(
      `/api/v1/producten/tabellenboek?gebied=${t.gemeenten[0]}&periode=2026-09&formaat=csv`,
    );
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("Content-Type") ?? "", /^text\/csv/);
    const other = await get(`/api/v1/producten/tabellenboek?gebied=${t.gemeenten[1]}&periode=2026-09`);
    assert.equal(other.status, 403);
    assert.match(other.headers.get("Content-Type") ?? "", /application\/problem\+json/);
    const bad = await get(`/api/v1/producten/tabellenboek?gebied=${t.gemeenten[0]}&periode=2026-13`);
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).title, "Ongeldige periode");
    assert.equal(
      (await app.request(`/api/v1/producten/tabellenboek?gebied=${t.gemeenten[0]}&periode=2026-09`)).status,
      401,
    );
    assert.equal(await entries(), before + 2);
  });

  it("answers nobody who is not logged in", async () => {
    for (const path of ["/producten", `/producten/maandoverzicht?gebied=${t.gemeenten[0]}&periode=2026-09`]) {
      const res = await app.request(path, { redirect: "manual" });
      assert.equal(res.status, 303, path);
      assert.match(res.headers.get("Location") ?? "", /^\/inloggen/);
    }
  });
});
