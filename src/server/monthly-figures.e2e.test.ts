// Browser test: the monthly figures page in Debian's Chromium (headless) through playwright-core,
// against the app served on a random port with a DuckDB store in memory. Saves a screenshot to
// test-output/maandcijfers.png. Skipped when /usr/bin/chromium is missing (scripts/test.js installs it).

import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { type Browser, chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS } from "../render/pdf/print-pdf.ts";
import type { Store } from "../store/store.ts";
import { createApp } from "./app.ts";
import { type RunningServer, startServer } from "./serve.ts";
import { addWebTestAccounts, openTestGate, TEST_PASSWORD } from "./test-access.ts";
import { openTestStore, TEST_GEMEENTE } from "./test-store.ts";

const CHROMIUM = "/usr/bin/chromium";
const NOW = new Date("2024-04-15T10:00:00Z");

/**
 * Contrast of the text colour against the nearest opaque background, for every text element;
 * returns the three lowest ratios. A string, because tsx's name helpers do not exist in the page.
 */
const CONTRAST_SCRIPT = `(() => {
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const channel = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  const lum = (c) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c;
    }
    return [255, 255, 255];
  };
  const results = [];
  const selector = "h1, h2, p, li, a, label, button, caption, th, td, .dh-code, .dh-muted, .dh-tagline";
  for (const el of document.querySelectorAll(selector)) {
    if (!(el.textContent || "").trim() || el.closest(".dh-visually-hidden, .utrecht-skip-link")) continue;
    const fg = lum(parse(getComputedStyle(el).color));
    const bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    results.push({ text: el.tagName + " " + (el.textContent || "").trim().slice(0, 30), ratio });
  }
  results.sort((a, b) => a.ratio - b.ratio);
  return { count: results.length, worst: results.slice(0, 3) };
})()`;

/** What has focus, as a short string: "a#id[rel=prev]", "input#maand", … */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    const rel = el.getAttribute("rel");
    const cls = el.classList.contains("utrecht-skip-link") ? ".skip" : "";
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${cls}${rel ? `[rel=${rel}]` : ""}`;
  });
}

describe("monthly figures in the browser", {
  skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} ontbreekt`,
}, () => {
  let store: Store;
  let closeGate: () => Promise<void>;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const cspErrors: string[] = [];
  const path = `/gemeenten/${TEST_GEMEENTE.code}/maandcijfers?maand=2024-02`;

  before(async () => {
    store = await openTestStore();
    await addWebTestAccounts(store);
    const access = await openTestGate(store, () => NOW);
    closeGate = access.close;
    const app = createApp({ store, now: () => NOW, gate: access.gate, registry: access.registry });
    server = await startServer(app, { port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("console", (msg) => {
      if (/Content.Security.Policy|Refused to/i.test(msg.text())) cspErrors.push(msg.text());
    });
    // Log in and choose the purpose through the forms, with the keyboard, as a person would.
    await page.goto(`${server.url}${path}`);
    assert.match(page.url(), /\/inloggen\?terug=/);
    // The name field gets the focus by itself (wait for it: under load the page may still be busy).
    await page.waitForFunction(() => document.activeElement?.id === "gebruiker");
    await page.keyboard.type("bm.voorbeeldstad");
    await page.keyboard.press("Tab");
    await page.keyboard.type(TEST_PASSWORD);
    await Promise.all([page.waitForURL(/\/doel\?terug=/), page.keyboard.press("Enter")]);
    await page.getByLabel("Handhaving van de openbare orde").check();
    await Promise.all([
      page.waitForURL((url) => url.pathname.endsWith("/maandcijfers")),
      page.getByRole("button", { name: "Doel kiezen" }).press("Enter"),
    ]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await closeGate?.();
    await store?.close();
  });

  it("loads the page with the table and the charts, without CSP violations", async () => {
    const res = await page.goto(`${server.url}${path}`);
    assert.equal(res?.status(), 200);
    assert.equal(await page.locator("h1").count(), 1);
    assert.match((await page.locator("h1").textContent()) ?? "", /Maandcijfers Voorbeeldstad: februari 2024/);
    assert.ok(await page.locator("table.dh-table-full").isVisible());
    assert.ok((await page.locator("table.dh-table-full tbody tr").count()) > 15);
    assert.equal(await page.locator('svg[role="img"]').count(), 2);
    assert.ok(await page.locator('svg[role="img"]').first().isVisible());
    // Stylesheets applied: the theme class is on <body> and the table has our cell padding.
    const padding = await page
      .locator("table.dh-table-full td")
      .first()
      .evaluate((td) => getComputedStyle(td).paddingLeft);
    assert.equal(padding, "8px");
    assert.deepEqual(cspErrors, []);

    mkdirSync("test-output", { recursive: true });
    await page.screenshot({ path: "test-output/maandcijfers.png", fullPage: true });
  });

  it("can be used with the keyboard: skip link, month picker, previous and next month", async () => {
    await page.goto(`${server.url}${path}`);
    const seen: string[] = [];
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press("Tab");
      seen.push(await focused(page));
    }
    assert.equal(seen[0], "a.skip", `first Tab: ${seen.join(", ")}`);
    for (const target of ["input#maand", "a[rel=prev]", "a[rel=next]"]) {
      assert.ok(seen.includes(target), `${target} not reached by Tab: ${seen.join(", ")}`);
    }
    assert.ok(seen.indexOf("input#maand") < seen.indexOf("a[rel=prev]"));

    // The focus is visible: an outline of at least 2px on the focused link.
    await page.focus("a[rel=prev]");
    const outline = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return null;
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: Number.parseFloat(s.outlineWidth) };
    });
    assert.ok(outline && outline.style !== "none" && outline.width >= 2, JSON.stringify(outline));

    // The skip link moves the focus to <main>.
    await page.goto(`${server.url}${path}`);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    assert.equal(await focused(page), "main#inhoud");

    // Enter on "next month" opens March.
    await page.focus("a[rel=next]");
    await Promise.all([page.waitForURL(/maand=2024-03/), page.keyboard.press("Enter")]);
    assert.match((await page.locator("h1").textContent()) ?? "", /maart 2024/);
  });

  it("opens another month with the month picker", async () => {
    await page.goto(`${server.url}${path}`);
    await page.fill("#maand", "2024-01");
    await Promise.all([page.waitForURL(/maand=2024-01/), page.click("main button[type=submit]")]);
    assert.match((await page.locator("h1").textContent()) ?? "", /januari 2024/);
  });

  it("has text contrast of at least 4.5:1 (WCAG AA)", async () => {
    await page.goto(`${server.url}${path}`);
    const worst: { count: number; worst: { text: string; ratio: number }[] } =
      await page.evaluate(CONTRAST_SCRIPT);
    assert.ok(worst.count > 50);
    for (const w of worst.worst) assert.ok(w.ratio >= 4.5, `${w.text}: ${w.ratio.toFixed(2)}:1`);
  });

  it("prints without the navigation", async () => {
    await page.goto(`${server.url}${path}`);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".dh-month-nav").isVisible(), false);
    assert.ok(await page.locator("table.dh-table-full").isVisible());
    await page.emulateMedia({ media: "screen" });
  });
});
