import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadLegalBasisRegistry } from "../disclosure/legal-bases/legal-basis-registry.ts";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import type { Store } from "../store/store.ts";
import { AgreementInvalid } from "./agreement.ts";
import {
  AGREEMENT_KIND,
  agreementHistory,
  agreementVersion,
  currentAgreement,
  currentAgreements,
  saveAgreement,
} from "./agreement-store.ts";
import { TEST_AREAS, TEST_ORGANISATIONS, TEST_USERS, validAgreementJson } from "./test-agreements.ts";

const registry = loadLegalBasisRegistry();
let store: Store;

before(async () => {
  store = await openDuckDbStore(":memory:");
  await store.importAreas(TEST_AREAS);
  for (const o of TEST_ORGANISATIONS) await store.saveOrganisation(o);
  for (const u of TEST_USERS) await store.saveUser(u);
});
after(() => store.close());

describe("agreements in the store", () => {
  it("saves versions, never changing an earlier one, and skips an unchanged save", async () => {
    const first = await saveAgreement(store, registry, validAgreementJson(), {
      author: "oov.sperwerkerk",
      now: new Date("2026-10-20T10:00:00Z"),
    });
    assert.equal(first.changed, true);
    assert.equal(first.stored.version, 1);
    assert.deepEqual(first.warnings, []);

    const same = await saveAgreement(store, registry, validAgreementJson(), {
      author: "beheer",
      now: new Date("2026-10-21T10:00:00Z"),
    });
    assert.equal(same.changed, false, "the same agreement is not a new version");
    assert.equal(same.stored.version, 1);

    const json = validAgreementJson();
    json.evaluatieOp = "2027-05-01";
    json.producten[0].ontvangers = ["burgemeester.sperwerkerk", "wethouder.sperwerkerk"];
    const second = await saveAgreement(store, registry, json, {
      author: "beheer",
      now: new Date("2026-11-02T10:00:00Z"),
    });
    assert.equal(second.stored.version, 2);
    assert.match(second.warnings[0] ?? "", /wethouder\.sperwerkerk \(wethouder\) is geen ontvanger/);

    const current = await currentAgreement(store, "GM9001");
    assert.equal(current?.version, 2);
    assert.equal(current?.author, "beheer");
    assert.equal(current?.agreement.evaluatieOp, "2027-05-01");
    const v1 = await agreementVersion(store, "GM9001", 1);
    assert.equal(v1?.agreement.evaluatieOp, "2027-11-01", "version 1 is unchanged");
    assert.deepEqual(v1?.agreement.producten[0]?.ontvangers, ["burgemeester.sperwerkerk"]);
    assert.equal(await agreementVersion(store, "GM9001", 3), undefined);
    assert.deepEqual(
      (await agreementHistory(store, "GM9001")).map((s) => [s.version, s.author, s.savedAt.toISOString()]),
      [
        [1, "oov.sperwerkerk", "2026-10-20T10:00:00.000Z"],
        [2, "beheer", "2026-11-02T10:00:00.000Z"],
      ],
    );
  });

  it("stores nothing when the agreement does not hold", async () => {
    const json = validAgreementJson();
    json.gemeente = "GM9005";
    json.producten[0].product = "bestaat-niet";
    await assert.rejects(
      saveAgreement(store, registry, json, { author: "oov.korenbloemrade", now: new Date() }),
      (err: unknown) => err instanceof AgreementInvalid && err.problems[0]?.path === "producten.0.product",
    );
    assert.equal(await currentAgreement(store, "GM9005"), undefined);
    assert.deepEqual(await agreementHistory(store, "GM9005"), []);
  });

  it("lists the current agreement of every gemeente, reporting one that no longer reads", async () => {
    await store.saveDocument({
      kind: AGREEMENT_KIND,
      key: "GM9005",
      body: { gemeente: "GM9005", oudFormaat: true },
      author: "oud",
      savedAt: new Date("2026-01-01T00:00:00Z"),
    });
    const { agreements, unreadable } = await currentAgreements(store);
    assert.deepEqual(
      agreements.map((a) => [a.agreement.gemeente, a.version]),
      [["GM9001", 2]],
    );
    assert.equal(unreadable.length, 1);
    assert.equal(unreadable[0]?.gemeente, "GM9005");
    assert.match(unreadable[0]?.reason ?? "", /afspraak GM9005 versie 1.*de afspraak klopt niet/s);
  });
});
