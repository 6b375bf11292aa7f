// End to end: agreements in the demo store, the real gate and register, a real SMTP server, a
// delivery folder and an injected clock. Scheduled deliveries arrive once, with their files;
// a recipient the gate refuses gets nothing and the refusal is recorded.

import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { type MailEffects, smtpMailer } from "../delivery/mailer.ts";
import { openProductTestStore, type ProductTestStore } from "../products/test-products.ts";
import { openPdfPrinter, type PdfPrinter } from "../render/pdf/print-pdf.ts";
import { openTestGate } from "../server/test-access.ts";
import type { Store } from "../store/store.ts";
import { saveAgreement } from "./agreement-store.ts";
import { type DeliveryDeps, runDueDeliveries } from "./deliver.ts";
import { DELIVERY_KIND, type DeliveryRecord } from "./delivery-record.ts";
import { REMINDER_KIND } from "./evaluation-reminders.ts";
import { parseMail, startSmtpServer, type TestSmtpServer } from "./test-mail.ts";
import { checkAgreement } from "./validate-agreement.ts";

const WITH_PDF = existsSync("/usr/bin/chromium");
const NOW = new Date("2026-11-05T08:00:00Z");
const now = () => NOW;

let t: ProductTestStore;
let smtp: TestSmtpServer;
let mailer: ReturnType<typeof smtpMailer>;
let access: Awaited<ReturnType<typeof openTestGate>>;
let pdf: PdfPrinter | undefined;
const folderRoot = mkdtempSync(join(tmpdir(), "driehoek-leveringsmap-"));

async function setEmail(store: Store, id: string, email: string): Promise<void> {
  const user = await store.user(id);
  assert.ok(user, id);
  await store.saveUser({ ...user, email });
}

function registerEntries(): { seq: number; kind: string; user: string; what: string; legalBasis: string }[] {
  return readFileSync(access.registerFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

async function records(): Promise<DeliveryRecord[]> {
  return (await t.store.documents(DELIVERY_KIND)).map((d) => d.body as DeliveryRecord);
}

function deps(over: Partial<DeliveryDeps> = {}): DeliveryDeps {
  return {
    store: t.store,
    gate: access.gate,
    registry: access.registry,
    now,
    mail: mailer,
    mailFrom: "Driehoek <driehoek@gemeente.example>",
    folderRoot,
    pdf,
    ...over,
  };
}

/**
 * Saves an agreement of `gemeente` valid from 1 November 2026 on legal basis wpg-16-1-c, to be
 * evaluated a year later, by `author` at NOW.
 */
async function agree(gemeente: string, afgesprokenMet: string, producten: unknown[], author: string) {
  await saveAgreement(
    t.store,
    access.registry,
    {
      gemeente,
      geldigVanaf: "2026-11-01",
      evaluatieOp: "2027-11-01",
      afgesprokenMet,
      grondslag: "wpg-16-1-c",
      producten,
    },
    { author, now: NOW },
  );
}

/** Korenbloemrade's monthly overview for its mayor, by e-mail and to the folder. */
const KORENBLOEMRADE_MONTHLY = {
  product: "maandoverzicht",
  cadans: "maandelijks",
  dagVanLevering: 3,
  formaten: ["xlsx"],
  ontvangers: ["burgemeester.korenbloemrade"],
  doel: "openbare-orde",
  kanalen: ["email", "map"],
  map: "maandcijfers",
};

before(async () => {
  t = await openProductTestStore();
  smtp = await startSmtpServer();
  mailer = smtpMailer(smtp.settings);
  access = await openTestGate(t.store, now);
  if (WITH_PDF) pdf = await openPdfPrinter();
  await setEmail(t.store, "burgemeester.sperwerkerk", "burgemeester@sperwerkerk.example");
  await setEmail(t.store, "wethouder.sperwerkerk", "wethouder@sperwerkerk.example");
  await setEmail(t.store, "oov.sperwerkerk", "oov@sperwerkerk.example");
  await setEmail(t.store, "burgemeester.korenbloemrade", "burgemeester@korenbloemrade.example");
  await setEmail(t.store, "analist.korenbloemrade", "analist@korenbloemrade.example");
});

after(async () => {
  mailer?.close();
  await pdf?.close();
  await smtp?.close();
  await access?.close();
  await t?.store.close();
  rmSync(folderRoot, { recursive: true, force: true });
});

describe("scheduled delivery, end to end", () => {
  const formats = WITH_PDF ? ["pdf", "xlsx"] : ["xlsx"];

  it("the example agreement in docs/ fits the demo", async () => {
    const json = JSON.parse(
      readFileSync(new URL("../../docs/voorbeeld-afspraak.json", import.meta.url), "utf8"),
    );
    const { agreement, warnings } = checkAgreement(json, {
      registry: access.registry,
      areas: await t.store.listAreas(),
      users: await t.store.users(),
    });
    assert.equal(agreement.gemeente, "GM9001");
    assert.deepEqual(
      agreement.producten.map((p) => p.product),
      ["maandoverzicht", "tabellenboek", "halfjaarcijfers"],
    );
    assert.deepEqual(warnings, [
      "teamchef.sperwerkerk heeft geen e-mailadres: halfjaarcijfers per e-mail komt pas aan als dat is ingevuld (driehoek gebruiker email teamchef.sperwerkerk ADRES).",
    ]);
  });

  it("delivers what is due by e-mail and to the folder, through the gate, and records it", async () => {
    assert.deepEqual(t.gemeenten[0], "GM9001");
    const saved = await saveAgreement(
      t.store,
      access.registry,
      {
        gemeente: "GM9001",
        geldigVanaf: "2026-11-01",
        evaluatieOp: "2026-11-20",
        afgesprokenMet: "Burgemeester, teamchef en officier van justitie van Sperwerkerk",
        grondslag: "wpg-16-1-c",
        lokaleAfspraak: true,
        producten: [
          {
            product: "maandoverzicht",
            cadans: "maandelijks",
            dagVanLevering: 3,
            formaten: formats,
            ontvangers: ["burgemeester.sperwerkerk", "wethouder.sperwerkerk"],
            doel: "openbare-orde",
            kanalen: ["email"],
          },
          {
            product: "tabellenboek",
            cadans: "maandelijks",
            dagVanLevering: 3,
            formaten: ["xlsx", "csv"],
            ontvangers: ["oov.sperwerkerk"],
            doel: "voorbereiding-driehoek",
            kanalen: ["map", "web"],
          },
        ],
      },
      { author: "oov.sperwerkerk", now: new Date("2026-10-28T09:00:00Z") },
    );
    assert.equal(saved.stored.version, 1);
    assert.ok(saved.warnings.some((w) => /wethouder\.sperwerkerk \(wethouder\) is geen ontvanger/.test(w)));

    const lines: string[] = [];
    const run = await runDueDeliveries(deps({ log: (l) => lines.push(l) }));
    assert.deepEqual(
      run.deliveries.map((d) => [d.product, d.period, d.recipient, d.status]),
      [
        ["maandoverzicht", "2026-10", "burgemeester.sperwerkerk", "bezorgd"],
        ["maandoverzicht", "2026-10", "wethouder.sperwerkerk", "geweigerd"],
        ["tabellenboek", "2026-10", "oov.sperwerkerk", "bezorgd"],
      ],
    );
    const [mayor, alderman, adviser] = run.deliveries;
    assert.ok(lines.some((l) => /^3 bezorging\(en\) te doen/.test(l)));
    assert.ok(lines.some((l) => /geweigerd: Geen grondslag om maandoverzicht/.test(l)));

    // The mayor's mail: the agreed files attached, and the text names product, area, period,
    // legal basis and register number.
    const productMails = smtp.received.filter((m) => m.to.includes("burgemeester@sperwerkerk.example"));
    assert.equal(productMails.length, 1);
    const mail = parseMail(productMails[0]?.raw ?? "");
    assert.equal(mail.subject, "Maandoverzicht Sperwerkerk, oktober 2026");
    assert.match(mail.text, /^Beste Burgemeester \(Sperwerkerk\),/);
    assert.match(mail.text, /Hierbij ontvangt u: Maandoverzicht van Sperwerkerk over oktober 2026\./);
    assert.match(mail.text, /Product: Maandoverzicht\n/);
    assert.match(mail.text, /Gebied: Sperwerkerk \(GM9001\)/);
    assert.match(mail.text, /Periode: oktober 2026/);
    assert.match(mail.text, /Doel: Handhaving van de openbare orde/);
    assert.match(mail.text, /Grondslag: Wet politiegegevens artikel 16, eerste lid, onder c/);
    assert.match(mail.text, new RegExp(`Registernummer: ${mayor?.registerSeq}\\n`));
    assert.match(mail.text, /informatieafspraak van gemeente Sperwerkerk \(versie 1\)/);
    assert.deepEqual(
      mail.attachments.map((a) => a.filename),
      formats.map((f) => `maandoverzicht-GM9001-2026-10.${f}`),
    );
    const xlsx = mail.attachments.find((a) => a.filename.endsWith(".xlsx"));
    assert.equal(xlsx?.content.subarray(0, 2).toString("latin1"), "PK");
    assert.equal(xlsx?.contentType, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    if (WITH_PDF) {
      const pdfFile = mail.attachments.find((a) => a.filename.endsWith(".pdf"));
      assert.equal(pdfFile?.content.subarray(0, 5).toString("latin1"), "%PDF-");
    }

    // The wethouder gets nothing; the refusal is recorded with the gate's reason.
    assert.equal(smtp.received.filter((m) => m.to.includes("wethouder@sperwerkerk.example")).length, 0);
    assert.equal(alderman?.registerSeq, null);
    assert.match(alderman?.reason ?? "", /^Geen grondslag om maandoverzicht \(geaggregeerde cijfers\)/);

    // The adviser's tables are in the delivery folder, and marked available on the web.
    const dir = join(folderRoot, "GM9001", "tabellenboek");
    assert.deepEqual(readdirSync(dir).sort(), [
      "tabellenboek-GM9001-2026-10.csv",
      "tabellenboek-GM9001-2026-10.xlsx",
    ]);
    assert.equal(
      readFileSync(join(dir, "tabellenboek-GM9001-2026-10.xlsx")).subarray(0, 2).toString("latin1"),
      "PK",
    );
    assert.equal(adviser?.channels.map?.status, "bezorgd");
    assert.equal(adviser?.channels.web?.status, "beschikbaar");

    // The register holds one disclosure per delivered product, made as the recipient, and verifies.
    const entries = registerEntries();
    const forMayor = entries.find((e) => e.seq === mayor?.registerSeq);
    assert.equal(forMayor?.kind, "verstrekking");
    assert.equal(forMayor?.user, "burgemeester.sperwerkerk");
    assert.equal(forMayor?.what, "maandoverzicht");
    assert.match(forMayor?.legalBasis ?? "", /^wpg-16-1-c@/);
    const forAdviser = entries.find((e) => e.seq === adviser?.registerSeq);
    assert.equal(forAdviser?.user, "oov.sperwerkerk");
    assert.equal(forAdviser?.what, "tabellenboek");
    assert.equal(entries.filter((e) => e.user === "wethouder.sperwerkerk").length, 0);
    assert.equal((await access.register.verify()).ok, true);

    // Each delivery is a document, the refusal included.
    const stored = await records();
    assert.deepEqual(
      stored.map((r) => [r.sleutel, r.status, r.registernummer]).sort(),
      [
        ["GM9001|maandoverzicht|GM9001|2026-10|burgemeester.sperwerkerk", "bezorgd", mayor?.registerSeq],
        ["GM9001|maandoverzicht|GM9001|2026-10|wethouder.sperwerkerk", "geweigerd", null],
        ["GM9001|tabellenboek|GM9001|2026-10|oov.sperwerkerk", "bezorgd", adviser?.registerSeq],
      ].sort(),
    );

    // The evaluation on 20 November is within 30 days: the adviser is reminded, once.
    assert.deepEqual(
      run.reminders.map((r) => [r.gemeente, r.status, r.outcome, r.to]),
      [["GM9001", "binnenkort", "verzonden", ["oov.sperwerkerk"]]],
    );
    const reminder = smtp.received.filter((m) => m.to.includes("oov@sperwerkerk.example"));
    assert.equal(reminder.length, 1);
    const reminderMail = parseMail(reminder[0]?.raw ?? "");
    assert.equal(reminderMail.subject, "Over 15 dagen: evaluatie informatieafspraak Sperwerkerk");
    assert.match(reminderMail.text, /geëvalueerd op 20 november 2026 \(over 15 dagen\)/);
  });

  it("delivers nothing twice: a second run sends, writes and registers nothing", async () => {
    const mails = smtp.received.length;
    const entries = registerEntries().length;
    const docs = (await t.store.documents(DELIVERY_KIND)).length;
    const again = await runDueDeliveries(deps({ now: () => new Date("2026-11-06T08:00:00Z") }));
    assert.deepEqual(again.deliveries, []);
    assert.deepEqual(
      again.reminders.map((r) => r.outcome),
      ["eerder-verzonden"],
    );
    assert.equal(smtp.received.length, mails);
    assert.equal(registerEntries().length, entries);
    assert.equal((await t.store.documents(DELIVERY_KIND)).length, docs);
    assert.equal((await t.store.documents(REMINDER_KIND)).length, 1);
    assert.equal(readdirSync(join(folderRoot, "GM9001", "tabellenboek")).length, 2);
  });

  it("retries only the channel that failed, on the next run", async () => {
    await agree("GM9005", "Driehoek Korenbloemrade", [KORENBLOEMRADE_MONTHLY], "oov.korenbloemrade");
    const down: MailEffects = {
      send: async () => {
        throw new Error(
          "E-mail aan burgemeester@korenbloemrade.example is niet verzonden: de mailserver reageerde niet op tijd.",
        );
      },
    };
    const first = await runDueDeliveries(deps({ mail: down }));
    assert.deepEqual(
      first.deliveries.map((d) => [d.recipient, d.status, d.channels.email?.status, d.channels.map?.status]),
      [["burgemeester.korenbloemrade", "mislukt", "mislukt", "bezorgd"]],
    );
    assert.match(first.deliveries[0]?.reason ?? "", /^email: E-mail aan .* reageerde niet op tijd/);
    const folder = join(folderRoot, "GM9005", "maandcijfers");
    assert.deepEqual(readdirSync(folder), ["maandoverzicht-GM9005-2026-10.xlsx"]);

    const second = await runDueDeliveries(deps());
    assert.deepEqual(
      second.deliveries.map((d) => [d.status, d.channels.email?.status, d.channels.map?.status]),
      [["bezorgd", "bezorgd", "bezorgd"]],
    );
    assert.deepEqual(
      readdirSync(folder),
      ["maandoverzicht-GM9005-2026-10.xlsx"],
      "the folder is not written again",
    );
    assert.equal(smtp.received.filter((m) => m.to.includes("burgemeester@korenbloemrade.example")).length, 1);
    const history = await t.store.documentHistory(
      DELIVERY_KIND,
      "GM9005|maandoverzicht|GM9005|2026-10|burgemeester.korenbloemrade",
    );
    assert.deepEqual(
      history.map((h) => (h.body as DeliveryRecord).status),
      ["mislukt", "bezorgd"],
    );
    assert.deepEqual((await runDueDeliveries(deps())).deliveries, []);
  });

  it("resumes after a crash halfway: what was recorded is not delivered again", async () => {
    await agree(
      "GM9005",
      "Driehoek Korenbloemrade",
      [
        KORENBLOEMRADE_MONTHLY,
        {
          product: "tabellenboek",
          cadans: "maandelijks",
          formaten: ["csv"],
          ontvangers: ["analist.korenbloemrade", "burgemeester.korenbloemrade"],
          doel: "voorbereiding-driehoek",
          kanalen: ["email"],
        },
      ],
      "oov.korenbloemrade",
    );
    // The store fails on the second delivery record, as if the process died just before it.
    let saves = 0;
    const crashing = new Proxy(t.store, {
      get(target, prop, receiver) {
        if (prop === "saveDocument") {
          return async (doc: Parameters<Store["saveDocument"]>[0]) => {
            if (doc.kind === DELIVERY_KIND && ++saves === 2) throw new Error("stroom uit");
            return target.saveDocument(doc);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    await assert.rejects(runDueDeliveries(deps({ store: crashing })), /stroom uit/);
    const tables = (email: string) =>
      smtp.received.filter((m) => m.to.includes(email) && parseMail(m.raw).subject.startsWith("Tabellenboek"))
        .length;
    assert.equal(tables("analist@korenbloemrade.example"), 1, "sent to the analyst and recorded");
    assert.equal(tables("burgemeester@korenbloemrade.example"), 1, "sent to the mayor, but not recorded");

    const resumed = await runDueDeliveries(deps());
    assert.deepEqual(
      resumed.deliveries.map((d) => [d.product, d.recipient, d.status]),
      [["tabellenboek", "burgemeester.korenbloemrade", "bezorgd"]],
      "the recorded delivery is not repeated; the unrecorded one is sent again (at least once)",
    );
    assert.equal(tables("analist@korenbloemrade.example"), 1);
    assert.equal(tables("burgemeester@korenbloemrade.example"), 2);
    assert.deepEqual((await runDueDeliveries(deps())).deliveries, []);
  });

  it("makes nothing, and registers nothing, when nothing can be sent or written now", async () => {
    await agree(
      "GM9002",
      "Driehoek Kievitsrode",
      [
        {
          product: "maandoverzicht",
          cadans: "maandelijks",
          formaten: ["xlsx"],
          ontvangers: ["oov.korenbloemrade"],
          doel: "openbare-orde",
          kanalen: ["web"],
        },
        {
          product: "tabellenboek",
          cadans: "maandelijks",
          formaten: ["xlsx"],
          ontvangers: ["oov.korenbloemrade"],
          doel: "openbare-orde",
          kanalen: ["email"],
        },
      ],
      "beheer.sperwerkerk",
    );
    const entries = registerEntries().length;
    const run = await runDueDeliveries(deps());
    assert.deepEqual(
      run.deliveries.map((d) => [d.product, d.status, d.registerSeq, JSON.stringify(d.channels)]),
      [
        [
          "maandoverzicht",
          "bezorgd",
          null,
          JSON.stringify({
            web: {
              status: "beschikbaar",
              detail: "klaar om te bekijken in driehoek; bij openen beslist de verstrekkingscontrole opnieuw",
            },
          }),
        ],
        [
          "tabellenboek",
          "mislukt",
          null,
          JSON.stringify({
            email: {
              status: "mislukt",
              detail:
                "oov.korenbloemrade heeft geen e-mailadres (zet het met: driehoek gebruiker email oov.korenbloemrade <adres>)",
            },
          }),
        ],
      ],
    );
    assert.equal(registerEntries().length, entries, "nothing was disclosed");
  });
});
