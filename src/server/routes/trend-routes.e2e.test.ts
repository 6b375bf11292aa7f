// Browser test: the trends page in Debian's Chromium (headless) through playwright-core, on the
// fixed product demo served on a random port: log in, reach /trends with the keyboard, change the
// type with the keyboard and see htmx swap the results and the address follow, scan the page with
// axe-core (no serious or critical violations) and check that the CSP blocked nothing (htmx adds
// no inline style). Screenshots go to test-output/trends-*.png for review.
// Skipped when /usr/bin/chromium is missing (scripts/test.js installs it).

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { RunningServer } from "../serve.ts";
import { NEEDS_CHROMIUM, seriousViolations, tabTo } from "../test-browser.ts";
import type { ProductTestApp } from "./test-product-app.ts";
import { openProductBrowser } from "./test-product-browser.ts";

describe("the trends page in the browser", {
  skip: NEEDS_CHROMIUM,
}, () => {
  let w: ProductTestApp;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let cspErrors: string[] = [];
  let close: () => Promise<void> = async () => {};

  before(async () => {
    ({ w, server, browser, page, cspErrors, close } = await openProductBrowser("/trends"));
  });
  after(() => close());

  it("changes the type with the keyboard: htmx swaps the results and the address follows", async () => {
    await page.goto(`${server.url}/trends`);
    assert.match((await page.locator("h1").textContent()) ?? "", /Trends/);
    assert.match((await page.locator("#trend-resultaten h2").textContent()) ?? "", /^Alle soorten in /);
    // htmx is loaded and did not add its indicator <style> (the CSP would block it anyway).
    await page.waitForFunction(() => "htmx" in window);
    assert.equal(await page.locator("head style").count(), 0);
    await page.screenshot({ path: "test-output/trends-alle-soorten.png", fullPage: false });

    // Tab to the type select (the first field of the form).
    await tabTo(page, `document.activeElement?.id === "trend-soort"`, 30);
    const loadsBefore = await page.evaluate(() => performance.getEntriesByType("navigation").length);
    const marker = await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
      return true;
    });
    assert.ok(marker);
    // The first option is "all types"; one step down is the first type. A closed select changes
    // at once on an arrow key, which fires "change": htmx asks for the results.
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes("/trends?") && r.request().headers()["hx-request"] === "true",
      ),
      page.keyboard.press("ArrowDown"),
    ]);
    assert.equal(response.status(), 200);
    const chosen = await page.locator("#trend-soort").inputValue();
    assert.notEqual(chosen, "");
    await page.waitForFunction(
      () => !/^Alle soorten/.test(document.querySelector("#trend-resultaten h2")?.textContent ?? ""),
    );
    assert.match(page.url(), new RegExp(`[?&]soort=${chosen.replace(/\./g, "\\.")}(&|$)`));
    // The page itself was not reloaded: htmx swapped the results section only.
    assert.equal(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
      true,
    );
    assert.equal(await page.evaluate(() => performance.getEntriesByType("navigation").length), loadsBefore);
    assert.equal(await page.locator("#trend-resultaten").count(), 1);
    assert.equal(await page.locator("head style").count(), 0);
    await page.screenshot({ path: "test-output/trends-soort.png", fullPage: true });
  });

  it("works without JavaScript: the form submits as a GET to the same page", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await page.context().storageState(),
    });
    try {
      const p = await context.newPage();
      await p.goto(`${server.url}/trends`);
      await p.locator("#trend-soort").selectOption("1.1.1");
      await Promise.all([p.waitForURL(/soort=1\.1\.1/), p.getByRole("button", { name: "Toon" }).click()]);
      assert.match(
        (await p.locator("#trend-resultaten h2").textContent()) ?? "",
        /^Diefstal\/inbraak woning in /,
      );
    } finally {
      await context.close();
    }
  });

  it("has no serious or critical accessibility violations (axe-core), and no CSP violations", async () => {
    for (const path of [
      "/trends",
      `/trends?soort=1.1.1&van=2025-01&tot=2026-10`,
      "/trends?van=2026-05&tot=2026-01",
      // A wijk: its total, and a type a wijk does not show (the page says which ones it does).
      `/trends?gebied=WK${w.t.gemeenten[0].slice(2)}01`,
      `/trends?gebied=WK${w.t.gemeenten[0].slice(2)}01&soort=2.5.1`,
    ]) {
      const res = await page.goto(`${server.url}${path}`);
      assert.ok(res?.status() === 200 || res?.status() === 400, path);
      await page.waitForFunction(() => "htmx" in window);
      assert.deepEqual(await seriousViolations(page), [], path);
    }
    await page.screenshot({ path: "test-output/trends-fout.png", fullPage: false });
    assert.deepEqual(cspErrors, []);
  });
});
