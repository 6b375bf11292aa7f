// The Kaart on the fixed product demo, through the real gate: the mayor's choropleth counts equal
// an independent count of the store's registrations, per 1,000 is count / population × 1,000,
// small counts are withheld as the product pages withhold them, another gemeente is refused, the
// incidents layer is for the police and not for the mayor, and bad input gets a 400 that names
// the field.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { DOMParser } from "linkedom";
import { PURPOSE } from "../../disclosure/access-spec.ts";
import { productById } from "../../products/catalog.ts";
import { parsePeriod } from "../../products/product-period.ts";
import { loadExtra, PRODUCT_DEMO, runAs } from "../../products/test-products.ts";
import { base32Decode, hotp, newTotpSecret, totpStep } from "../auth/totp.ts";
import { TestBrowser } from "../test-access.ts";
import { openProductTestApp, type ProductTestApp } from "./test-product-app.ts";

const dom = (html: string) => new DOMParser().parseFromString(html, "text/html") as unknown as Document;

interface Row {
  code: string;
  count: number | null;
  per1000: number | null;
  population: string;
}

function tableRows(html: string): Row[] {
  return [...dom(html).querySelectorAll("#kaart-tabel tbody tr")].map((tr) => {
    const cells = [...tr.querySelectorAll("td")];
    const count = cells[2]?.getAttribute("data-aantal") ?? "";
    const per = cells[3]?.getAttribute("data-per1000") ?? "";
    return {
      code: tr.getAttribute("data-code") ?? "",
      count: count === "" ? null : Number(count),
      per1000: per === "" ? null : Number(per),
      population: cells[1]?.textContent ?? "",
    };
  });
}

describe("the Kaart in the web app", () => {
  let w: ProductTestApp;
  let t: ProductTestApp["t"];
  const fetch = (path: string, init?: RequestInit) => w.app.request(path, init);
  const entries = async () => (await w.access.register.verify()).entries;

  /** The teamchef logged in with a second factor (single registrations need it: config/beveiliging.json). */
  let strongTeamchef: TestBrowser;
  /** Types left out below the gemeente for recipients outside the police (config/tabelbeveiliging.json). */
  let zeden: string[];

  before(async () => {
    w = await openProductTestApp({ passwords: ["burgemeester", "teamchef"] });
    t = w.t;
    zeden = JSON.parse(readFileSync("config/tabelbeveiliging.json", "utf8")).zeden.inpCodes;
    const secret = newTotpSecret();
    const user = await t.store.user(t.userFor("teamchef"));
    assert.ok(user);
    await t.store.saveUser({ ...user, totpSecret: secret });
    strongTeamchef = new TestBrowser(fetch);
    assert.equal((await strongTeamchef.login(user.id)).status, 303);
    const code = hotp(base32Decode(secret), totpStep(PRODUCT_DEMO.now));
    assert.equal((await strongTeamchef.submit("/inloggen/code", "/inloggen/code", { code })).status, 303);
    assert.equal((await strongTeamchef.choosePurpose(PURPOSE.teamchef)).status, 303);
  });
  after(() => w?.close());

  const mayor = () => TestBrowser.as(fetch, t.userFor("burgemeester"), PURPOSE.burgemeester);
  const teamchef = async () => strongTeamchef;

  /** Registrations per buurt (or wijk) of the gemeente in September 2026, counted here from the store. */
  async function independentCounts(level: "wijk" | "buurt", inpPrefix = "", without: readonly string[] = []) {
    const regs = await t.store.registrations({
      area: t.gemeenten[0],
      level: "gemeente",
      fromDay: 20260901,
      toDay: 20260930,
    });
    const out = new Map<string, number>();
    for (const r of regs) {
      if (!(r.inpCode ?? "").startsWith(inpPrefix) || without.includes(r.inpCode ?? "")) continue;
      const code = level === "wijk" ? r.placement.wijk : r.placement.buurt;
      if (code) out.set(code, (out.get(code) ?? 0) + 1);
    }
    return out;
  }

  it("gives the police (no table protection) per wijk exactly the registrations counted from the store, one register entry", async () => {
    const web = await teamchef();
    const before = await entries();
    const res = await web.request(`/kaart?gebied=${t.gemeenten[0]}&niveau=wijk&periode=2026-09`);
    assert.equal(res.status, 200);
    assert.equal(await entries(), before + 1);
    const html = await res.text();
    const rows = tableRows(html);
    const expected = await independentCounts("wijk");
    assert.ok(rows.length > 5, "the wijken of the gemeente");
    for (const r of rows) assert.equal(r.count, expected.get(r.code) ?? 0, r.code);
    assert.match(html, /<svg[^>]*class="dh-map dh-kaart-svg"[^>]*role="img"/);
    assert.match(html, /<script src="\/static\/kaart.js" defer/);
  });

  it("gives the mayor her buurten: shown counts equal the store's, the others withheld as the tabellenboek withholds them", async () => {
    const web = await mayor();
    const res = await web.request(`/kaart?gebied=${t.gemeenten[0]}&niveau=buurt&periode=2026-09`);
    assert.equal(res.status, 200);
    const rows = tableRows(await res.text());
    // Below the gemeente the mayor's totals leave out sexual offences (config/tabelbeveiliging.json).
    const expected = await independentCounts("buurt", "", zeden);
    const shown = rows.filter((r) => r.count !== null);
    assert.ok(shown.length > 10, "most buurten are shown");
    for (const r of shown) assert.equal(r.count, expected.get(r.code) ?? 0, r.code);
    // The tabellenboek's buurt table for the same month, made by the engine for the same mayor.
    const doc = await runAs(
      t,
      productById("tabellenboek") as NonNullable<ReturnType<typeof productById>>,
      t.userFor("burgemeester"),
      PURPOSE.burgemeester,
      t.gemeenten[0],
      parsePeriod("2026-09"),
    );
    const table = doc.sections.flatMap((s) => s.blocks).find((b) => b.kind === "table" && b.id === "buurten");
    assert.ok(table && table.kind === "table");
    const cellOf = new Map<string, unknown>();
    for (const row of table.rows) {
      cellOf.set(String(row.cells.code), row.cells.m202609);
    }
    let compared = 0;
    for (const r of rows) {
      if (!cellOf.has(r.code)) continue;
      const cell = cellOf.get(r.code);
      const withheld = typeof cell === "object" && cell !== null;
      assert.equal(r.count === null, withheld, `${r.code}: the same cells are withheld`);
      if (!withheld) assert.equal(r.count, cell, r.code);
      compared++;
    }
    assert.ok(compared > 10, `compared ${compared} buurten with the tabellenboek`);
    // Small counts never shown: a shown buurt count is 0 or at least the minimum (5).
    for (const r of shown) assert.ok(r.count === 0 || (r.count as number) >= 5, `${r.code}: ${r.count}`);
  });

  it("withholds for the mayor a type the family shows not per buurt, but the police get it", async () => {
    const soort = "1.2.3"; // fietsendiefstal: shown per gemeente, not per buurt
    const mayorRows = tableRows(
      await (
        await (
          await mayor()
        ).request(`/kaart?gebied=${t.gemeenten[0]}&niveau=buurt&soort=${soort}&periode=2026-09`)
      ).text(),
    );
    assert.ok(mayorRows.length > 0);
    assert.ok(
      mayorRows.every((r) => r.count === null),
      "every buurt withheld for the mayor",
    );
    const policeRows = tableRows(
      await (
        await (
          await teamchef()
        ).request(`/kaart?gebied=${t.gemeenten[0]}&niveau=buurt&soort=${soort}&periode=2026-09`)
      ).text(),
    );
    const expected = await independentCounts("buurt", soort);
    for (const r of policeRows) assert.equal(r.count, expected.get(r.code) ?? 0, r.code);
  });

  it("computes per 1,000 inhabitants as count / population × 1,000", async () => {
    const web = await teamchef();
    const res = await web.request(
      `/kaart?gebied=${t.gemeenten[0]}&niveau=wijk&periode=2026-09&maat=per-1000`,
    );
    const rows = tableRows(await res.text());
    const areas = await t.store.listAreas({ level: "wijk" });
    let checked = 0;
    for (const r of rows) {
      const population = areas.find((a) => a.code === r.code)?.population ?? null;
      if (r.count === null || population === null || population === 0) {
        assert.equal(r.per1000, null);
        continue;
      }
      assert.ok(Math.abs((r.per1000 as number) - (r.count / population) * 1000) <= 0.05, r.code);
      checked++;
    }
    assert.ok(checked > 5);
  });

  it("serves the same figures as GeoJSON (application/geo+json) with the mayor's protection", async () => {
    const web = await mayor();
    const q = `gebied=${t.gemeenten[0]}&niveau=buurt&periode=2026-09`;
    const before = await entries();
    const res = await web.request(`/kaart/gegevens?${q}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("Content-Type") ?? "", /^application\/geo\+json/);
    assert.equal(await entries(), before + 1);
    const fc = JSON.parse(await res.text());
    assert.equal(fc.type, "FeatureCollection");
    const rows = tableRows(await (await web.request(`/kaart?${q}`)).text());
    assert.equal(fc.features.length, rows.length);
    for (const f of fc.features) {
      const row = rows.find((r) => r.code === f.properties.code);
      assert.ok(row, f.properties.code);
      assert.equal(f.properties.aantal, row.count, f.properties.code);
      assert.ok(["MultiPolygon"].includes(f.geometry.type));
      for (const key of ["code", "naam", "aantal", "per1000", "klasse", "gi-klasse"])
        assert.ok(key in f.properties, key);
    }
    // A type not shown per buurt: null in the data as on the page.
    const fietsen = JSON.parse(await (await web.request(`/kaart/gegevens?${q}&soort=1.2.3`)).text());
    assert.ok(fietsen.features.length > 0);
    for (const f of fietsen.features) {
      assert.equal(f.properties.aantal, null, f.properties.code);
      assert.equal(f.properties.per1000, null, f.properties.code);
      assert.equal(f.properties.klasse, null, f.properties.code);
    }
  });

  it("refuses another gemeente, on the page and as data, without a register entry", async () => {
    const web = await mayor();
    const before = await entries();
    const page = await web.request(`/kaart?gebied=${t.gemeenten[1]}&niveau=wijk&periode=2026-09`);
    assert.equal(page.status, 403);
    assert.match(await page.text(), /Geen toegang/);
    const data = await web.request(`/kaart/gegevens?gebied=${t.gemeenten[1]}&niveau=wijk&periode=2026-09`);
    assert.equal(data.status, 403);
    assert.doesNotMatch(data.headers.get("Content-Type") ?? "", /geo\+json/);
    assert.equal(await entries(), before);
  });

  it("gives the incidents layer to the teamchef, and not to the mayor (the gate decides)", async () => {
    const q = `gebied=${t.gemeenten[0]}&niveau=buurt&periode=2026-09&soort=1.1.1&incidenten=ja`;
    const police = await teamchef();
    const before = await entries();
    const res = await police.request(`/kaart?${q}`);
    assert.equal(res.status, 200);
    assert.equal(await entries(), before + 2, "the figures and the single registrations, each registered");
    const doc = dom(await res.text());
    const table = doc.querySelector("#kaart-incidenten-tabel");
    assert.ok(table, "the incidents table");
    const regs = await t.store.registrations({
      area: t.gemeenten[0],
      level: "gemeente",
      fromDay: 20260901,
      toDay: 20260930,
      inpCodes: ["1.1.1"],
    });
    const perBuurt = new Map<string, number>();
    for (const r of regs)
      if (r.placement.buurt) perBuurt.set(r.placement.buurt, (perBuurt.get(r.placement.buurt) ?? 0) + 1);
    const shown = [...(table?.querySelectorAll("tbody tr") ?? [])].map((tr) => [
      tr.querySelectorAll("td")[0]?.textContent,
      Number(tr.querySelectorAll("td")[1]?.textContent),
    ]);
    assert.equal(shown.length, perBuurt.size);
    for (const [code, n] of shown) assert.equal(n, perBuurt.get(String(code)), String(code));

    const web = await mayor();
    const beforeMayor = await entries();
    const m = await web.request(`/kaart?${q}`);
    assert.equal(m.status, 200, "the map itself is still given");
    const html = await m.text();
    assert.equal(dom(html).querySelector("#kaart-incidenten-tabel"), null, "no incidents for the mayor");
    assert.match(html, /Losse registraties krijgt u niet/);
    assert.equal(await entries(), beforeMayor + 1, "only the figures are registered");
  });

  it("gives the interactive map the same incidents as GeoJSON points, to the teamchef only", async () => {
    const q = `gebied=${t.gemeenten[0]}&niveau=buurt&periode=2026-09&soort=1.1.1`;
    const police = await teamchef();
    const page = dom(await (await police.request(`/kaart?${q}&incidenten=ja`)).text());
    const href = page.querySelector("#dh-kaart-interactief")?.getAttribute("data-incidenten") ?? "";
    assert.match(href, /^\/kaart\/incidenten\?/, "the page points the map to the layer");
    const table = [...(page.querySelectorAll("#kaart-incidenten-tabel tbody tr") ?? [])].map((tr) => [
      tr.querySelectorAll("td")[0]?.textContent ?? "",
      Number(tr.querySelectorAll("td")[1]?.textContent),
    ]);
    const before = await entries();
    const res = await police.request(href);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("Content-Type") ?? "", /^application\/geo\+json/);
    assert.equal(await entries(), before + 1, "a disclosure of its own");
    const data = await res.json();
    const points = data.features.map((f: { properties: { code: string; aantal: number } }) => [
      f.properties.code,
      f.properties.aantal,
    ]);
    assert.deepEqual(
      [...points].sort(),
      [...table].sort(),
      "the same buurten and counts as the page's table",
    );
    // Each point is its buurt's centre in WGS84 (in the Netherlands), never an address.
    for (const f of data.features) {
      const [lon, lat] = f.geometry.coordinates;
      assert.ok(lon > 3 && lon < 8 && lat > 50 && lat < 54, `${lon}, ${lat}`);
      assert.deepEqual(Object.keys(f.properties).sort(), ["aantal", "code", "naam"]);
    }

    const web = await mayor();
    const mayorPage = dom(await (await web.request(`/kaart?${q}&incidenten=ja`)).text());
    assert.equal(mayorPage.querySelector("#dh-kaart-interactief")?.getAttribute("data-incidenten"), "");
    const beforeMayor = await entries();
    const refused = await web.request(`/kaart/incidenten?${q}`);
    assert.equal(refused.status, 403);
    assert.match(refused.headers.get("Content-Type") ?? "", /^application\/problem\+json/);
    assert.match((await refused.json()).detail, /Losse registraties krijgt u niet/);
    assert.equal(await entries(), beforeMayor, "nothing disclosed");
  });

  it("explains bad input with a 400 that names the field, on the page and as data", async () => {
    const web = await mayor();
    const g = t.gemeenten[0];
    const cases: [string, RegExp][] = [
      [`gebied=${g}&niveau=provincie&periode=2026-09`, /Niveau/],
      [`gebied=${g}&niveau=wijk&periode=2026-13`, /Periode/],
      [`gebied=${g}&niveau=wijk&periode=2026-W36`, /Periode/],
      [`gebied=${g}&niveau=wijk&periode=2027-01`, /Periode/],
      [`gebied=${g}&niveau=wijk&periode=2026-09&soort=9.9.9`, /Soort/],
      [`gebied=${g}&niveau=wijk&periode=2026-09&maat=procent`, /Maat/],
      [`gebied=XX12&niveau=wijk&periode=2026-09`, /Gemeente/],
      [`gebied=GM9999&niveau=wijk&periode=2026-09`, /Gemeente/],
    ];
    const before = await entries();
    for (const [q, field] of cases) {
      const page = await web.request(`/kaart?${q}`);
      assert.equal(page.status, 400, q);
      const html = await page.text();
      assert.match(html, /Deze kaart kan zo niet worden gemaakt/, q);
      assert.match(dom(html).querySelector("[role=alert]")?.textContent ?? "", field, q);
      const data = await web.request(`/kaart/gegevens?${q}`);
      assert.equal(data.status, 400, q);
      assert.match((await data.json()).detail, field, q);
    }
    assert.equal(await entries(), before, "nothing disclosed");
  });

  it("shows a form with labels and fieldsets, and answers nobody who is not logged in", async () => {
    const web = await mayor();
    const res = await web.request("/kaart");
    assert.equal(res.status, 200);
    const doc = dom(await res.text());
    for (const id of [
      "kaart-gebied",
      "kaart-soort",
      "kaart-periode",
      "kaart-niveau-buurt",
      "kaart-maat-per-1000",
    ])
      assert.ok(doc.querySelector(`label[for="${id}"]`), id);
    assert.deepEqual(
      [...doc.querySelectorAll("fieldset legend")].map((l) => l.textContent),
      ["Niveau", "Maat", "Extra laag"],
    );
    assert.equal(
      (doc.querySelector("#kaart-gebied") as HTMLInputElement | null)?.getAttribute("value"),
      t.gemeenten[0],
    );
    const anon = await fetch(`/kaart?gebied=${t.gemeenten[0]}&niveau=wijk&periode=2026-09`, {
      redirect: "manual",
    });
    assert.equal(anon.status, 303);
    const anonData = await fetch(`/kaart/gegevens?gebied=${t.gemeenten[0]}&niveau=wijk&periode=2026-09`, {
      redirect: "manual",
    });
    assert.equal(anonData.status, 303);
  });

  it("keeps the density layer of a read, and makes it again after a delivery brings registrations", async () => {
    const web = await teamchef();
    const path = `/kaart?gebied=${t.gemeenten[0]}&niveau=wijk&periode=2026-09&soort=1.1.1`;
    const density = async () => {
      const html = await (await web.request(path)).text();
      const table = /<table[^>]*id="kaart-dichtheid-tabel".*?<\/table>/s.exec(html)?.[0] ?? "";
      assert.ok(table, "a density table");
      return table;
    };
    const first = await density();
    assert.equal(await density(), first, "the same read gives the same layer");
    // Every burglary of September registered once more at the same place: twice the density.
    const regs = await t.store.registrations({
      area: t.gemeenten[0],
      level: "gemeente",
      fromDay: 20260901,
      toDay: 20260930,
      inpCodes: ["1.1.1"],
    });
    const extra = regs.filter((r) => r.x !== null).map((r) => ({ ...r, sourceId: `${r.sourceId}-nogmaals` }));
    assert.ok(extra.length > 0);
    await loadExtra(t.store, "kaart-extra", extra);
    const after = await density();
    assert.notEqual(after, first, "a new read, a new layer");
    // With every point doubled, more cells reach the threshold of one registration's peak.
    const cells = (table: string) =>
      [...table.matchAll(/<td class="[^"]*">(\d+)<\/td>/g)].reduce((n, m) => n + Number(m[1]), 0);
    assert.ok(cells(after) > cells(first), `${cells(after)} > ${cells(first)} cells`);
  });
});
