// Login through a real OpenID Connect provider (the oidc-provider package, started here on a
// random port) in Chromium: driehoek → provider's login and consent → back, linked account in,
// unlinked account refused, a forged callback refused.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import Provider from "oidc-provider";
import { type Browser, chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS } from "../render/pdf/print-pdf.ts";
import type { Store } from "../store/store.ts";
import { createApp } from "./app.ts";
import { createOidcLogin, type OidcLogin, oidcSubjectKey } from "./auth/oidc-login.ts";
import { type RunningServer, startServer } from "./serve.ts";
import { addWebTestAccounts, openTestGate } from "./test-access.ts";
import { openTestStore } from "./test-store.ts";

const CHROMIUM = "/usr/bin/chromium";
const NOW = new Date("2024-04-15T10:00:00Z");

describe("login through OpenID Connect", {
  skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} ontbreekt`,
}, () => {
  let store: Store;
  let app: RunningServer;
  let idp: Server;
  let issuer: string;
  let browser: Browser;
  let closeGate: () => Promise<void>;
  let login: OidcLogin | undefined;

  before(async () => {
    store = await openTestStore();
    await addWebTestAccounts(store);
    const access = await openTestGate(store, () => NOW);
    closeGate = access.close;
    // The app first (its port goes into the provider's client registration); OIDC set after.
    const lazy: OidcLogin = {
      label: "Inloggen met uw gemeenteaccount",
      start: (back) => (login as OidcLogin).start(back),
      finish: (url, pending) => (login as OidcLogin).finish(url, pending),
    };
    // The real clock: ID tokens carry real times, which openid-client checks.
    app = await startServer(
      createApp({ store, now: () => new Date(), gate: access.gate, registry: access.registry, oidc: lazy }),
      { port: 0 },
    );
    const redirect = `${app.url}/inloggen/oidc/terug`;
    idp = createServer();
    await new Promise<void>((r) => idp.listen(0, "127.0.0.1", () => r()));
    issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: "driehoek",
          client_secret: "alleen-voor-deze-test",
          redirect_uris: [redirect],
          grant_types: ["authorization_code"],
          response_types: ["code"],
        },
      ],
      cookies: { keys: ["test-sleutel-voor-cookies"] },
      findAccount: async (_ctx: unknown, id: string) => ({
        accountId: id,
        claims: async () => ({ sub: id }),
      }),
    });
    idp.on("request", provider.callback());
    login = createOidcLogin({
      issuer,
      clientId: "driehoek",
      clientSecret: "alleen-voor-deze-test",
      redirectUri: redirect,
      label: lazy.label,
      allowInsecure: true,
    });
    const mayor = await store.user("bm.voorbeeldstad");
    assert.ok(mayor);
    await store.saveUser({ ...mayor, oidcSubject: oidcSubjectKey(issuer, "ambtenaar-7") });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    idp?.closeAllConnections();
    await new Promise((r) => idp?.close(r));
    await closeGate?.();
    await store?.close();
  });

  /** Logs in at the provider's (development) login page as `subject`, and consents. */
  async function throughProvider(page: Page, subject: string) {
    await page.goto(`${app.url}/inloggen?terug=%2F`);
    await Promise.all([
      page.waitForURL((u) => u.href.startsWith(issuer)),
      page.getByText("Inloggen met uw gemeenteaccount").click(),
    ]);
    await page.locator('input[name="login"]').fill(subject);
    await page.locator('input[name="password"]').fill("wat-dan-ook");
    await page.locator('button[type="submit"]').click();
    await page.waitForLoadState();
    // The provider asks for consent the first time.
    if (page.url().startsWith(issuer)) await page.locator('button[type="submit"]').click();
    await page.waitForURL((u) => u.href.startsWith(app.url));
  }

  it("lets a linked account in, on to the choice of purpose", async () => {
    const page = await browser.newPage();
    await throughProvider(page, "ambtenaar-7");
    assert.match(page.url(), /\/doel\?terug=%2F$/);
    assert.match((await page.locator(".dh-account").textContent()) ?? "", /bm\.voorbeeldstad/);
    await page.close();
  });

  it("refuses an account that is not linked to a driehoek user", async () => {
    const page = await browser.newPage();
    await throughProvider(page, "onbekende-9");
    assert.match(page.url(), /\/inloggen\/oidc\/terug/);
    assert.match(
      (await page.locator("[role=alert]").textContent()) ?? "",
      /niet aan een driehoek-gebruiker gekoppeld/,
    );
    assert.equal((await page.goto(`${app.url}/`))?.url().includes("/inloggen"), true);
    await page.close();
  });

  it("refuses a callback that was not asked for (wrong state, no code)", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/inloggen`);
    await page.goto(`${app.url}/inloggen/oidc/terug?code=vervalst&state=vervalst`);
    assert.match(page.url(), /\/inloggen$/);
    assert.match((await page.goto(`${app.url}/`))?.url() ?? "", /\/inloggen/);
    await page.close();
  });
});
