// Test support for the browser tests of the pages on the fixed product demo: the web app served on
// a random port, Debian's Chromium with a page that collects CSP errors, and the demo's mayor
// logged in with the keyboard for the session's purpose, ending on `path`.

import type { BrowserContextOptions } from "playwright-core";
import { type RunningServer, startServer } from "../serve.ts";
import { keyboardLogin, openTestPage, type TestPage } from "../test-browser.ts";
import { openProductTestApp, type ProductTestApp } from "./test-product-app.ts";

export interface ProductBrowser extends TestPage {
  w: ProductTestApp;
  server: RunningServer;
}

export async function openProductBrowser(
  path: string,
  opts: { pdf?: boolean; context?: BrowserContextOptions } = {},
): Promise<ProductBrowser> {
  const w = await openProductTestApp({ passwords: ["burgemeester"], pdf: opts.pdf });
  const server = await startServer(w.app, { port: 0 });
  const tp = await openTestPage({ viewport: { width: 1280, height: 900 }, ...opts.context });
  await keyboardLogin(
    tp.page,
    server.url,
    path,
    w.t.userFor("burgemeester"),
    "Handhaving van de openbare orde",
  );
  return {
    ...tp,
    w,
    server,
    close: async () => {
      await tp.close();
      await server.close();
      await w.close();
    },
  };
}
