import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { verifyPassword } from "../server/auth/passwords.ts";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import { runInProcess } from "./run-in-process.ts";

const dir = mkdtempSync(join(tmpdir(), "driehoek-gebruiker-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, "d.duckdb");
const run = (args: string[], stdin?: string) => runInProcess([...args, "--db", db], { stdin });

/** Listing is administration: as a beheerder, registered. */
const ADMIN = ["--als", "beheer.test"];

describe("driehoek organisatie and gebruiker", () => {
  it("adds organisations and users, and lists them (name, organisation, roles) without secrets", async () => {
    assert.equal(
      (await run(["gebruiker", "toevoegen", "--id", "beheer.test", "--naam", "Beheer", "--rol", "beheerder"]))
        .code,
      0,
    );
    // Without --als, or as someone else, nobody gets the list.
    assert.match((await run(["gebruiker", "lijst", "--json"])).err, /geef --als GEBRUIKER/);
    assert.equal(
      (
        await run([
          "organisatie",
          "toevoegen",
          "--id",
          "gm9001",
          "--naam",
          "Gemeente Aadorp",
          "--soort",
          "gemeente",
          "--gebied",
          "GM9001",
        ])
      ).code,
      0,
    );
    assert.equal(
      (
        await run([
          "organisatie",
          "toevoegen",
          "--id",
          "politie-re90",
          "--naam",
          "Eenheid Demo",
          "--soort",
          "politie",
          "--gebied",
          "RE90",
        ])
      ).code,
      0,
    );
    const added = await run([
      "gebruiker",
      "toevoegen",
      "--id",
      "bm.aadorp",
      "--naam",
      "Burgemeester Aadorp",
      "--rol",
      "burgemeester",
      "--organisatie",
      "gm9001",
    ]);
    assert.equal(added.code, 0, added.err);
    const password = /Wachtwoord \(wordt niet nog eens getoond\): (\S+)/.exec(added.out)?.[1] ?? "";
    const own = await run(
      [
        "gebruiker",
        "toevoegen",
        "--id",
        "tc.aadorp",
        "--naam",
        "Teamchef",
        "--rol",
        "teamchef,politie-analist",
        "--organisatie",
        "politie-re90",
        "--wachtwoord-stdin",
      ],
      "een eigen lang wachtwoord\n",
    );
    assert.equal(own.code, 0, own.err);
    assert.doesNotMatch(own.out, /Wachtwoord/);
    const list = JSON.parse((await run(["gebruiker", "lijst", "--json", ...ADMIN])).out) as Record<
      string,
      unknown
    >[];
    assert.deepEqual(
      list.map((u) => [u.id, u.naam, u.organisatie, u.rollen]),
      [
        ["beheer.test", "Beheer", null, ["beheerder"]],
        ["bm.aadorp", "Burgemeester Aadorp", "gm9001", ["burgemeester"]],
        ["tc.aadorp", "Teamchef", "politie-re90", ["teamchef", "politie-analist"]],
      ],
    );
    assert.ok(!JSON.stringify(list).includes("argon2"), "no password hashes in the list");
    const store = await openDuckDbStore(db);
    try {
      const bm = await store.user("bm.aadorp");
      assert.equal(await verifyPassword(bm?.passwordHash ?? "", password), true);
      const tc = await store.user("tc.aadorp");
      assert.equal(await verifyPassword(tc?.passwordHash ?? "", "een eigen lang wachtwoord"), true);
    } finally {
      await store.close();
    }
    const orgs = JSON.parse((await run(["organisatie", "lijst", "--json", ...ADMIN])).out) as {
      id: string;
      authority: string[];
    }[];
    assert.deepEqual(
      orgs.map((o) => [o.id, o.authority]),
      [
        ["gm9001", ["GM9001"]],
        ["politie-re90", ["RE90"]],
      ],
    );
  });

  it("refuses unknown roles, a role that does not fit the organisation, weak passwords and duplicates", async () => {
    const cases: [string[], RegExp, string?][] = [
      [
        ["gebruiker", "toevoegen", "--id", "x1", "--naam", "X", "--rol", "koning", "--organisatie", "gm9001"],
        /onbekende rol koning/,
      ],
      [
        [
          "gebruiker",
          "toevoegen",
          "--id",
          "x2",
          "--naam",
          "X",
          "--rol",
          "teamchef",
          "--organisatie",
          "gm9001",
        ],
        /hoort bij een organisatie van soort politie/,
      ],
      [
        ["gebruiker", "toevoegen", "--id", "x3", "--naam", "X", "--rol", "burgemeester"],
        /vraagt een organisatie/,
      ],
      [
        [
          "gebruiker",
          "toevoegen",
          "--id",
          "x4",
          "--naam",
          "X",
          "--rol",
          "burgemeester",
          "--organisatie",
          "gm9999",
        ],
        /organisatie gm9999 bestaat niet/,
      ],
      [
        ["gebruiker", "toevoegen", "--id", "x5", "--naam", "X", "--rol", "fg", "--wachtwoord-stdin"],
        /minstens 12 tekens/,
        "kort\n",
      ],
      [["gebruiker", "toevoegen", "--id", "bm.aadorp", "--naam", "X", "--rol", "fg"], /bestaat al/],
      [["gebruiker", "toevoegen", "--id", "X Y", "--naam", "X", "--rol", "fg"], /geen geldige naam/],
      [
        ["organisatie", "toevoegen", "--id", "o1", "--naam", "O", "--soort", "bank", "--gebied", "GM9001"],
        /onbekende soort bank/,
      ],
      [
        ["organisatie", "toevoegen", "--id", "o1", "--naam", "O", "--soort", "om", "--gebied", "overal"],
        /gebiedscodes/,
      ],
      [["gebruiker", "rollen", "niemand", "--rol", "fg"], /gebruiker niemand bestaat niet/],
    ];
    for (const [args, message, stdin] of cases) {
      const r = await run(args, stdin);
      assert.equal(r.code, 1, args.join(" "));
      assert.match(r.err, message, args.join(" "));
    }
  });

  it("changes roles, resets a password and blocks and unblocks", async () => {
    assert.equal(
      (await run(["gebruiker", "rollen", "bm.aadorp", "--rol", "burgemeester,beheerder"])).code,
      0,
    );
    assert.equal((await run(["gebruiker", "blokkeren", "bm.aadorp"])).code, 0);
    let list = JSON.parse((await run(["gebruiker", "lijst", "--json", ...ADMIN])).out) as {
      id: string;
      rollen: string[];
      actief: boolean;
    }[];
    assert.deepEqual(
      list.find((u) => u.id === "bm.aadorp"),
      { ...list.find((u) => u.id === "bm.aadorp"), rollen: ["burgemeester", "beheerder"], actief: false },
    );
    assert.equal((await run(["gebruiker", "deblokkeren", "bm.aadorp"])).code, 0);
    list = JSON.parse((await run(["gebruiker", "lijst", "--json", ...ADMIN])).out);
    assert.equal(list.find((u) => u.id === "bm.aadorp")?.actief, true);
    const reset = await run(["gebruiker", "wachtwoord", "bm.aadorp"]);
    assert.match(reset.out, /Wachtwoord van bm\.aadorp gewijzigd/);
  });

  it("links a user to an account at the identity provider, once", async () => {
    const r = await run([
      "gebruiker",
      "koppel",
      "tc.aadorp",
      "--issuer",
      "https://login.aadorp.nl",
      "--subject",
      "u-17",
    ]);
    assert.equal(r.code, 0, r.err);
    const store = await openDuckDbStore(db);
    try {
      assert.equal((await store.user("tc.aadorp"))?.oidcSubject, "https://login.aadorp.nl|u-17");
    } finally {
      await store.close();
    }
    const twice = await run([
      "gebruiker",
      "koppel",
      "bm.aadorp",
      "--issuer",
      "https://login.aadorp.nl",
      "--subject",
      "u-17",
    ]);
    assert.match(twice.err, /al gekoppeld aan tc\.aadorp/);
  });

  it("sets, changes and removes a user's e-mail address; refuses a bad address or an unknown user", async () => {
    const email = async (id: string) => {
      const store = await openDuckDbStore(db);
      try {
        return (await store.user(id))?.email;
      } finally {
        await store.close();
      }
    };
    assert.equal(await email("bm.aadorp"), null);
    const set = await run(["gebruiker", "email", "bm.aadorp", "burgemeester@aadorp.nl"]);
    assert.equal(set.code, 0, set.err);
    assert.equal(set.out, "E-mailadres van bm.aadorp is nu burgemeester@aadorp.nl.\n");
    assert.equal(await email("bm.aadorp"), "burgemeester@aadorp.nl");

    const changed = await run(["gebruiker", "email", "bm.aadorp", "b.smit@gemeente.aadorp.nl"]);
    assert.equal(changed.code, 0, changed.err);
    assert.equal(await email("bm.aadorp"), "b.smit@gemeente.aadorp.nl");

    for (const bad of [
      "geen-apenstaart.nl",
      "twee@@aadorp.nl",
      "a@b@aadorp.nl",
      "met spatie@aadorp.nl",
      "x@localhost",
      "x@aadorp.",
    ]) {
      const r = await run(["gebruiker", "email", "bm.aadorp", bad]);
      assert.equal(r.code, 1, bad);
      assert.equal(r.out, "", bad);
      assert.match(r.err, /<adres>: .* is geen geldig e-mailadres/, bad);
    }
    // Adding a user checks the address the same way, and adds nobody with a bad one.
    const added = await run([
      "gebruiker",
      "toevoegen",
      "--id",
      "x.aadorp",
      "--naam",
      "X",
      "--rol",
      "fg",
      "--email",
      "x@aadorp.",
    ]);
    assert.equal(added.code, 1);
    assert.match(added.err, /--email: .* is geen geldig e-mailadres/);
    const listed = (await run(["gebruiker", "lijst", "--json", ...ADMIN])).out;
    assert.match(listed, /bm\.aadorp/);
    assert.doesNotMatch(listed, /x\.aadorp/);
    const neither = await run(["gebruiker", "email", "bm.aadorp"]);
    assert.equal(neither.code, 1);
    assert.match(neither.err, /<adres>: geef het e-mailadres, of --geen/);
    const both = await run(["gebruiker", "email", "bm.aadorp", "x@aadorp.nl", "--geen"]);
    assert.equal(both.code, 1);
    assert.match(both.err, /niet allebei/);
    assert.equal(await email("bm.aadorp"), "b.smit@gemeente.aadorp.nl", "a refused run changes nothing");

    const unknown = await run(["gebruiker", "email", "niemand", "x@aadorp.nl"]);
    assert.equal(unknown.code, 1);
    assert.equal(unknown.out, "");
    assert.match(unknown.err, /gebruiker niemand bestaat niet/);

    const removed = await run(["gebruiker", "email", "bm.aadorp", "--geen"]);
    assert.equal(removed.code, 0, removed.err);
    assert.equal(removed.out, "Gebruiker bm.aadorp heeft geen e-mailadres meer.\n");
    assert.equal(await email("bm.aadorp"), null);
  });

  it("makes a short-lived API token for an existing user and a known purpose", async () => {
    const r = await run(["token", "--als", "tc.aadorp", "--doel", "politietaak", "--geldig", "600"]);
    assert.equal(r.code, 0, r.err);
    const [, payload] = r.out.trim().split(".");
    const claims = JSON.parse(Buffer.from(payload as string, "base64url").toString()) as {
      sub: string;
      doel: string;
      exp: number;
      iat: number;
    };
    assert.deepEqual([claims.sub, claims.doel, claims.exp - claims.iat], ["tc.aadorp", "politietaak", 600]);
    assert.match(
      (await run(["token", "--als", "niemand", "--doel", "politietaak"])).err,
      /niemand bestaat niet/,
    );
    assert.match(
      (await run(["token", "--als", "tc.aadorp", "--doel", "nieuwsgierigheid"])).err,
      /onbekend doel/,
    );
    assert.match(
      (await run(["token", "--als", "tc.aadorp", "--doel", "politietaak", "--geldig", "86400"])).err,
      /--geldig/,
    );
  });

  it("records every account change in the verstrekkingenregister, without secrets", async () => {
    const { readFileSync } = await import("node:fs");
    const entries = readFileSync(join(dir, "verstrekkingenregister.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { kind: string; what: string });
    const whats = entries.filter((e) => e.kind === "beheer").map((e) => e.what);
    for (const w of [
      "organisatie:gm9001",
      "gebruiker-toevoegen:bm.aadorp",
      "gebruiker-rollen:bm.aadorp",
      "gebruiker-blokkeren:bm.aadorp",
      "gebruiker-wachtwoord:bm.aadorp",
      "gebruiker-koppel:tc.aadorp",
      "gebruiker-email:bm.aadorp",
    ]) {
      assert.ok(whats.includes(w), w);
    }
    const text = readFileSync(join(dir, "verstrekkingenregister.jsonl"), "utf8");
    assert.ok(!text.includes("argon2") && !text.includes("een eigen lang wachtwoord"));
    assert.ok(!text.includes("@aadorp.nl"), "the register names the change, not the address");
    // A refused change (bad address, unknown user) is not registered.
    assert.ok(!whats.includes("gebruiker-email:niemand"));
    assert.equal((await run(["register", "verify"])).code, 0);
  });

  it("refuses to change an organisation's kind when its users' roles no longer fit", async () => {
    const r = await run([
      "organisatie",
      "toevoegen",
      "--id",
      "gm9001",
      "--naam",
      "X",
      "--soort",
      "politie",
      "--gebied",
      "GM9001",
    ]);
    assert.equal(r.code, 1);
    assert.match(r.err, /bm\.aadorp: de rol burgemeester hoort bij een organisatie van soort gemeente/);
  });
});
