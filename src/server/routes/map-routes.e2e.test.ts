// Browser test: the Kaart in Debian's Chromium (headless, CHROMIUM_ARGS) on the fixed product demo:
// log in, reach /kaart with the keyboard only, change the level and the type with the keyboard,
// axe-core without serious or critical violations, no CSP errors in the console, screenshots in
// test-output/kaart-*.png; and whether maplibre-gl draws its canvas (WebGL) with these flags.
// Skipped when /usr/bin/chromium is missing.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import type { RunningServer } from "../serve.ts";
import { NEEDS_CHROMIUM, seriousViolations, tabTo } from "../test-browser.ts";
import type { ProductTestApp } from "./test-product-app.ts";
import { openProductBrowser } from "./test-product-browser.ts";

describe("the Kaart in the browser", {
  skip: NEEDS_CHROMIUM,
}, () => {
  let w: ProductTestApp;
  let server: RunningServer;
  let page: Page;
  let cspErrors: string[] = [];
  let close: () => Promise<void> = async () => {};

  before(async () => {
    ({ w, server, page, cspErrors, close } = await openProductBrowser("/kaart"));
  });
  after(() => close());

  it("makes a map with the keyboard only: level and type changed, the table beside it", async () => {
    // From the home page to the Kaart through the site's navigation, with Tab and Enter.
    await page.goto(`${server.url}/`);
    await tabTo(page, `document.activeElement?.getAttribute("href") === "/kaart"`, 200);
    await Promise.all([page.waitForURL((url) => url.pathname === "/kaart"), page.keyboard.press("Enter")]);
    // The period: tab to it and type a month.
    await tabTo(page, `document.activeElement?.id === "kaart-periode"`, 200);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("2026-09");
    // Back to the level: the checked radio (wijk); arrow down chooses buurt.
    await tabTo(page, `document.activeElement?.id === "kaart-maat-absoluut"`, 200);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    assert.equal(await page.evaluate(`document.activeElement?.id`), "kaart-soort");
    // The type: 1.1.1 woninginbraak, typed to select it in the list.
    await page.keyboard.press("Shift+Tab");
    assert.equal(await page.evaluate(`document.activeElement?.name`), "niveau");
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(`document.querySelector("input[name=niveau]:checked")?.value`), "buurt");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(`document.querySelector("#kaart-soort")?.value`), "1");
    await tabTo(
      page,
      `document.activeElement?.tagName === "BUTTON" && document.activeElement?.type === "submit"`,
      200,
    );
    await Promise.all([page.waitForURL(/\/kaart\?.*niveau=buurt/), page.keyboard.press("Enter")]);
    assert.match(page.url(), /soort=1(&|$)/);
    assert.match(page.url(), /periode=2026-09/);
    assert.match((await page.locator("h1").textContent()) ?? "", /Veiligheid per buurt/);
    assert.ok((await page.locator("#kaart-tabel tbody tr").count()) > 10);
    assert.ok(await page.locator("svg.dh-kaart-svg").first().isVisible());
    await page.screenshot({ path: "test-output/kaart-buurten.png", fullPage: true });
  });

  it("has no serious or critical accessibility violations and no CSP errors; reports whether WebGL draws", async () => {
    const g = w.t.gemeenten[0];
    for (const path of ["/kaart", `/kaart?gebied=${g}&niveau=wijk&periode=2026-09&maat=per-1000`]) {
      const res = await page.goto(`${server.url}${path}`);
      assert.equal(res?.status(), 200, path);
      assert.deepEqual(await seriousViolations(page), [], path);
    }
    const webgl = await page.evaluate(() => {
      const c = document.createElement("canvas");
      return Boolean(c.getContext("webgl2") || c.getContext("webgl"));
    });
    if (webgl) {
      await page.waitForSelector("#dh-kaart-interactief canvas.maplibregl-canvas", { timeout: 10_000 });
      // Give the worker time to draw the GeoJSON, then screenshot.
      await page.waitForTimeout(1000);
      assert.ok(await page.locator("#dh-kaart-interactief").isVisible());
    } else {
      assert.equal(await page.locator("#dh-kaart-interactief").isVisible(), false, "no WebGL: nothing shown");
    }
    process.stdout.write(
      `# WebGL in headless Chromium with CHROMIUM_ARGS: ${webgl ? "yes, maplibre canvas drawn" : "no"}\n`,
    );
    await page.screenshot({ path: "test-output/kaart-wijken.png", fullPage: true });
    assert.deepEqual(cspErrors, []);
  });
});
