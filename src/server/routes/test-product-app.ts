// Test support for the product pages and the product API: the web app on the fixed product demo
// (src/products/test-products.ts) with the real gate, the demo users of some roles given the test
// password, and (when asked and Chromium is there) a PDF printer started on first use.

import { existsSync } from "node:fs";
import type { Role } from "../../domain/roles.ts";
import { openProductTestStore, PRODUCT_DEMO, type ProductTestStore } from "../../products/test-products.ts";
import { DEFAULT_CHROMIUM, openPdfPrinter, type PdfPrinter } from "../../render/pdf/print-pdf.ts";
import { createApp } from "../app.ts";
import { hashPassword } from "../auth/passwords.ts";
import { openTestGate, TEST_API_KEY, TEST_PASSWORD } from "../test-access.ts";

export interface ProductTestApp {
  t: ProductTestStore;
  app: ReturnType<typeof createApp>;
  access: Awaited<ReturnType<typeof openTestGate>>;
  /** Whether PDF downloads work (asked for, and Chromium installed). */
  pdf: boolean;
  close: () => Promise<void>;
}

export async function openProductTestApp(
  opts: { passwords?: readonly Role[]; pdf?: boolean; loginAttemptsPerMinute?: number } = {},
): Promise<ProductTestApp> {
  const t = await openProductTestStore();
  const hash = await hashPassword(TEST_PASSWORD);
  for (const role of opts.passwords ?? []) {
    const user = await t.store.user(t.userFor(role));
    if (!user) throw new Error(`geen demogebruiker met rol ${role}`);
    await t.store.saveUser({ ...user, passwordHash: hash });
  }
  const access = await openTestGate(t.store, () => PRODUCT_DEMO.now);
  const pdf = (opts.pdf ?? false) && existsSync(DEFAULT_CHROMIUM);
  let printer: Promise<PdfPrinter> | undefined;
  const app = createApp({
    store: t.store,
    now: () => PRODUCT_DEMO.now,
    gate: access.gate,
    registry: access.registry,
    apiTokenKey: TEST_API_KEY,
    loginAttemptsPerMinute: opts.loginAttemptsPerMinute,
    products: {
      store: t.store,
      pdf: pdf
        ? () => {
            printer ??= openPdfPrinter();
            return printer;
          }
        : undefined,
    },
  });
  return {
    t,
    app,
    access,
    pdf,
    close: async () => {
      await (await printer)?.close();
      await access.close();
      await t.store.close();
    },
  };
}
