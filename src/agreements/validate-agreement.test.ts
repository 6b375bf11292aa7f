import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadLegalBasisRegistry } from "../disclosure/legal-bases/legal-basis-registry.ts";
import { InputError } from "../domain/errors.ts";
import { AgreementInvalid } from "./agreement.ts";
import { TEST_AREA_SUMMARIES, TEST_USERS, validAgreementJson } from "./test-agreements.ts";
import { checkAgreement } from "./validate-agreement.ts";

const ctx = { registry: loadLegalBasisRegistry(), areas: TEST_AREA_SUMMARIES, users: TEST_USERS };

/** The problems of a changed agreement (fails when it is accepted). */
function problemsOf(change: (a: ReturnType<typeof validAgreementJson>) => void) {
  const json = validAgreementJson();
  change(json);
  try {
    checkAgreement(json, ctx);
  } catch (err) {
    assert.ok(err instanceof AgreementInvalid, String(err));
    assert.ok(err instanceof InputError, "the CLI prints it as an input error");
    return err.problems;
  }
  assert.fail("the agreement was accepted");
}

describe("checkAgreement", () => {
  it("accepts a valid agreement, fills in the defaults and warns about what the gate will decide", () => {
    const json = validAgreementJson();
    (json.producten[1] as Record<string, unknown>).ontvangers = ["oov.sperwerkerk", "wethouder.sperwerkerk"];
    json.producten.push({
      product: "halfjaarcijfers",
      cadans: "halfjaarlijks",
      formaten: ["pdf"],
      ontvangers: ["teamchef.sperwerkerk"],
      doel: "openbare-orde",
      kanalen: ["email"],
      grondslag: "open-data",
      lokaleAfspraak: false,
    });
    json.lokaleAfspraak = true;
    const { agreement, warnings } = checkAgreement(json, ctx);
    assert.deepEqual(agreement.producten[0], {
      product: "maandoverzicht",
      gebied: "GM9001",
      cadans: "maandelijks",
      dagVanLevering: 3,
      formaten: ["pdf", "xlsx"],
      ontvangers: ["burgemeester.sperwerkerk"],
      doel: "openbare-orde",
      kanalen: ["email"],
      grondslag: "wpg-16-1-c",
      lokaleAfspraak: true,
    });
    assert.equal(agreement.producten[1]?.map, "tabellenboek", "the folder defaults to the product id");
    assert.equal(agreement.producten[1]?.dagVanLevering, 1);
    assert.equal(agreement.producten[2]?.grondslag, "open-data");
    assert.equal(agreement.producten[2]?.lokaleAfspraak, false);
    assert.deepEqual(warnings, [
      "wethouder.sperwerkerk (wethouder) is geen ontvanger onder grondslag wpg-16-1-c: de verstrekkingscontrole zal tabellenboek waarschijnlijk weigeren.",
    ]);
  });

  it("warns about a recipient without e-mail address, a blocked one, and an unused folder", () => {
    const json = validAgreementJson();
    (json.producten[0] as Record<string, unknown>).ontvangers = ["oov.sperwerkerk", "vertrokken.sperwerkerk"];
    (json.producten[0] as Record<string, unknown>).map = "maand";
    const { warnings } = checkAgreement(json, ctx);
    assert.ok(warnings.some((w) => /^oov\.sperwerkerk heeft geen e-mailadres/.test(w)));
    assert.ok(warnings.some((w) => /^vertrokken\.sperwerkerk is geblokkeerd/.test(w)));
    assert.ok(warnings.some((w) => /^producten\.0\.map: .*"map" staat niet bij de kanalen/.test(w)));
  });

  it("accepts codes in lower case and a police area around the gemeente", () => {
    const json = validAgreementJson();
    json.gemeente = "gm9001";
    (json.producten[0] as Record<string, unknown>).gebied = "gm9001";
    const { agreement } = checkAgreement(json, ctx);
    assert.equal(agreement.gemeente, "GM9001");
    assert.equal(agreement.producten[0]?.gebied, "GM9001");
  });

  const cases: [string, (a: ReturnType<typeof validAgreementJson>) => void, string, RegExp][] = [
    ["gemeente not a code", (a) => (a.gemeente = "Sperwerkerk"), "gemeente", /code van de gemeente/],
    ["unknown gemeente", (a) => (a.gemeente = "GM9999"), "gemeente", /GM9999 is onbekend/],
    ["gemeente missing", (a) => delete a.gemeente, "gemeente", /^ontbreekt$/],
    ["impossible date", (a) => (a.geldigVanaf = "2026-02-30"), "geldigVanaf", /JJJJ-MM-DD/],
    ["date as text", (a) => (a.evaluatieOp = "volgend jaar"), "evaluatieOp", /JJJJ-MM-DD/],
    [
      "evaluation before start",
      (a) => (a.evaluatieOp = "2026-10-01"),
      "evaluatieOp",
      /moet na geldigVanaf \(2026-11-01\)/,
    ],
    ["empty parties", (a) => (a.afgesprokenMet = " "), "afgesprokenMet", /mag niet leeg zijn/],
    ["unknown field", (a) => (a.evaluatie = "2027-01-01"), "evaluatie", /dit veld kennen we niet/],
    ["flag as text", (a) => (a.lokaleAfspraak = "ja"), "lokaleAfspraak", /moet true of false zijn/],
    ["producten not a list", (a) => (a.producten = {} as never), "producten", /moet een lijst/],
    [
      "unknown product",
      (a) => (a.producten[0].product = "maandcijfers"),
      "producten.0.product",
      /bestaat niet; kies uit maandoverzicht/,
    ],
    [
      "unknown area",
      (a) => (a.producten[0].gebied = "WK900199"),
      "producten.0.gebied",
      /WK900199 is onbekend/,
    ],
    [
      "area of another gemeente",
      (a) => {
        a.producten[1].gebied = "GM9005";
      },
      "producten.1.gebied",
      /Korenbloemrade \(GM9005\) ligt niet in gemeente GM9001/,
    ],
    [
      "area level the product does not have",
      (a) => (a.producten[0].gebied = "WK900101"),
      "producten.0.gebied",
      /Maandoverzicht is er voor gemeente; Binnenstad \(WK900101\) is een wijk/,
    ],
    [
      "unknown cadence",
      (a) => (a.producten[0].cadans = "elke maand"),
      "producten.0.cadans",
      /"elke maand" kan niet; kies uit dagelijks/,
    ],
    [
      "cadence with another period than the product's",
      (a) => (a.producten[0].cadans = "jaarlijks"),
      "producten.0.cadans",
      /gaat over een maand, jaarlijks bezorgt een jaar; kies uit maandelijks/,
    ],
    [
      "cadence without a fixed period",
      (a) => (a.producten[0].cadans = "op-verzoek"),
      "producten.0.cadans",
      /op-verzoek kan \(nog\) niet op vaste momenten/,
    ],
    [
      "delivery day 0",
      (a) => (a.producten[0].dagVanLevering = 0),
      "producten.0.dagVanLevering",
      /minstens 1/,
    ],
    [
      "delivery day not whole",
      (a) => (a.producten[0].dagVanLevering = 2.5),
      "producten.0.dagVanLevering",
      /heel getal/,
    ],
    [
      "unknown format",
      (a) => (a.producten[0].formaten = ["docx"]),
      "producten.0.formaten.0",
      /"docx" kan niet; kies uit html, pdf/,
    ],
    ["no format", (a) => (a.producten[0].formaten = []), "producten.0.formaten", /noem er minstens één/],
    [
      "format twice",
      (a) => (a.producten[0].formaten = ["pdf", "pdf"]),
      "producten.0.formaten",
      /pdf staat er twee keer in/,
    ],
    [
      "unknown recipient",
      (a) => (a.producten[0].ontvangers = ["burgemeester.sperwerkerk", "niemand"]),
      "producten.0.ontvangers.1",
      /gebruiker niemand bestaat niet/,
    ],
    [
      "no recipients",
      (a) => (a.producten[0].ontvangers = []),
      "producten.0.ontvangers",
      /noem er minstens één/,
    ],
    [
      "unknown purpose",
      (a) => (a.producten[0].doel = "vrije-tijd"),
      "producten.0.doel",
      /onbekend doel "vrije-tijd"/,
    ],
    [
      "purpose without its number",
      (a) => (a.producten[0].doel = "casus"),
      "producten.0.doel",
      /vraagt een nummer/,
    ],
    [
      "purpose the legal basis does not cover",
      (a) => (a.producten[0].doel = "statistiek-en-onderzoek"),
      "producten.0.doel",
      /grondslag wpg-16-1-c geldt niet voor doel statistiek-en-onderzoek/,
    ],
    [
      "unknown channel",
      (a) => (a.producten[0].kanalen = ["fax"]),
      "producten.0.kanalen.0",
      /"fax" kan niet; kies uit web, email, map, api/,
    ],
    [
      "folder outside",
      (a) => (a.producten[1].map = "../buiten"),
      "producten.1.map",
      /binnen de leveringsmap/,
    ],
    ["absolute folder", (a) => (a.producten[1].map = "/tmp"), "producten.1.map", /binnen de leveringsmap/],
    [
      "unknown legal basis",
      (a) => (a.producten[0].grondslag = "wpg-99"),
      "producten.0.grondslag",
      /wpg-99 bestaat niet; kies uit wpg-16-1-c/,
    ],
    [
      "unknown legal basis of the agreement",
      (a) => (a.grondslag = "wpg-99"),
      "grondslag",
      /wpg-99 bestaat niet/,
    ],
    [
      "no legal basis at all",
      (a) => delete a.grondslag,
      "producten.0.grondslag",
      /ontbreekt: noem de grondslag hier of voor de hele afspraak/,
    ],
    [
      "legal basis below the product's sensitivity",
      (a) => {
        a.producten[0].grondslag = "open-data";
      },
      "producten.0.grondslag",
      /Maandoverzicht bevat geaggregeerde cijfers; grondslag open-data gaat ten hoogste over openbare cijfers/,
    ],
    [
      "the same product and area twice",
      (a) => a.producten.push({ ...a.producten[0], ontvangers: ["teamchef.sperwerkerk"] }),
      "producten.2",
      /maandoverzicht voor GM9001 staat er al \(producten\.0\)/,
    ],
    [
      "unknown item field",
      (a) => (a.producten[0].ontvanger = "x"),
      "producten.0.ontvanger",
      /dit veld kennen we niet/,
    ],
  ];

  for (const [name, change, path, message] of cases) {
    it(`names the field: ${name}`, () => {
      const problems = problemsOf(change);
      const found = problems.find((p) => p.path === path);
      assert.ok(found, `expected a problem at ${path}, got ${JSON.stringify(problems)}`);
      assert.match(found.message, message);
    });
  }

  it("names every problem at once, in one Dutch message", () => {
    const json = validAgreementJson();
    json.producten[0].product = "maandcijfers";
    json.producten[1].ontvangers = ["niemand"];
    json.producten[1].doel = "vrije-tijd";
    try {
      checkAgreement(json, ctx, "afspraak.json");
      assert.fail("accepted");
    } catch (err) {
      assert.ok(err instanceof AgreementInvalid);
      assert.deepEqual(
        err.problems.map((p) => p.path),
        ["producten.0.product", "producten.1.doel", "producten.1.ontvangers.0"],
      );
      assert.equal(err.field, "producten.0.product");
      assert.match(
        err.describe(),
        /^afspraak\.json, veld producten\.0\.product: de afspraak klopt niet:\n {2}- producten\.0\.product: product maandcijfers bestaat niet/,
      );
      assert.match(err.message, /\n {2}- producten\.1\.ontvangers\.0: gebruiker niemand bestaat niet/);
    }
  });
});
