// The trends page on the fixed product demo, through the real gate, as the demo's mayor logged in
// with a password: the series is the store's registrations counted per month (counted here from
// the registrations themselves, not from the monthly counts the page reads), the verdict on the
// change agrees with an exact conditional test written here, another gemeente is refused, bad
// input gets a 400 naming the field, and an htmx request gets the same results section.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { PURPOSE } from "../../disclosure/access-spec.ts";
import { TestBrowser } from "../test-access.ts";
import { openProductTestApp, type ProductTestApp } from "./test-product-app.ts";

/** The rows of a table on the page (by the id of its caption): header cell and data cells as text. */
function tableRows(html: string, id: string): string[][] {
  const start = html.indexOf(`id="${id}-bijschrift"`);
  assert.ok(start >= 0, `table ${id} on the page`);
  const table = html.slice(start, html.indexOf("</table>", start));
  const body = table.slice(table.indexOf("<tbody"));
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) =>
    [...(m[1] ?? "").matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) =>
      (c[1] ?? "").replace(/<[^>]+>/g, "").trim(),
    ),
  );
}

const MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];
/** "maart 2025" -> 202503 */
const monthOf = (label: string) => {
  const [name, year] = label.split(" ");
  return Number(year) * 100 + MONTHS.indexOf(name ?? "") + 1;
};
/** "8.545" -> 8545 */
const num = (text: string) => Number(text.replace(/\./g, ""));

/**
 * Two-sided exact conditional test of two Poisson counts with equal exposure: k | n ~ Bin(n, 1/2),
 * p = the sum of the probabilities of all outcomes no more likely than k (R binom.test).
 */
function exactTwoSided(k: number, n: number): number {
  const logFact = [0];
  for (let i = 1; i <= n; i++) logFact.push((logFact[i - 1] as number) + Math.log(i));
  const logPmf = (x: number) =>
    (logFact[n] as number) - (logFact[x] as number) - (logFact[n - x] as number) + n * Math.log(0.5);
  const observed = logPmf(k);
  let p = 0;
  for (let x = 0; x <= n; x++) if (logPmf(x) <= observed + 1e-7) p += Math.exp(logPmf(x));
  return Math.min(1, p);
}

describe("the trends page", () => {
  let w: ProductTestApp;
  let t: ProductTestApp["t"];
  const fetch = (path: string, init?: RequestInit) => w.app.request(path, init);
  const mayor = () => TestBrowser.as(fetch, t.userFor("burgemeester"), PURPOSE.burgemeester);
  const entries = async () => (await w.access.register.verify()).entries;

  /** Registrations of an area per local month (of one INP type, or all with a type but `without`). */
  const counted = async (
    area: string,
    type?: string,
    level: "gemeente" | "wijk" = "gemeente",
    without: readonly string[] = [],
  ) => {
    const regs = await t.store.registrations({ area, level, fromDay: 19000101, toDay: 20261031 });
    const byMonth = new Map<number, number>();
    for (const r of regs) {
      if (r.inpCode === null || (type !== undefined && r.inpCode !== type) || without.includes(r.inpCode))
        continue;
      byMonth.set(r.local.month, (byMonth.get(r.local.month) ?? 0) + 1);
    }
    return byMonth;
  };
  /** The newest boundary year's areas of a level (code -> parent). */
  const areasOf = async (level: string) =>
    new Map(
      (await t.store.listAreas())
        .filter((a) => a.level === level)
        .sort((a, b) => a.year - b.year)
        .map((a) => [a.code, a.parent]),
    );
  /** The series table: month -> count, or null where withheld; months before any data left out. */
  const series = (html: string) =>
    new Map(
      tableRows(html, "trend-reeks")
        .filter(([, value]) => !/geen cijfers/.test(value as string))
        .map(([label, value]) => [
          monthOf(label as string),
          /afgeschermd/.test(value as string) ? null : num(value as string),
        ]),
    );

  before(async () => {
    w = await openProductTestApp({ passwords: ["burgemeester", "teamchef", "officier-van-justitie"] });
    t = w.t;
  });
  after(() => w?.close());

  it("shows the mayor's own gemeente by default: the last 36 months, each the registrations counted", async () => {
    const web = await mayor();
    const before = await entries();
    const res = await web.request("/trends");
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("Cache-Control"), "no-store");
    const html = await res.text();
    assert.equal(await entries(), before + 1, "one register entry per page");
    // The form: labelled fields, the own gemeente filled in, htmx on the form and its settings.
    assert.match(html, new RegExp(`id="trend-gebied" name="gebied" value="${t.gemeenten[0]}"`));
    for (const f of ["soort", "gebied", "van", "tot", "vergelijk"])
      assert.match(html, new RegExp(`<label class="utrecht-form-label" for="trend-${f}">`), f);
    assert.match(html, /id="trend-van" name="van" value="2023-11"/);
    assert.match(html, /id="trend-tot" name="tot" value="2026-10"/);
    assert.match(
      html,
      /hx-get="\/trends"[^>]*hx-select="#trend-resultaten"[^>]*hx-target="#trend-resultaten"/,
    );
    assert.match(html, /hx-push-url="true"/);
    assert.match(html, /<script src="\/static\/htmx.min.js" defer/);
    assert.match(
      html,
      /<head>.*<meta name="htmx-config" content="[^"]*&quot;includeIndicatorStyles&quot;:false.*<\/head>/s,
    );
    assert.match(html, /<svg[^>]*role="img"/, "the chart");
    // The area field suggests the mayor's own gemeente and its wijken, and no other gemeente.
    assert.match(html, /id="trend-gebied" name="gebied" [^>]*list="trend-gebied-keuzes"/);
    const choices = [
      ...(/<datalist id="trend-gebied-keuzes">(.*?)<\/datalist>/s.exec(html)?.[1] ?? "").matchAll(
        /<option value="([^"]+)">/g,
      ),
    ].map((m) => m[1]);
    const ownWijken = (await t.store.listAreas({ level: "wijk" })).filter((a) => a.parent === t.gemeenten[0]);
    assert.deepEqual([...choices].sort(), [t.gemeenten[0], ...new Set(ownWijken.map((a) => a.code))].sort());

    const rows = tableRows(html, "trend-reeks");
    assert.equal(rows.length, 36);
    const expected = await counted(t.gemeenten[0]);
    const first = Math.min(...expected.keys());
    let shown = 0;
    for (const [label, value] of rows) {
      const month = monthOf(label as string);
      if (month < Math.floor(first / 100) * 100 + 1) {
        assert.match(value as string, /geen cijfers/, label);
        continue;
      }
      // A withheld month says so; every other month is the count of registrations.
      if (/afgeschermd/.test(value as string)) continue;
      assert.equal(num(value as string), expected.get(month) ?? 0, label);
      shown++;
    }
    assert.ok(shown >= 20, `most months have a count (${shown})`);
  });

  it("counts one type, and its verdict on the change agrees with an exact test", async () => {
    const web = await mayor();
    const res = await web.request(`/trends?soort=1.1.1&van=2026-01&tot=2026-10&vergelijk=vorig-jaar`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const byMonth = await counted(t.gemeenten[0], "1.1.1");
    for (const [label, value] of tableRows(html, "trend-reeks"))
      if (!/afgeschermd/.test(value as string))
        assert.equal(num(value as string), byMonth.get(monthOf(label as string)) ?? 0, label);
    let now = 0;
    let earlier = 0;
    for (let m = 202601; m <= 202610; m++) {
      now += byMonth.get(m) ?? 0;
      earlier += byMonth.get(m - 100) ?? 0;
    }
    const change = tableRows(html, "trend-verandering");
    assert.deepEqual(
      change.map((r) => [r[1], num(r[2] as string)]),
      [
        ["januari t/m oktober 2026", now],
        ["januari t/m oktober 2025", earlier],
      ],
    );
    const p = exactTwoSided(now, now + earlier);
    const verdict = /<p class="utrecht-paragraph dh-trend-verdict">(.*?)<\/p>/s.exec(html)?.[1] ?? "";
    assert.ok(
      verdict.startsWith(
        `Het aantal registraties (diefstal/inbraak woning) ${now > earlier ? "steeg" : "daalde"}`,
      ),
      verdict,
    );
    if (p < 0.05) assert.match(verdict, /statistisch significant/, `p = ${p}`);
    else assert.match(verdict, /kan toeval zijn/, `p = ${p}`);
  });

  it("shows a wijk of the mayor's gemeente as its family decision lets through, and says which types a wijk shows", async () => {
    const web = await mayor();
    const gemeente = t.gemeenten[0];
    const wijken = [...(await areasOf("wijk")).entries()].filter(([, parent]) => parent === gemeente);
    // Types not given below the gemeente to a recipient outside the police (zeden): not in the total.
    const zeden: string[] = JSON.parse(readFileSync("config/tabelbeveiliging.json", "utf8")).zeden.inpCodes;
    assert.ok(wijken.length > 1, "the gemeente has wijken");
    // The wijk with the fewest registrations: its small counts are the ones protection is about.
    const totals = await Promise.all(
      wijken.map(async ([code]) => ({
        code,
        byMonth: await counted(code, undefined, "wijk", zeden),
      })),
    );
    totals.sort(
      (a, b) =>
        [...a.byMonth.values()].reduce((x, y) => x + y, 0) -
        [...b.byMonth.values()].reduce((x, y) => x + y, 0),
    );
    const wijk = totals.find((x) => x.byMonth.size > 0) ?? assert.fail("a wijk with registrations");
    const before = await entries();
    const res = await web.request(`/trends?gebied=${wijk.code}&van=2024-11&tot=2026-10`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.equal(await entries(), before + 1);
    const entry = JSON.parse(readFileSync(w.access.registerFile, "utf8").trim().split("\n").at(-1) ?? "{}");
    assert.deepEqual([entry?.what, entry?.areas, entry?.count], ["trends", [wijk.code], 24]);
    let shown = 0;
    for (const [month, value] of series(html)) {
      if (value === null) continue;
      assert.equal(value, wijk.byMonth.get(month) ?? 0, String(month));
      // The mayor gets table protection (minimum 5): no count from 1 to 4 is ever shown.
      assert.ok(value === 0 || value >= 5, `${month}: ${value}`);
      shown++;
    }
    assert.ok(shown > 0, "some months shown");
    assert.match(html, /Eén soort wordt voor u afgeschermd en telt niet mee in het totaal/);
    assert.match(html, /Vergelijken met andere gemeenten kan alleen voor een gemeente, niet voor een wijk/);

    // A type a wijk does not show: nothing of it, and the types that can be chosen named.
    const other = await (await web.request(`/trends?gebied=${wijk.code}&soort=2.5.1`)).text();
    assert.match(other, /Per wijk tonen we deze soort niet/);
    assert.match(other, /Per wijk kunt u kiezen uit alle soorten samen en [^<]*\(1\.1\.1\)/);
    assert.ok([...series(other).values()].every((v) => v === null));
    // A detail type (woninginbraak) is shown per wijk, as counted.
    const burglary = await counted(wijk.code, "1.1.1", "wijk");
    const detail = await (await web.request(`/trends?gebied=${wijk.code}&soort=1.1.1`)).text();
    assert.doesNotMatch(detail, /Per wijk tonen we deze soort niet/);
    for (const [month, value] of series(detail))
      if (value !== null) assert.equal(value, burglary.get(month) ?? 0, String(month));
  });

  it("shows a basisteam to its teamchef as the sum over its gemeenten, and refuses it to the mayor", async () => {
    const gemeenten = await areasOf("gemeente");
    const basisteam = gemeenten.get(t.gemeenten[0]) ?? assert.fail("the gemeente's basisteam");
    const members = [...gemeenten].filter(([, parent]) => parent === basisteam).map(([code]) => code);
    assert.ok(members.length >= 1);
    const sum = new Map<number, number>();
    for (const g of members)
      for (const [month, n] of await counted(g)) sum.set(month, (sum.get(month) ?? 0) + n);
    const teamchef = await TestBrowser.as(fetch, t.userFor("teamchef"), PURPOSE.teamchef);
    const res = await teamchef.request(`/trends?gebied=${basisteam}&van=2024-11&tot=2026-10`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const got = series(html);
    assert.ok(got.size >= 12, `months with data: ${got.size}`);
    // The police get aggregated figures without table protection: every month, the sum counted.
    for (const [month, value] of got) assert.equal(value, sum.get(month) ?? 0, String(month));
    assert.match(html, /zijn opgeteld over zijn gemeenten/);
    assert.match(
      html,
      /Vergelijken met andere gemeenten kan alleen voor een gemeente, niet voor een basisteam/,
    );

    const refused = await (await mayor()).request(`/trends?gebied=${basisteam}`);
    assert.equal(refused.status, 403);
  });

  it("withholds a police area's month when one of its gemeenten's is withheld", async () => {
    const gemeenten = await areasOf("gemeente");
    const parentOf = new Map((await t.store.listAreas()).map((a) => [a.code, a.parent]));
    /** The first parent up the chain (gemeente -> basisteam -> district -> eenheid) that is an eenheid. */
    const eenheden = await areasOf("eenheid");
    const up = (code: string): string | null => {
      for (let c = parentOf.get(code) ?? null, n = 0; c !== null && n < 10; c = parentOf.get(c) ?? null, n++)
        if (eenheden.has(c)) return c;
      return null;
    };
    const eenheid = up(t.gemeenten[0]) ?? assert.fail("the gemeente's eenheid");
    const members = [...gemeenten.keys()].filter((g) => up(g) === eenheid);
    assert.ok(members.length > 1, "an eenheid of several gemeenten");
    // The prosecutor (no police recipient: table protection) for the whole eenheid.
    const ovj = await TestBrowser.as(
      fetch,
      t.userFor("officier-van-justitie"),
      PURPOSE["officier-van-justitie"],
    );
    const shownOf: Record<string, number> = {};
    for (const type of ["", "1.1.1"]) {
      const byGemeente = await Promise.all(members.map((g) => counted(g, type || undefined)));
      const res = await ovj.request(`/trends?gebied=${eenheid}&soort=${type}&van=2024-11&tot=2026-10`);
      assert.equal(res.status, 200);
      shownOf[type] = 0;
      for (const [month, value] of series(await res.text())) {
        const parts = byGemeente.map((m) => m.get(month) ?? 0);
        // Shown only when every gemeente's count may be: none of them from 1 to 4.
        if (parts.some((n) => n > 0 && n < 5))
          assert.equal(value, null, `${type} ${month}: ${parts.join(", ")}`);
        if (value === null) continue;
        assert.equal(
          value,
          parts.reduce((a, b) => a + b, 0),
          `${type} ${month}`,
        );
        shownOf[type]++;
      }
    }
    assert.ok((shownOf[""] ?? 0) > 0, "the total is shown in some months");
  });

  it("refuses another gemeente: 403, no figures, no register entry", async () => {
    const web = await mayor();
    const before = await entries();
    const res = await web.request(`/trends?gebied=${t.gemeenten[1]}`);
    assert.equal(res.status, 403);
    const html = await res.text();
    assert.match(html, /Geen toegang/);
    assert.doesNotMatch(html, /trend-reeks|<svg/);
    assert.equal(await entries(), before);
  });

  it("answers bad input with 400 and a Dutch message naming the field", async () => {
    const web = await mayor();
    const before = await entries();
    const cases: [string, RegExp][] = [
      ["van=2026-05&tot=2026-01", /Van maand: mei 2026 ligt na januari 2026/],
      ["soort=9.9.9", /Soort: &quot;9.9.9&quot; is geen soort die we kennen/],
      ["tot=2026-13", /Tot en met maand: &quot;2026-13&quot; is geen maand/],
      ["tot=2026-11", /Tot en met maand: november 2026 is nog niet voorbij/],
      ["vergelijk=altijd", /Vergelijken met: kies/],
      ["gebied=GM0000", /Gebied: GM0000 kennen we niet/],
      ["gebied=1234", /Gebied: 1234 kennen we niet|Gebied: .* is een postcodegebied/],
    ];
    for (const [q, message] of cases) {
      const res = await web.request(`/trends?${q}`);
      assert.equal(res.status, 400, q);
      const html = await res.text();
      assert.match(html, message, q);
      assert.match(html, /role="alert"/, q);
      assert.match(html, /aria-invalid="true"/, q);
      assert.doesNotMatch(html, /trend-reeks/, q);
    }
    assert.equal(await entries(), before, "nothing disclosed");
  });

  it("gives an htmx request the same results section, without the page around it", async () => {
    const web = await mayor();
    const path = `/trends?soort=1.1.1&van=2025-06&tot=2026-10`;
    const full = await (await web.request(path)).text();
    const before = await entries();
    const res = await web.request(path, { headers: { "HX-Request": "true" } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("Cache-Control"), "no-store");
    const part = await res.text();
    assert.equal(await entries(), before + 1);
    const section = (html: string) => {
      const start = html.indexOf('<section id="trend-resultaten"');
      assert.ok(start >= 0);
      // The results section ends where the main element does.
      return html.slice(start, html.lastIndexOf("</section>", html.indexOf("</main>") >>> 0) + 10);
    };
    assert.ok(part.startsWith('<section id="trend-resultaten"'), part.slice(0, 80));
    assert.doesNotMatch(part, /<html|<form/);
    assert.equal(part, section(full));
    // A bad request through htmx: the message in the results section, still 400.
    const bad = await web.request("/trends?van=2026-05&tot=2026-01", { headers: { "HX-Request": "true" } });
    assert.equal(bad.status, 400);
    assert.match(
      await bad.text(),
      /^<section id="trend-resultaten".*Van maand: mei 2026 ligt na januari 2026/s,
    );
  });
});
