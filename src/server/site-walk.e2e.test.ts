// Browser test: every page of the main menu, for every role of the fixed product demo, in
// Debian's Chromium (headless) with the keyboard only: log in, choose the purpose, Tab to each menu
// item and press Enter, and on every page an axe-core scan without serious or critical violations
// and no CSP errors. A role without rights (the wethouder, open data only) gets no figures.
// Screenshots: test-output/rondgang-<rol>-<pagina>.png. Skipped when Chromium is missing.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { PURPOSE } from "../disclosure/access-spec.ts";
import { DEFAULT_CONFIG_DIR } from "../disclosure/config-file.ts";
import { ROLE_IDS, type Role } from "../domain/roles.ts";
import { navFor } from "./navigation.ts";
import { openProductTestApp, type ProductTestApp } from "./routes/test-product-app.ts";
import { type RunningServer, startServer } from "./serve.ts";
import {
  keyboardLogin,
  NEEDS_CHROMIUM,
  openTestPage,
  SCREENSHOTS,
  seriousViolations,
  type TestPage,
  tabTo,
} from "./test-browser.ts";

/** The purposes as labelled on the purpose page (config/doelen.json). */
const PURPOSE_LABELS: Record<string, string> = Object.fromEntries(
  (
    JSON.parse(readFileSync(join(DEFAULT_CONFIG_DIR, "doelen.json"), "utf8")) as {
      doelen: { id: string; naam: string }[];
    }
  ).doelen.map((d) => [d.id, d.naam]),
);

/** Every role; the FG and the beheerder see no content, so they choose no purpose. */
const WALKERS: { role: Role; purpose: boolean }[] = ROLE_IDS.map((role) => ({
  role,
  purpose: role !== "fg" && role !== "beheerder",
}));

describe("a walk through every page, per role, with the keyboard", { skip: NEEDS_CHROMIUM }, () => {
  let w: ProductTestApp;
  let server: RunningServer;
  let tp: TestPage;

  before(async () => {
    // Every role logs in from this one client within a minute: more than the default limit allows.
    w = await openProductTestApp({ passwords: WALKERS.map((x) => x.role), loginAttemptsPerMinute: 100 });
    server = await startServer(w.app, { port: 0 });
  });
  after(async () => {
    await server?.close();
    await w?.close();
  });

  for (const { role, purpose } of WALKERS) {
    it(`${role}: reaches every menu page by keyboard, each accessible`, async () => {
      tp = await openTestPage();
      const { page, cspErrors } = tp;
      try {
        const label = purpose ? PURPOSE_LABELS[PURPOSE[role]] : undefined;
        if (purpose) assert.ok(label, `label for ${PURPOSE[role]}`);
        await keyboardLogin(page, server.url, "/", w.t.userFor(role), label);
        const items = navFor([role], { products: true });
        assert.ok(items.length > 0, "the role has a menu");
        for (const item of items) {
          // From the top of the freshly loaded page: Tab to the menu item, Enter.
          await tabTo(page, `document.activeElement?.matches('.dh-nav a[href="${item.href}"]') === true`);
          // The page the link opens (also when it is the page we are on: Mijn beeld after login).
          await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
          assert.equal(new URL(page.url()).pathname, item.href);
          assert.equal(await page.locator("h1").count(), 1, `${item.href}: one h1 (${page.url()})`);
          assert.equal(
            await page.locator(`.dh-nav a[aria-current="page"]`).getAttribute("href"),
            item.href,
            `${item.href}: the menu marks the page`,
          );
          assert.deepEqual(await seriousViolations(page), [], `${role} ${item.href}`);
          const name = item.href === "/" ? "mijn-beeld" : item.href.replace(/^\//, "").replace(/\//g, "-");
          await page.screenshot({ path: `${SCREENSHOTS}/rondgang-${role}-${name}.png`, fullPage: true });
        }
        assert.deepEqual(cspErrors, [], "no CSP errors");
      } finally {
        await tp.close();
      }
    });
  }

  it("wethouder: the pages with figures say why there are none, and show no counts", async () => {
    tp = await openTestPage();
    const { page } = tp;
    try {
      await keyboardLogin(page, server.url, "/", w.t.userFor("wethouder"), PURPOSE_LABELS["openbare-orde"]);
      const gemeente = w.t.gemeenten[0];
      for (const path of [
        "/",
        `/gemeenten/${gemeente}/maandcijfers`,
        `/kaart?gebied=${gemeente}&niveau=wijk`,
        `/trends?gebied=${gemeente}`,
      ]) {
        await page.goto(`${server.url}${path}`);
        const main = (await page.locator("main").textContent()) ?? "";
        assert.match(main, /geen toegang|krijgt .* niet|Geen grondslag/i, `${path} says why`);
        assert.equal(await page.locator("main table td").count(), 0, `${path} shows no table cells`);
      }
    } finally {
      await tp.close();
    }
  });

  it("screenshots for the README: Mijn beeld and the map of the mayor", async () => {
    tp = await openTestPage({ viewport: { width: 1280, height: 1000 } });
    const { page } = tp;
    try {
      await keyboardLogin(
        page,
        server.url,
        "/",
        w.t.userFor("burgemeester"),
        PURPOSE_LABELS["openbare-orde"],
      );
      assert.equal(await page.locator("h1").textContent(), "Mijn beeld");
      await page.screenshot({ path: `${SCREENSHOTS}/readme-mijn-beeld.png` });
      await page.goto(`${server.url}/kaart?gebied=${w.t.gemeenten[0]}&niveau=wijk&periode=2025`);
      assert.match((await page.locator("h1").textContent()) ?? "", /^Kaart: alle registraties per wijk/);
      // A chosen radio button looks chosen (the Utrecht radio is drawn by CSS, from :checked).
      const look = (id: string) =>
        page.locator(id).evaluate((el) => {
          const s = getComputedStyle(el);
          return `${s.backgroundColor} ${s.backgroundImage} ${s.borderWidth}`;
        });
      assert.equal(await page.locator("#kaart-niveau-wijk").isChecked(), true);
      assert.notEqual(await look("#kaart-niveau-wijk"), await look("#kaart-niveau-buurt"));
      await page.locator('#dh-kaart-interactief[data-getekend="ja"]').waitFor({ timeout: 10_000 });
      // From the map's heading down: the interactive map (maplibre) with the SVG map under it.
      const top = (await page.locator("#kaart-kop").boundingBox())?.y ?? 0;
      await page.screenshot({
        path: `${SCREENSHOTS}/readme-kaart.png`,
        fullPage: true,
        clip: { x: 0, y: Math.max(0, top - 16), width: 1280, height: 1000 },
      });
    } finally {
      await tp.close();
    }
  });
});
