// Browser test: the beheerder's delivery, agreement and import pages in Debian's Chromium
// (headless) through playwright-core, on a test store served on a random port: log in with the
// keyboard, open the deliveries and a quarantine with the keyboard only, upload an import file and
// see the progress reach "Klaar" (htmx polling, no page reload), and scan every page with axe-core
// (no serious or critical violations) without CSP errors. Screenshots go to
// test-output/beheer-*.png. Skipped when /usr/bin/chromium is missing.

import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { saveAgreement } from "../../agreements/agreement-store.ts";
import { testAgreement } from "../../agreements/test-agreements.ts";
import { ingestFile } from "../../ingest/ingest-file.ts";
import type { Store } from "../../store/store.ts";
import { type AppDeps, createApp } from "../app.ts";
import { type RunningServer, startServer } from "../serve.ts";
import { addWebTestAccounts, openTestGate, TEST_API_KEY, TEST_PASSWORD } from "../test-access.ts";
import { launchTestBrowser, NEEDS_CHROMIUM, seriousViolations, tabTo } from "../test-browser.ts";
import { openTestStore } from "../test-store.ts";
import type { BeheerDataDeps } from "./beheer-data-routes.tsx";
import { createJobRegistry } from "./import-jobs.ts";
import type { ImportOutcome } from "./import-jobs-work.ts";

const NOW = new Date("2026-11-23T09:00:00Z");

describe("beheer pages in the browser", {
  skip: NEEDS_CHROMIUM,
}, () => {
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let closeGate: () => Promise<void>;
  let delivery: number;
  const dir = mkdtempSync(join(tmpdir(), "driehoek-beheer-e2e-"));
  const jobs = createJobRegistry<ImportOutcome>({ now: () => NOW });
  const cspErrors: string[] = [];

  before(async () => {
    store = await openTestStore([]);
    await addWebTestAccounts(store);
    const access = await openTestGate(store, () => NOW);
    closeGate = access.close;
    const file = join(dir, "levering-oktober.csv");
    writeFileSync(
      file,
      "registratienummer;inp_code;pleegdatum_begin;x;y\nB1;1.1.1;2026-10-01 10:00;121500;487500\nB2;1.1.1;2026-02-31 10:00;121500;487500\n",
    );
    const r = await ingestFile(file, { source: "politie-test" }, { store, now: () => NOW });
    delivery = r.outcome.delivery.id;
    await saveAgreement(store, access.registry, testAgreement(), { author: "beheer", now: NOW });
    const deps: AppDeps & BeheerDataDeps = {
      store,
      now: () => NOW,
      gate: access.gate,
      registry: access.registry,
      apiTokenKey: TEST_API_KEY,
      uploadDir: dir,
      importJobs: jobs,
    };
    server = await startServer(createApp(deps), { port: 0 });
    browser = await launchTestBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on("console", (msg) => {
      if (/Content.Security.Policy|Refused to/i.test(msg.text())) cspErrors.push(msg.text());
    });
    // Log in with the keyboard; the beheerder has no purpose to choose and lands on the page asked.
    await page.goto(`${server.url}/beheer/`);
    assert.match(page.url(), /\/inloggen\?terug=/);
    await page.waitForFunction(() => document.activeElement?.id === "gebruiker");
    await page.keyboard.type("beheer");
    await page.keyboard.press("Tab");
    await page.keyboard.type(TEST_PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname === "/beheer/"), page.keyboard.press("Enter")]);
    mkdirSync("test-output", { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await closeGate?.();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("opens the deliveries and a quarantine with the keyboard only", async () => {
    await page.goto(`${server.url}/beheer/`);
    await page.screenshot({ path: "test-output/beheer-start.png" });
    await tabTo(
      page,
      `document.activeElement?.closest("main") && document.activeElement?.getAttribute("href") === "/beheer/leveringen"`,
    );
    await Promise.all([
      page.waitForURL((u) => u.pathname === "/beheer/leveringen"),
      page.keyboard.press("Enter"),
    ]);
    await page.screenshot({ path: "test-output/beheer-leveringen.png" });
    await tabTo(page, `document.activeElement?.getAttribute("href") === "/beheer/leveringen/${delivery}"`);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/beheer/leveringen/${delivery}`),
      page.keyboard.press("Enter"),
    ]);
    const cells = await page.locator("main tbody tr").first().locator("th, td").allTextContents();
    assert.deepEqual(cells.slice(0, 2), ["3", "pleegdatum_begin"]);
    assert.match(cells[2] ?? "", /datum bestaat niet/);
    await page.screenshot({ path: "test-output/beheer-quarantaine.png", fullPage: true });
  });

  it("uploads an import file and sees the progress reach Klaar", async () => {
    const file = join(dir, "adressen.csv");
    writeFileSync(file, "postcode;huisnummer;x;y\n9001AB;12;121500;487500\n9001AC;3;121600;487600\n");
    await page.goto(`${server.url}/beheer/import`);
    await tabTo(page, `document.activeElement?.id === "import-soort"`);
    await page.keyboard.type("Adres");
    assert.equal(await page.locator("#import-soort").inputValue(), "adressen");
    // A file chooser is the operating system's dialog; the test hands it the file.
    await page.locator("#import-bestand").setInputFiles(file);
    await tabTo(
      page,
      `document.activeElement?.tagName === "BUTTON" && document.activeElement?.textContent === "Importeren"`,
    );
    await page.screenshot({ path: "test-output/beheer-import.png", fullPage: true });
    await Promise.all([page.waitForURL(/\/beheer\/import\/[A-Za-z0-9-]+$/), page.keyboard.press("Enter")]);
    await page.locator("#import-voortgang", { hasText: "Klaar" }).waitFor({ timeout: 10_000 });
    assert.equal(await page.locator("progress").getAttribute("value"), "100");
    assert.match((await page.locator("#import-voortgang").textContent()) ?? "", /2 geladen/);
    await page.screenshot({ path: "test-output/beheer-import-klaar.png", fullPage: true });
  });

  it("follows a running job by htmx polling, without a reload", async () => {
    let release: () => void = () => {};
    const wait = new Promise<void>((r) => {
      release = r;
    });
    const r = jobs.start({ kind: "proef", label: "proef.csv (proef)", user: "beheer" }, async (report) => {
      report({ done: 30, total: 100, text: "30 regels gelezen." });
      await wait;
      return { kind: "referentie", loaded: 7, problems: [] };
    });
    assert.ok("started" in r);
    await page.goto(`${server.url}/beheer/import/${r.started.id}`);
    await page.locator("#import-voortgang", { hasText: "Bezig: 30%" }).waitFor();
    await page.screenshot({ path: "test-output/beheer-import-bezig.png", fullPage: true });
    assert.deepEqual(await seriousViolations(page), []);
    // Marks the document: a reload would lose the mark.
    await page.evaluate(`document.body.dataset.zelfde = "ja"`);
    release();
    await page.locator("#import-voortgang", { hasText: "7 geladen" }).waitFor({ timeout: 10_000 });
    assert.equal(await page.evaluate(`document.body.dataset.zelfde`), "ja", "updated in place by htmx");
    assert.equal(await page.locator("#import-voortgang").getAttribute("aria-live"), "polite");
  });

  it("has no serious or critical accessibility violations (axe-core), and no CSP violations", async () => {
    for (const [path, shot] of [
      ["/beheer/", null],
      ["/beheer/leveringen", null],
      [`/beheer/leveringen/${delivery}`, null],
      ["/beheer/afspraken", "test-output/beheer-afspraken.png"],
      ["/beheer/afspraken/GM9001", "test-output/beheer-afspraak.png"],
      ["/beheer/import", null],
      ["/beheer/gebruikers", null],
    ] as const) {
      const res = await page.goto(`${server.url}${path}`);
      assert.equal(res?.status(), 200, path);
      if (shot) await page.screenshot({ path: shot, fullPage: true });
      assert.deepEqual(await seriousViolations(page), [], path);
    }
    assert.deepEqual(cspErrors, []);
  });
});
