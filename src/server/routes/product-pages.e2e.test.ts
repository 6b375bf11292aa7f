// Browser test: the product pages in Debian's Chromium (headless) through playwright-core, on the
// fixed product demo served on a random port: log in and choose the purpose with the keyboard,
// open a product from the catalog with the keyboard only, download a file, and scan the pages with
// axe-core (no serious or critical violations). Screenshots go to test-output/ for review.
// Skipped when /usr/bin/chromium is missing (scripts/test.js installs it).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import type { RunningServer } from "../serve.ts";
import { NEEDS_CHROMIUM, seriousViolations, tabTo } from "../test-browser.ts";
import type { ProductTestApp } from "./test-product-app.ts";
import { openProductBrowser } from "./test-product-browser.ts";

describe("product pages in the browser", {
  skip: NEEDS_CHROMIUM,
}, () => {
  let w: ProductTestApp;
  let t: ProductTestApp["t"];
  let server: RunningServer;
  let page: Page;
  let cspErrors: string[] = [];
  let close: () => Promise<void> = async () => {};

  before(async () => {
    ({ w, server, page, cspErrors, close } = await openProductBrowser("/producten", {
      pdf: true,
      context: { acceptDownloads: true },
    }));
    t = w.t;
  });
  after(() => close());

  it("opens a product from the catalog with the keyboard only", async () => {
    await page.goto(`${server.url}/producten`);
    await page.screenshot({ path: "test-output/producten.png", fullPage: false });
    // Tab to the first product's "Bekijk" button (the maandoverzicht comes first) and press Enter.
    await tabTo(
      page,
      `document.activeElement?.tagName === "BUTTON" && document.activeElement.closest("form")?.getAttribute("action") === "/producten/maandoverzicht"`,
      40,
    );
    await Promise.all([page.waitForURL(/\/producten\/maandoverzicht\?/), page.keyboard.press("Enter")]);
    assert.match((await page.locator("h1").textContent()) ?? "", /Maandoverzicht/);
    assert.ok((await page.locator("main table").count()) > 0);
    await page.screenshot({ path: "test-output/product-maandoverzicht.png", fullPage: false });
  });

  it("downloads every format from a product page with the keyboard", async () => {
    // Each format: the link reached by focus and Enter, the file named after product, area and
    // period, and its content of that format.
    const looksLike: Record<string, (b: Buffer) => boolean> = {
      pdf: (b) => b.subarray(0, 5).toString() === "%PDF-",
      xlsx: (b) => b.subarray(0, 2).toString() === "PK",
      // UTF-8 with a byte order mark (Excel), a caption line, then comma-separated columns.
      csv: (b) =>
        b.toString("utf8").startsWith("\ufeff") && (b.toString("utf8").split("\r\n")[1] ?? "").includes(","),
      json: (b) => typeof JSON.parse(b.toString("utf8")).product === "string",
      html: (b) => /^<!doctype html>/i.test(b.toString("utf8")),
      geojson: (b) => JSON.parse(b.toString("utf8")).type === "FeatureCollection",
    };
    const seen = new Set<string>();
    for (const product of ["maandoverzicht", "tabellenboek"]) {
      const period = "2026-09";
      await page.goto(`${server.url}/producten/${product}?gebied=${t.gemeenten[0]}&periode=${period}`);
      const hrefs = await page
        .locator(".dh-downloads a[download]")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      for (const href of hrefs) {
        const format = new URL(href, server.url).searchParams.get("formaat") ?? "";
        if (seen.has(format)) continue;
        await page.locator(`.dh-downloads a[href="${href}"]`).focus();
        const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
        assert.equal(download.suggestedFilename(), `${product}-${t.gemeenten[0]}-${period}.${format}`);
        const check = looksLike[format];
        assert.ok(check, `a check for ${format}`);
        assert.ok(check(readFileSync(await download.path())), `${product} as ${format}`);
        seen.add(format);
      }
    }
    assert.deepEqual([...seen].sort(), Object.keys(looksLike).sort(), "every format downloaded");
  });

  it("prints the product without the downloads and the site's buttons", async () => {
    await page.goto(`${server.url}/producten/maandoverzicht?gebied=${t.gemeenten[0]}&periode=2026-09`);
    assert.ok(await page.locator(".dh-downloads").isVisible());
    await page.emulateMedia({ media: "print" });
    try {
      assert.equal(await page.locator(".dh-downloads").isVisible(), false);
      assert.equal(await page.getByRole("button", { name: "Uitloggen" }).isVisible(), false);
      assert.ok(await page.locator("h1").isVisible());
      assert.ok(await page.locator("main table").first().isVisible());
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  it("has no serious or critical accessibility violations (axe-core), and no CSP violations", async () => {
    for (const path of [
      "/producten",
      `/producten/maandoverzicht?gebied=${t.gemeenten[0]}&periode=2026-09`,
      `/producten/woninginbraakmonitor?gebied=${t.gemeenten[0]}&periode=2026-09`,
    ]) {
      const res = await page.goto(`${server.url}${path}`);
      assert.equal(res?.status(), 200, path);
      assert.deepEqual(await seriousViolations(page), [], path);
    }
    assert.deepEqual(cspErrors, []);
  });
});
