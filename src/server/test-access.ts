// Test support for the web app: users with passwords in a test store, the real gate with a register
// in a temporary folder, and a browser-like client that logs in (cookie, anti-forgery token,
// purpose) through the real forms.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadExistingKey } from "../disclosure/keys.ts";
import { type VerifyResult, verifyRegister } from "../disclosure/register/verify-register.ts";
import { openStoreGate, type StoreGate } from "../disclosure/store-gate.ts";
import type { UserAccount } from "../domain/account.ts";
import type { Role } from "../domain/roles.ts";
import type { Store } from "../store/store.ts";
import { hashPassword } from "./auth/passwords.ts";

export const TEST_PASSWORD = "een test wachtwoord";

/** Two gemeenten with their mayors, a police basisteam with its teamchef, an FG and a beheerder. */
export async function addWebTestAccounts(store: Store): Promise<void> {
  await store.saveOrganisation({
    id: "gm9001",
    name: "Voorbeeldstad",
    kind: "gemeente",
    authority: ["GM9001"],
  });
  await store.saveOrganisation({ id: "gm9002", name: "Dorpshaven", kind: "gemeente", authority: ["GM9002"] });
  await store.saveOrganisation({
    id: "politie-bt",
    name: "Basisteam",
    kind: "politie",
    authority: ["GM9001", "GM9002"],
  });
  const hash = await hashPassword(TEST_PASSWORD);
  const user = (id: string, roles: Role[], organisation: string | null): UserAccount => ({
    id,
    name: id,
    email: null,
    organisation,
    roles,
    passwordHash: hash,
    totpSecret: null,
    oidcSubject: null,
    failedLogins: 0,
    lockedUntil: null,
    active: true,
    createdAt: new Date("2024-01-01T00:00:00Z"),
  });
  await store.saveUser(user("bm.voorbeeldstad", ["burgemeester"], "gm9001"));
  await store.saveUser(user("bm.dorpshaven", ["burgemeester"], "gm9002"));
  await store.saveUser(user("fg", ["fg"], "gm9001"));
  await store.saveUser(user("tc.voorbeeldstad", ["teamchef"], "politie-bt"));
  await store.saveUser(user("beheer", ["beheerder"], null));
}

/** A fixed key for API tokens in tests. */
export const TEST_API_KEY = new Uint8Array(32).fill(42);

/** The real gate for a test store, its register in a fresh temporary folder. */
export async function openTestGate(
  store: Store,
  now: () => Date,
): Promise<
  StoreGate & { registerFile: string; register: { path: string; verify: () => Promise<VerifyResult> } }
> {
  const dir = mkdtempSync(join(tmpdir(), "driehoek-web-"));
  const env = { DRIEHOEK_REGISTER: join(dir, "register.jsonl"), DRIEHOEK_SLEUTELS: join(dir, "sleutels") };
  const access = await openStoreGate({ store, dbPath: join(dir, "x.duckdb"), env, now });
  const path = env.DRIEHOEK_REGISTER;
  return {
    ...access,
    registerFile: path,
    register: {
      path,
      verify: () => verifyRegister(path, loadExistingKey(env.DRIEHOEK_SLEUTELS, "register")),
    },
  };
}

type Fetch = (path: string, init?: RequestInit) => Response | Promise<Response>;

/** A client that keeps the session cookie, like a browser. */
export class TestBrowser {
  private cookie = "";
  constructor(private readonly fetch: Fetch) {}

  /** The session cookie as this client sends it ("name=value"; "" when it has none). */
  get sessionCookie(): string {
    return this.cookie;
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("Cookie", this.cookie);
    const res = await this.fetch(path, { ...init, headers, redirect: "manual" });
    const set = res.headers.get("Set-Cookie");
    if (set) {
      const [pair] = set.split(";");
      this.cookie = /=$/.test(pair ?? "") || /Max-Age=0/i.test(set) ? "" : (pair ?? "");
    }
    return res;
  }

  /** Posts a form with the anti-forgery token read from the page at `formPage`. */
  async submit(formPage: string, action: string, fields: Record<string, string>): Promise<Response> {
    const html = await (await this.request(formPage)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    return this.request(action, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
  }

  async login(user: string, password = TEST_PASSWORD): Promise<Response> {
    return this.submit("/inloggen", "/inloggen", { gebruiker: user, wachtwoord: password });
  }

  async choosePurpose(purpose: string, casusnummer = ""): Promise<Response> {
    return this.submit("/doel", "/doel", { doel: purpose, casusnummer });
  }

  /** Logged in as `user` with `purpose` chosen. */
  static async as(fetch: Fetch, user: string, purpose = "openbare-orde"): Promise<TestBrowser> {
    const b = new TestBrowser(fetch);
    const login = await b.login(user);
    if (login.status !== 303) throw new Error(`inloggen mislukt: ${login.status} ${await login.text()}`);
    const chosen = await b.choosePurpose(purpose);
    if (chosen.status !== 303) throw new Error(`doel kiezen mislukt: ${chosen.status}`);
    return b;
  }
}
