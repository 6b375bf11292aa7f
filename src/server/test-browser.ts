// Test support for the browser tests (*.e2e.test.ts): Debian's Chromium through playwright-core
// with the agreed flags, a page that collects CSP errors, logging in and choosing the purpose with
// the keyboard only, Tab until something is focused, and axe-core's serious and critical
// violations (axe injected through the DevTools protocol, which the page's CSP does not govern).

import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from "../render/pdf/print-pdf.ts";
import { TEST_PASSWORD } from "./test-access.ts";

/** For `describe(…, { skip })`: skipped, saying why, when Chromium is not installed. */
export const NEEDS_CHROMIUM = existsSync(DEFAULT_CHROMIUM) ? false : `${DEFAULT_CHROMIUM} ontbreekt`;

/** Where screenshots for review go (kept by CI as artifacts). */
export const SCREENSHOTS = "test-output";

export interface TestPage {
  browser: Browser;
  page: Page;
  /** Console messages about the Content-Security-Policy (blocked scripts, styles, …). */
  cspErrors: string[];
  close: () => Promise<void>;
}

/** Debian's Chromium, headless, with the agreed flags (CHROMIUM_ARGS). */
export function launchTestBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: DEFAULT_CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
}

export async function openTestPage(opts: BrowserContextOptions = {}): Promise<TestPage> {
  const browser = await launchTestBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on("console", (msg) => {
    if (/Content.Security.Policy|Refused to/i.test(msg.text())) cspErrors.push(msg.text());
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return { browser, page, cspErrors, close: () => browser.close() };
}

/**
 * Opens `path` (which sends to the login page), logs in as `user` with the keyboard and, when
 * `purposeLabel` is given, chooses that purpose; ends on `path`.
 */
export async function keyboardLogin(
  page: Page,
  base: string,
  path: string,
  user: string,
  purposeLabel?: string,
): Promise<void> {
  await page.goto(`${base}${path}`);
  assert.match(page.url(), /\/inloggen\?terug=/);
  await page.waitForFunction(() => document.activeElement?.id === "gebruiker");
  await page.keyboard.type(user);
  await page.keyboard.press("Tab");
  await page.keyboard.type(TEST_PASSWORD);
  await Promise.all([page.waitForURL((u) => u.pathname !== "/inloggen"), page.keyboard.press("Enter")]);
  if (purposeLabel === undefined) return;
  await page.getByLabel(purposeLabel).check();
  await Promise.all([
    page.waitForURL((u) => u.pathname !== "/doel"),
    page.getByRole("button", { name: "Doel kiezen" }).press("Enter"),
  ]);
}

/** Presses Tab until `test` (evaluated in the page) holds for the focused element. */
export async function tabTo(page: Page, test: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(test)) return;
  }
  assert.fail(`not reachable with Tab: ${test}`);
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page, as "rule: target" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${AXE}\n;0`);
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })`,
  )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id}: ${n.target.join(" ")}`));
}
