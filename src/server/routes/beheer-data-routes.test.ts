import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { testAgreement } from "../../agreements/test-agreements.ts";
import { ingestFile } from "../../ingest/ingest-file.ts";
import type { Store } from "../../store/store.ts";
import { type AppDeps, createApp } from "../app.ts";
import { addWebTestAccounts, openTestGate, TEST_API_KEY, TestBrowser } from "../test-access.ts";
import { openTestStore } from "../test-store.ts";
import type { BeheerDataDeps } from "./beheer-data-routes.tsx";
import { createJobRegistry, percentDone } from "./import-jobs.ts";
import type { ImportOutcome } from "./import-jobs-work.ts";

// 23 November 2026, 10:00 in the Netherlands.
const NOW = new Date("2026-11-23T09:00:00Z");
const HEADER = "registratienummer;inp_code;pleegdatum_begin;x;y";
/** Two good rows and one with a date that does not exist (and a name in it: content). */
const WITH_BAD_ROW = `${HEADER}\nB1;1.1.1;2026-10-01 10:00;121500;487500\nB2;1.1.1;2026-02-31 10:00;121500;487500 Jan de Vries\nB3;1.4.5;2026-10-02 22:00;121600;487600\n`;
const CORRECTED = `${HEADER}\nB1;1.1.1;2026-10-01 10:00;121500;487500\nB2;1.1.1;2026-02-28 10:00;121500;487500\nB3;1.4.5;2026-10-02 22:00;121600;487600\n`;

function dom(html: string) {
  return parseHTML(html).document;
}

describe("beheer pages for agreements, deliveries and imports (DuckDB store in memory)", () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  /** Times the app said new data was loaded (the server then makes the table protection again). */
  let loads = 0;
  let registerFile: string;
  let closeGate: () => Promise<void>;
  let admin: TestBrowser;
  let adminPolice: TestBrowser;
  let mayor: TestBrowser;
  let badDelivery: number;
  const dir = mkdtempSync(join(tmpdir(), "driehoek-beheer-data-"));
  const uploadDir = mkdtempSync(join(tmpdir(), "driehoek-beheer-upload-"));
  const changes: { id: string; pct: number; state: string }[] = [];
  const jobs = createJobRegistry<ImportOutcome>({
    now: () => NOW,
    onChange: (j) => changes.push({ id: j.id, pct: percentDone(j), state: j.state }),
    describeError: (e) => (e as Error).message,
  });
  const fetch = (path: string, init?: RequestInit) => app.request(path, init);
  const registered = () =>
    readFileSync(registerFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  /** Posts a multipart form with the token from `formPage`; `token: false` leaves the token out. */
  async function upload(
    b: TestBrowser,
    formPage: string,
    action: string,
    fields: Record<string, string>,
    file: { name: string; content: string | Buffer } | null,
    opts: { token?: boolean } = {},
  ): Promise<Response> {
    const html = await (await b.request(formPage)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const form = new FormData();
    if (opts.token !== false) form.set("_csrf", csrf);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    if (file)
      form.set(
        "bestand",
        new File([typeof file.content === "string" ? file.content : new Uint8Array(file.content)], file.name),
      );
    return b.request(action, { method: "POST", body: form });
  }

  before(async () => {
    store = await openTestStore([]);
    await addWebTestAccounts(store);
    const hash = (await store.user("beheer"))?.passwordHash ?? null;
    await store.saveUser({
      ...((await store.user("beheer")) as NonNullable<Awaited<ReturnType<Store["user"]>>>),
      id: "beheer.politie",
      roles: ["beheerder", "politie-analist"],
      organisation: "politie-bt",
      passwordHash: hash,
    });
    const access = await openTestGate(store, () => NOW);
    registerFile = access.registerFile;
    closeGate = access.close;
    const deps: AppDeps & BeheerDataDeps = {
      store,
      now: () => NOW,
      gate: access.gate,
      registry: access.registry,
      loginAttemptsPerMinute: 1000,
      apiTokenKey: TEST_API_KEY,
      register: access.register,
      uploadDir,
      importJobs: jobs,
      isHoliday: () => false,
      dataLoaded: () => {
        loads++;
      },
    };
    app = createApp(deps);
    const file = join(dir, "levering-oktober.csv");
    writeFileSync(file, WITH_BAD_ROW);
    const r = await ingestFile(file, { source: "politie-test" }, { store, now: () => NOW });
    assert.equal(r.outcome.kind, "loaded");
    badDelivery = r.outcome.delivery.id;
    admin = new TestBrowser(fetch);
    assert.equal((await admin.login("beheer")).status, 303);
    adminPolice = new TestBrowser(fetch);
    assert.equal((await adminPolice.login("beheer.politie")).status, 303);
    mayor = await TestBrowser.as(fetch, "bm.voorbeeldstad");
  });
  after(async () => {
    await closeGate();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it("shows the beheerder a start page linking to every beheer page, and links back from the users page", async () => {
    const res = await admin.request("/beheer/");
    assert.equal(res.status, 200);
    const hrefs = [...dom(await res.text()).querySelectorAll("main a")].map((a) => a.getAttribute("href"));
    for (const p of [
      "/beheer/gebruikers",
      "/beheer/organisaties",
      "/beheer/afspraken",
      "/beheer/leveringen",
      "/beheer/import",
    ]) {
      assert.ok(hrefs.includes(p), p);
    }
    assert.match(await (await admin.request("/beheer/gebruikers")).text(), /href="\/beheer\/"/);
  });

  it("lists the deliveries newest first with source, file, rows loaded and quarantined, hash; registered", async () => {
    const res = await admin.request("/beheer/leveringen");
    assert.equal(res.status, 200);
    const doc = dom(await res.text());
    const rows = [...doc.querySelectorAll("tbody tr")].map((tr) =>
      [...tr.querySelectorAll("th, td")].map((c) => c.textContent?.trim()),
    );
    assert.equal(rows[0]?.[0], `Levering ${badDelivery}`, "the newest first");
    assert.deepEqual(rows[0]?.slice(1, 3), ["politie-test", "levering-oktober.csv"]);
    assert.deepEqual(rows[0]?.slice(5, 7), ["2", "1"], "2 loaded, 1 in quarantine");
    assert.match(rows[0]?.[7] ?? "", /^[0-9a-f]{12}$/);
    assert.ok(rows.some((r) => r[2] === "test-registraties.csv"));
    const entry = registered().find((e) => e.what === "leveringen");
    assert.deepEqual([entry?.kind, entry?.user], ["beheer", "beheer"]);
  });

  it("shows a delivery's quarantine with line, field and reason, and not the raw line", async () => {
    const res = await admin.request(`/beheer/leveringen/${badDelivery}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const cells = [...dom(html).querySelectorAll("tbody tr")][0]?.querySelectorAll("th, td");
    assert.deepEqual(
      [...(cells ?? [])].map((c) => c.textContent?.trim()),
      ["3", "pleegdatum_begin", "datum bestaat niet"].map((s, i) =>
        i === 2 ? cells?.[2]?.textContent?.trim() : s,
      ),
    );
    assert.match(cells?.[2]?.textContent ?? "", /datum bestaat niet/);
    assert.ok(!html.includes("Jan de Vries"), "the raw line is content");
    const csv = await admin.request(`/beheer/leveringen/${badDelivery}/quarantaine.csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get("Content-Disposition") ?? "", /quarantaine-levering-\d+\.csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a BOM, for spreadsheets");
    const text = bytes.toString("utf8");
    assert.match(text, /^\ufeffregel;veld;reden\r\n3;pleegdatum_begin;[^\r\n]*datum bestaat niet/);
    assert.ok(!text.includes("Jan de Vries"));
    assert.ok(registered().some((e) => e.what === `levering:${badDelivery}` && e.count === 1));
    assert.ok(registered().some((e) => e.what === `quarantaine-csv:${badDelivery}`));
  });

  it("shows the raw line to a beheerder who is also police", async () => {
    const html = await (await adminPolice.request(`/beheer/leveringen/${badDelivery}`)).text();
    assert.ok(html.includes("Jan de Vries"));
    const csv = await (await adminPolice.request(`/beheer/leveringen/${badDelivery}/quarantaine.csv`)).text();
    assert.match(csv, /regel zoals geleverd/);
    assert.ok(csv.includes("Jan de Vries"));
  });

  it("pages a long quarantine", async () => {
    const lines = Array.from({ length: 130 }, (_, i) => `P${i};1.1.1;2026-02-30 10:00;1;1`);
    const file = join(dir, "lang.csv");
    writeFileSync(file, `${HEADER}\n${lines.join("\n")}\n`);
    const r = await ingestFile(file, { source: "politie-lang" }, { store, now: () => NOW });
    const id = r.outcome.delivery.id;
    const first = dom(await (await admin.request(`/beheer/leveringen/${id}`)).text());
    assert.equal(first.querySelectorAll("tbody tr").length, 100);
    assert.match(first.querySelector(".dh-pager")?.textContent ?? "", /Pagina 1 van 2/);
    const second = dom(await (await admin.request(`/beheer/leveringen/${id}?pagina=2`)).text());
    assert.equal(second.querySelectorAll("tbody tr").length, 30);
    assert.equal(second.querySelector("tbody th")?.textContent?.trim(), "102");
  });

  it("loads a corrected file as a new delivery; the same file again changes nothing", async () => {
    const before = await store.registrationCount();
    const loadsBefore = loads;
    const page = `/beheer/leveringen/${badDelivery}`;
    const res = await upload(
      admin,
      page,
      `${page}/opnieuw`,
      {},
      { name: "levering-oktober-verbeterd.csv", content: CORRECTED },
    );
    assert.equal(res.status, 200);
    const html = await res.text();
    const loaded =
      /geladen als levering (\d+): 3 regels gelezen, 3 geladen \(1 nieuw, 0 bijgewerkt\), 0 in quarantaine/.exec(
        html,
      );
    assert.ok(loaded, html.slice(html.indexOf("<main"), html.indexOf("<main") + 800));
    assert.equal(await store.registrationCount(), before + 1, "B2 is new; B1 and B3 were there");
    assert.equal(loads, loadsBefore + 1, "new data: the table protection is made again");
    const d = await store.delivery(Number(loaded[1]));
    assert.deepEqual([d?.source, d?.counts.quarantined], ["politie-test", 0]);
    assert.ok(
      registered().some((e) => e.what === `levering-opnieuw:${badDelivery}:levering-oktober-verbeterd.csv`),
    );
    assert.deepEqual(readdirSync(uploadDir), [], "the upload is removed after loading");

    const deliveries = (await store.deliveries()).length;
    const again = await upload(
      admin,
      page,
      `${page}/opnieuw`,
      {},
      { name: "nogmaals.csv", content: CORRECTED },
    );
    assert.equal(again.status, 200);
    assert.match(
      await again.text(),
      new RegExp(`al geladen als levering ${loaded[1]} .*Er is niets veranderd`),
    );
    assert.equal((await store.deliveries()).length, deliveries);
    assert.equal(await store.registrationCount(), before + 1);
    assert.equal(loads, loadsBefore + 1, "nothing new: no new table protection");
  });

  it("a file that cannot be loaded changes nothing but the record of the failure", async () => {
    const before = await store.registrationCount();
    const page = `/beheer/leveringen/${badDelivery}`;
    const res = await upload(
      admin,
      page,
      `${page}/opnieuw`,
      {},
      { name: "kapot.csv", content: "dit is geen levering\n" },
    );
    assert.equal(res.status, 400);
    assert.match(await res.text(), /is mislukt: kapot\.csv[^<]*\. Er is niets geladen\./);
    assert.equal(await store.registrationCount(), before);
    const none = await upload(admin, page, `${page}/opnieuw`, {}, null);
    assert.equal(none.status, 400);
    assert.match(await none.text(), /kies eerst een bestand/);
  });

  it("requires the anti-forgery token on every form", async () => {
    const page = `/beheer/leveringen/${badDelivery}`;
    const file = { name: "x.csv", content: CORRECTED };
    for (const [formPage, action, fields] of [
      [page, `${page}/opnieuw`, {}],
      ["/beheer/import", "/beheer/import", { soort: "adressen" }],
      ["/beheer/afspraken", "/beheer/afspraken", {}],
    ] as const) {
      const res = await upload(admin, formPage, action, fields, file, { token: false });
      assert.equal(res.status, 403, action);
      assert.match(await res.text(), /formulier is verlopen/);
    }
  });

  it("refuses every other role: 403 and no data, and nothing registered for them", async () => {
    const teamchef = await TestBrowser.as(fetch, "tc.voorbeeldstad");
    const fg = new TestBrowser(fetch);
    await fg.login("fg");
    const paths = [
      "/beheer/",
      "/beheer/leveringen",
      `/beheer/leveringen/${badDelivery}`,
      `/beheer/leveringen/${badDelivery}/quarantaine.csv`,
      "/beheer/afspraken",
      "/beheer/afspraken/GM9001",
      "/beheer/import",
    ];
    for (const who of [mayor, teamchef, fg]) {
      for (const p of paths) {
        const res = await who.request(p);
        assert.equal(res.status, 403, p);
        const text = await res.text();
        assert.ok(!text.includes("levering-oktober") && !text.includes("datum bestaat niet"), p);
      }
    }
    const form = new FormData();
    form.set("bestand", new File([CORRECTED], "x.csv"));
    const html = await (await mayor.request("/")).text();
    form.set("_csrf", /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "");
    const before = await store.registrationCount();
    const post = await mayor.request(`/beheer/leveringen/${badDelivery}/opnieuw`, {
      method: "POST",
      body: form,
    });
    assert.equal(post.status, 403);
    assert.equal(await store.registrationCount(), before);
    assert.ok(
      !registered().some((e) => e.user !== "beheer" && e.user !== "beheer.politie" && e.kind === "beheer"),
    );
  });

  it("imports reference data in the background, with progress going up to klaar", async () => {
    const addresses =
      "postcode;huisnummer;x;y\n9001AB;12;121500;487500\n9001AC;3;121600;487600\n9001XX;;1;1\n";
    const res = await upload(
      admin,
      "/beheer/import",
      "/beheer/import",
      { soort: "adressen" },
      { name: "adressen.csv", content: addresses },
    );
    assert.equal(res.status, 303);
    const location = res.headers.get("Location") ?? "";
    const id = /^\/beheer\/import\/([A-Za-z0-9-]+)$/.exec(location)?.[1] ?? "";
    assert.ok(id, location);
    await jobs.settled(id);
    const seen = changes.filter((ch) => ch.id === id).map((ch) => ch.pct);
    assert.ok(seen.length >= 3, `progress reported: ${seen.join(", ")}`);
    assert.deepEqual(
      [...seen].sort((a, b) => a - b),
      seen,
      "progress never goes back",
    );
    assert.ok(
      seen.some((p) => p > 0 && p < 100),
      "progress in between",
    );
    assert.equal(seen.at(-1), 100);
    assert.equal((await store.addresses(["9001AB", "9001AC"])).length, 2);

    const status = await admin.request(location);
    assert.equal(status.status, 200);
    const html = await status.text();
    const doc = dom(html);
    assert.equal(doc.querySelector("progress")?.getAttribute("value"), "100");
    assert.equal(doc.querySelector("#import-voortgang")?.getAttribute("aria-live"), "polite");
    assert.equal(
      doc.querySelector("#import-voortgang")?.getAttribute("hx-get"),
      null,
      "no polling when done",
    );
    assert.match(html, /2 geladen, 1 niet geladen/);
    assert.match(html, /regel 4, veld huisnummer: ontbreekt/);
    assert.match(html, /src="\/static\/htmx\.min\.js"/);
    assert.match(
      html,
      /<head>.*<meta name="htmx-config" content="[^"]*&quot;includeIndicatorStyles&quot;:false.*<\/head>/s,
    );
    const poll = await admin.request(`${location}/voortgang`);
    assert.equal(poll.status, 286, "htmx stops polling");
    assert.match(await poll.text(), /Klaar/);
    assert.ok(registered().some((e) => e.what === "import-adressen:adressen.csv" && e.count === 2));
  });

  it("shows the progress of a running job, polled by htmx and refreshed by a link without JavaScript", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const started = jobs.start({ kind: "test", label: "test.csv (test)", user: "beheer" }, async (report) => {
      report({ done: 40, total: 100, text: "40 regels gelezen." });
      await gate;
      return { kind: "referentie", loaded: 1, problems: [] };
    });
    assert.ok("started" in started);
    const id = started.started.id;
    await new Promise((r) => setImmediate(r));
    const doc = dom(await (await admin.request(`/beheer/import/${id}`)).text());
    const region = doc.querySelector("#import-voortgang");
    assert.equal(region?.getAttribute("hx-get"), `/beheer/import/${id}/voortgang`);
    assert.equal(region?.getAttribute("hx-trigger"), "every 1s");
    assert.equal(doc.querySelector("progress")?.getAttribute("value"), "40");
    assert.match(region?.textContent ?? "", /Bezig: 40%\. 40 regels gelezen\./);
    assert.equal(
      doc.querySelector(`#import-voortgang a[href="/beheer/import/${id}"]`)?.textContent?.trim(),
      "Voortgang bijwerken",
    );
    const poll = await admin.request(`/beheer/import/${id}/voortgang`);
    assert.equal(poll.status, 200);
    assert.ok(!(await poll.text()).includes("<html"), "a fragment, not a page");
    const busy = jobs.start({ kind: "test", label: "nog een", user: "beheer" }, async () => ({
      kind: "referentie",
      loaded: 0,
      problems: [],
    }));
    assert.ok("busy" in busy, "one job of a kind at a time");
    release();
    await jobs.settled(id);
  });

  it("a failing import changes nothing and names the file, line and field in Dutch", async () => {
    const before = (await store.addresses(["9001AD"])).length;
    const loadsBefore = loads;
    const res = await upload(
      admin,
      "/beheer/import",
      "/beheer/import",
      { soort: "adressen" },
      { name: "adressen-fout.csv", content: "postcode;huisnummer;y\n9001AD;1;487500\n" },
    );
    assert.equal(res.status, 303);
    const location = res.headers.get("Location") ?? "";
    await jobs.settled(location.split("/").pop() ?? "");
    const html = await (await admin.request(location)).text();
    assert.match(html, /Mislukt/);
    assert.match(html, /adressen-fout\.csv, regel 1, veld x: verplichte kolom ontbreekt: x/);
    assert.match(html, /Er is niets veranderd/);
    assert.equal((await store.addresses(["9001AD"])).length, before);
    assert.deepEqual(readdirSync(uploadDir), []);
    assert.equal(loads, loadsBefore, "nothing loaded");
  });

  it("imports a delivery through the import page and links to it", async () => {
    const loadsBefore = loads;
    const file = `${HEADER}\nI1;1.1.1;2026-10-05 10:00;121500;487500\nI2;1.1.1;2026-13-05 10:00;121500;487500\n`;
    const res = await upload(
      admin,
      "/beheer/import",
      "/beheer/import",
      { soort: "levering", bron: "politie-import" },
      { name: "import.csv", content: file },
    );
    assert.equal(res.status, 303);
    const location = res.headers.get("Location") ?? "";
    await jobs.settled(location.split("/").pop() ?? "");
    const html = await (await admin.request(location)).text();
    const id =
      /Geladen als levering (\d+): 2 regels gelezen, 1 nieuw, 0 bijgewerkt, 0\s+ongewijzigd, 1 in quarantaine/.exec(
        html,
      )?.[1];
    assert.ok(id, html.slice(html.indexOf("import-voortgang")));
    assert.match(html, new RegExp(`href="/beheer/leveringen/${id}"`));
    assert.equal(loads, loadsBefore + 1);
  });

  it("refuses an import form that is not complete, in Dutch", async () => {
    const file = { name: "a.csv", content: "x" };
    const noSource = await upload(admin, "/beheer/import", "/beheer/import", { soort: "levering" }, file);
    assert.equal(noSource.status, 400);
    assert.match(await noSource.text(), /Niet gestart: vul de bron in/);
    const noYear = await upload(
      admin,
      "/beheer/import",
      "/beheer/import",
      { soort: "gebieden", niveau: "wijk" },
      file,
    );
    assert.match(await noYear.text(), /vul het jaar van de gebiedsindeling in/);
    const noFile = await upload(admin, "/beheer/import", "/beheer/import", { soort: "adressen" }, null);
    assert.match(await noFile.text(), /kies een bestand/);
  });

  it("lets uploads be larger than the forms' 64 KB, and keeps the limit everywhere else", async () => {
    const big = `postcode;huisnummer;x;y\n${Array.from({ length: 4000 }, (_, i) => `9002AA;${i + 1};121500;487500`).join("\n")}\n`;
    assert.ok(big.length > 64 * 1024);
    const res = await upload(
      admin,
      "/beheer/import",
      "/beheer/import",
      { soort: "adressen" },
      { name: "veel.csv", content: big },
    );
    assert.equal(res.status, 303);
    await jobs.settled((res.headers.get("Location") ?? "").split("/").pop() ?? "");
    assert.equal((await store.addresses(["9002AA"])).length, 4000);
    const other = await admin.request("/beheer/organisaties", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `naam=${"x".repeat(70 * 1024)}`,
    });
    assert.equal(other.status, 413);
  });

  describe("agreements", () => {
    const agreement = (evaluatieOp: string, extra: Record<string, unknown> = {}) =>
      testAgreement({ evaluatieOp, extra });
    const save = (json: unknown, name = "afspraak.json") =>
      upload(admin, "/beheer/afspraken", "/beheer/afspraken", {}, { name, content: JSON.stringify(json) });

    it("saves an uploaded agreement and lists it with version, parties, schedule, next delivery and evaluation flag", async () => {
      const res = await save(agreement("2026-12-01"));
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /De afspraak van GM9001 is bewaard als versie 1\./);
      const row = [...dom(html).querySelectorAll("tbody tr")].find((tr) =>
        tr.textContent?.includes("GM9001"),
      );
      const cells = [...(row?.querySelectorAll("th, td") ?? [])].map((c) =>
        c.textContent?.replace(/\s+/g, " ").trim(),
      );
      assert.equal(cells[0], "Voorbeeldstad (GM9001)");
      assert.equal(cells[1], "1");
      assert.equal(cells[2], "Burgemeester, teamchef en officier van justitie");
      assert.match(cells[3] ?? "", /maandelijks, op de 3e werkdag na de periode/);
      assert.equal(cells[4], "3 december 2026", "November's delivery: the third working day of December");
      assert.match(cells[5] ?? "", /^1 december 2026 Evaluatie binnenkort \(over 8 dagen\)$/);
      assert.equal(cells[6], "in orde");
      assert.ok(registered().some((e) => e.what === "afspraak-bewaren:GM9001" && e.user === "beheer"));
    });

    it("flags an overdue evaluation, keeps every version, and shows the history", async () => {
      const res = await save(agreement("2026-11-20", { geldigVanaf: "2026-01-01" }));
      assert.match(await res.text(), /bewaard als versie 2/);
      const same = await save(agreement("2026-11-20", { geldigVanaf: "2026-01-01" }));
      assert.match(await same.text(), /niet veranderd; versie 2 blijft gelden/);
      const page = await admin.request("/beheer/afspraken/GM9001");
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /Evaluatie verlopen \(3 dagen geleden\)/);
      const versions = [...dom(html).querySelectorAll("table")].at(-1)?.querySelectorAll("tbody tr");
      assert.deepEqual(
        [...(versions ?? [])].map((tr) => tr.querySelector("th")?.textContent?.trim()),
        ["2", "1"],
      );
      assert.ok(registered().some((e) => e.what === "afspraak:GM9001"));
    });

    it("refuses an agreement that does not hold, naming the fields in Dutch", async () => {
      const bad = agreement("2026-12-01", { gemeente: "GM9001" });
      (bad.producten[0] as Record<string, unknown>).cadans = "elke maand";
      (bad.producten[0] as Record<string, unknown>).ontvangers = ["niemand"];
      const res = await save(bad, "fout.json");
      assert.equal(res.status, 400);
      const html = await res.text();
      assert.match(html, /Niet bewaard: de afspraak in fout\.json klopt niet\./);
      assert.match(html, /producten\.0\.cadans: &quot;elke maand&quot; kan niet/);
      const notJson = await upload(
        admin,
        "/beheer/afspraken",
        "/beheer/afspraken",
        {},
        { name: "x.json", content: "{" },
      );
      assert.equal(notJson.status, 400);
      assert.match(await notJson.text(), /x\.json is geen geldige JSON/);
    });

    it("shows the problems of a stored agreement that no longer holds", async () => {
      // Saved when its recipient still existed (written straight to the store: the check would refuse it now).
      const gone = agreement("2027-06-01", { gemeente: "GM9002" });
      (gone.producten[0] as Record<string, unknown>).ontvangers = ["vertrokken.dorpshaven"];
      await store.saveDocument({
        kind: "afspraak",
        key: "GM9002",
        body: gone,
        author: "beheer",
        savedAt: NOW,
      });
      const list = dom(await (await admin.request("/beheer/afspraken")).text());
      const row = [...list.querySelectorAll("tbody tr")].find((tr) => tr.textContent?.includes("GM9002"));
      assert.equal(row?.querySelector("td:last-child")?.textContent?.trim(), "1 probleem");
      const page = await (await admin.request("/beheer/afspraken/GM9002")).text();
      assert.match(page, /klopt niet meer met wat er nu is/);
      assert.match(page, /producten\.0\.ontvangers\.0: gebruiker vertrokken\.dorpshaven bestaat niet/);
    });

    it("answers 404 for a gemeente without an agreement", async () => {
      assert.equal((await admin.request("/beheer/afspraken/GM9999")).status, 404);
      assert.equal((await admin.request("/beheer/afspraken/iets")).status, 404);
      assert.equal((await admin.request("/beheer/leveringen/99999")).status, 404);
      assert.equal((await admin.request("/beheer/import/onbekend")).status, 404);
    });
  });
});
