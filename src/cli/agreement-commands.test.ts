import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { TEST_AREAS, TEST_ORGANISATIONS, TEST_USERS } from "../agreements/test-agreements.ts";
import { parseMail, startSmtpServer, type TestSmtpServer } from "../agreements/test-mail.ts";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import type { CliEffects } from "./context.ts";
import { main } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "driehoek-afspraak-"));
const db = join(dir, "a.duckdb");
const folder = join(dir, "leveringsmap");
const NOW = new Date("2026-11-05T08:00:00Z");
/** Reading an agreement goes through the gate: the gemeente's adviser, for the driehoek; reminders are for the beheerder. */
const READ = ["--als", "oov.sperwerkerk", "--doel", "voorbereiding-driehoek"];
const ADMIN_USER = "beheer";
let smtp: TestSmtpServer;

/** Runs `driehoek …` in this process with a fixed clock and the given environment. */
async function cli(args: string[], env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const fx: CliEffects = {
    now: () => NOW,
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    env: { USER: "test", ...env },
    isTty: false,
    readStdin: async () => "",
  };
  process.exitCode = 0;
  await main(["node", "driehoek", ...args, "--db", db], fx);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}

function agreementFile(name: string, change: (a: Record<string, unknown>) => void = () => {}): string {
  const a: Record<string, unknown> = {
    gemeente: "GM9001",
    geldigVanaf: "2026-11-01",
    evaluatieOp: "2026-11-30",
    afgesprokenMet: "Burgemeester, teamchef en officier van justitie",
    grondslag: "wpg-16-1-c",
    producten: [
      {
        product: "maandoverzicht",
        cadans: "maandelijks",
        dagVanLevering: 3,
        formaten: ["xlsx"],
        ontvangers: ["burgemeester.sperwerkerk", "wethouder.sperwerkerk"],
        doel: "openbare-orde",
        kanalen: ["email", "map"],
        map: "maandcijfers",
      },
    ],
  };
  change(a);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(a, null, 2));
  return file;
}

function registerEntries(): { kind: string; user: string; what: string; policy: string | null }[] {
  return readFileSync(join(dir, "verstrekkingenregister.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

before(async () => {
  const store = await openDuckDbStore(db);
  try {
    await store.importAreas(TEST_AREAS);
    for (const o of TEST_ORGANISATIONS) await store.saveOrganisation(o);
    for (const u of TEST_USERS) await store.saveUser(u);
  } finally {
    await store.close();
  }
  mkdirSync(folder);
  smtp = await startSmtpServer();
});
after(async () => {
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("driehoek afspraak", () => {
  it("bewaar: only the gemeente's OOV-adviseur or beheerder saves, and each change is registered", async () => {
    const file = agreementFile("afspraak.json");
    for (const [user, message] of [
      ["teamchef.sperwerkerk", /teamchef\.sperwerkerk mag de informatieafspraak van GM9001 niet bewaren/],
      ["oov.korenbloemrade", /oov\.korenbloemrade mag de informatieafspraak van GM9001 niet bewaren/],
      ["niemand", /Gebruiker niemand bestaat niet/],
    ] as const) {
      const r = await cli(["afspraak", "bewaar", "--bestand", file, "--als", user]);
      assert.equal(r.code, 1, user);
      assert.match(r.err, message);
    }

    const saved = await cli(["afspraak", "bewaar", "--bestand", file, "--als", "oov.sperwerkerk"]);
    assert.equal(saved.code, 0, saved.err);
    assert.match(saved.out, /^Informatieafspraak van Sperwerkerk \(GM9001\) bewaard als versie 1\.\n/);
    assert.match(
      saved.out,
      /Let op: wethouder\.sperwerkerk \(wethouder\) is geen ontvanger onder grondslag wpg-16-1-c/,
    );

    const same = await cli(["afspraak", "bewaar", "--bestand", file, "--als", "oov.sperwerkerk"]);
    assert.match(same.out, /is niet veranderd; versie 1 blijft gelden/);

    const changed = agreementFile("afspraak-2.json", (a) => {
      a.toelichting = "Na het driehoeksoverleg van november.";
    });
    const second = await cli(["afspraak", "bewaar", "--bestand", changed, "--als", "beheer"]);
    assert.match(second.out, /bewaard als versie 2/);

    assert.deepEqual(
      registerEntries().map((e) => [e.kind, e.user, e.what, e.policy]),
      [
        ["beheer", "oov.sperwerkerk", "afspraak-bewaren:GM9001:v1", "afspraak-beheer"],
        ["beheer", "beheer", "afspraak-bewaren:GM9001:v2", "afspraak-beheer"],
      ],
    );
  });

  it("bewaar: a wrong file is refused with every field named, and nothing is saved", async () => {
    const bad = agreementFile("fout.json", (a) => {
      const [item] = a.producten as Record<string, unknown>[];
      if (item) {
        item.cadans = "elke maand";
        item.kanalen = ["fax"];
      }
    });
    const r = await cli(["afspraak", "bewaar", "--bestand", bad, "--als", "oov.sperwerkerk"]);
    assert.equal(r.code, 1);
    assert.match(
      r.err,
      /^Fout in invoer: .*fout\.json, veld producten\.0\.cadans: de afspraak klopt niet:\n/,
    );
    assert.match(r.err, / {2}- producten\.0\.cadans: "elke maand" kan niet; kies uit dagelijks/);
    assert.match(r.err, / {2}- producten\.0\.kanalen\.0: "fax" kan niet; kies uit web, email, map, api/);
    const notJson = join(dir, "geen.json");
    writeFileSync(notJson, "{ gemeente: GM9001");
    const r2 = await cli(["afspraak", "bewaar", "--bestand", notJson, "--als", "oov.sperwerkerk"]);
    assert.match(r2.err, /geen\.json: geen geldige JSON/);
    assert.match(
      (await cli(["afspraak", "geschiedenis", "GM9001", ...READ])).out,
      /^versie[^\n]*\n1 .*\n2 .*\n$/,
    );
  });

  it("toon, geschiedenis and herinneringen", async () => {
    const shown = await cli(["afspraak", "toon", "gm9001", ...READ]);
    assert.equal(shown.code, 0, shown.err);
    assert.match(shown.out, /^Informatieafspraak Sperwerkerk \(GM9001\), versie 2\n/);
    assert.match(shown.out, /Bewaard op 5 november 2026 door beheer/);
    assert.match(shown.out, /Evaluatie op: 30 november 2026/);
    assert.match(shown.out, /1\. Maandoverzicht \(maandoverzicht\) voor Sperwerkerk \(GM9001\)/);
    assert.match(shown.out, /Hoe vaak: maandelijks, op de 3e werkdag na afloop van de periode/);
    assert.match(shown.out, /Via: email, map GM9001\/maandcijfers/);
    assert.match(shown.out, /Grondslag: wpg-16-1-c \(Wet politiegegevens artikel 16, eerste lid, onder c\)/);

    const v1 = await cli(["afspraak", "toon", "GM9001", "--versie", "1", "--json", ...READ]);
    const json = JSON.parse(v1.out);
    assert.equal(json.toelichting, undefined);
    assert.equal(json.producten[0].gebied, "GM9001");
    assert.equal(
      JSON.parse((await cli(["afspraak", "toon", "GM9001", "--json", ...READ])).out).toelichting,
      "Na het driehoeksoverleg van november.",
    );

    for (const [args, message] of [
      // Another gemeente's agreement is not the adviser's to read.
      [["GM9005"], /Geen toegang tot afspraak voor gebied GM9005/],
      [["GM9001", "--versie", "9"], /versie 9 van de afspraak van GM9001 bestaat niet/],
      [["GM9001", "--versie", "twee"], /versie "twee" is geen versienummer/],
    ] as const) {
      const r = await cli(["afspraak", "toon", ...args, ...READ]);
      assert.equal(r.code, 1);
      assert.match(r.err, message);
    }

    const history = await cli(["afspraak", "geschiedenis", "GM9001", ...READ]);
    assert.match(history.out, /^versie +bewaard op +door +geldig vanaf +evaluatie op +producten\n/);
    assert.match(
      history.out,
      /\n1 +5 november 2026 +oov\.sperwerkerk +2026-11-01 +2026-11-30 +maandoverzicht\n/,
    );
    assert.match(history.out, /\n2 +5 november 2026 +beheer /);

    const reminders = await cli(["afspraak", "herinneringen", "--als", ADMIN_USER]);
    assert.equal(reminders.out, "Sperwerkerk (GM9001): evaluatie op 30 november 2026 (over 25 dagen).\n");
  });
});

describe("driehoek bezorg", () => {
  it("delivers what is due, retries what failed, and delivers nothing twice", async () => {
    // Without a mail server: the folder gets the file, the e-mail fails and is tried again later.
    const first = await cli(["bezorg", "--map", folder]);
    assert.equal(first.code, 1, "a failed delivery makes the exit code 1");
    assert.match(first.err, /^2 bezorging\(en\) te doen\.\n/);
    assert.match(
      first.out,
      /^mislukt +maandoverzicht GM9001 2026-10 → burgemeester\.sperwerkerk \(registernummer \d+\) \[email: mislukt, map: bezorgd\]\n +reden: email: e-mail is niet ingesteld/,
    );
    assert.match(
      first.out,
      /\ngeweigerd +maandoverzicht GM9001 2026-10 → wethouder\.sperwerkerk\n +reden: Geen grondslag/,
    );
    assert.match(
      first.out,
      /herinnering {2}evaluatie GM9001 \(2026-11-30\) niet verzonden: e-mail is niet ingesteld/,
    );
    assert.match(first.out, /0 bezorgd, 1 geweigerd, 1 mislukt\.\n$/);
    assert.deepEqual(readdirSync(join(folder, "GM9001", "maandcijfers", "burgemeester.sperwerkerk")), [
      "maandoverzicht-GM9001-2026-10.xlsx",
    ]);

    const env = {
      DRIEHOEK_SMTP_HOST: "127.0.0.1",
      DRIEHOEK_SMTP_PORT: String(smtp.settings.port),
      DRIEHOEK_SMTP_TLS: "geen",
      DRIEHOEK_SMTP_AFZENDER: "driehoek@gemeente.example",
    };
    const second = await cli(["bezorg", "--map", folder], env);
    assert.equal(second.code, 0, second.err);
    assert.match(
      second.out,
      /^bezorgd +maandoverzicht GM9001 2026-10 → burgemeester\.sperwerkerk .*\[map: bezorgd, email: bezorgd\]\n/,
    );
    assert.match(second.out, /1 bezorgd, 0 geweigerd, 0 mislukt\.\n$/);
    assert.equal(smtp.received.length, 1, "no adviser has an e-mail address, so no reminder went out");
    const mail = parseMail(smtp.received[0]?.raw ?? "");
    assert.deepEqual(smtp.received[0]?.to, ["burgemeester@sperwerkerk.example"]);
    assert.equal(mail.attachments[0]?.filename, "maandoverzicht-GM9001-2026-10.xlsx");
    assert.equal(mail.attachments[0]?.content.subarray(0, 2).toString("latin1"), "PK");

    const third = await cli(["bezorg", "--map", folder], env);
    assert.equal(third.code, 0);
    assert.match(third.err, /^Er is nu niets te bezorgen\.\n/);
    assert.match(
      third.out,
      /^herinnering.*niet verzonden: gemeente GM9001 heeft geen adviseur .* met een e-mailadres\n0 bezorgd, 0 geweigerd, 0 mislukt\.\n$/,
    );
    assert.equal(smtp.received.length, 1);
  });
});
