import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Registration } from "../../domain/registration.ts";
import { localBuckets } from "../../domain/time.ts";
import { protectRecord, pseudonym } from "./protect-record.ts";

const KEY = new Uint8Array(32).fill(1);
const startsAt = new Date("2024-03-01T21:47:13Z"); // 22:47 in Amsterdam
const registration: Registration = {
  source: "politie-demo",
  sourceId: "2024030112345",
  version: null,
  kind: "misdrijf",
  bvhCode: "A20",
  inpCode: "1.1.1",
  attempt: false,
  startsAt,
  endsAt: null,
  registeredAt: null,
  local: localBuckets(startsAt.getTime()),
  x: 155_123.4,
  y: 463_456.7,
  postcode: "3511AB",
  houseNumber: "12",
  placement: {
    year: 2024,
    buurt: "BU90010101",
    wijk: "WK900101",
    gemeente: "GM9001",
    pc4: "3511",
    method: "punt",
  },
  modusOperandi: "achterdeur geforceerd, buurvrouw zag man met rode jas",
  persons: [
    { role: "slachtoffer", pseudonym: "PS-1" },
    { role: "verdachte", pseudonym: "PS-2" },
  ],
  description: "Jan de Vries uit de Dorpsstraat meldde ...",
};
const ctx = {
  key: KEY,
  buurtCentre: (code: string) => (code === "BU90010101" ? ([155_000, 463_500] as [number, number]) : null),
};

describe("protectRecord", () => {
  it("incident: no persons, no free text, place at the buurt centre, time to the hour", () => {
    const p = protectRecord(registration, "incident", ctx);
    assert.deepEqual(p, {
      id: pseudonym(KEY, "registratie", "politie-demo|2024030112345"),
      kind: "misdrijf",
      bvhCode: "A20",
      inpCode: "1.1.1",
      attempt: false,
      startsAtHour: "2024-03-01 22:00",
      buurt: "BU90010101",
      wijk: "WK900101",
      gemeente: "GM9001",
      x: 155_000,
      y: 463_500,
      place: "buurtmidden",
    });
    const text = JSON.stringify(p);
    for (const secret of ["Jan", "rode jas", "PS-1", "3511AB", "2024030112345", "155123"]) {
      assert.ok(!text.includes(secret), secret);
    }
  });

  it("address: the exact place and address, still no persons or text", () => {
    const p = protectRecord(registration, "address", ctx);
    assert.deepEqual(
      [p.x, p.y, p.place, p.postcode, p.houseNumber, p.persons],
      [155_123.4, 463_456.7, "punt", "3511AB", "12", undefined],
    );
    assert.ok(!JSON.stringify(p).includes("Jan de Vries"));
  });

  it("person: persons under keyed pseudonyms that only the key holder can recompute", () => {
    const p = protectRecord(registration, "person", ctx);
    assert.deepEqual(p.persons, [
      { role: "slachtoffer", pseudonym: pseudonym(KEY, "persoon", "PS-1") },
      { role: "verdachte", pseudonym: pseudonym(KEY, "persoon", "PS-2") },
    ]);
    assert.match(p.persons?.[0]?.pseudonym ?? "", /^P-[0-9a-f]{16}$/);
    const other = protectRecord(registration, "person", { ...ctx, key: new Uint8Array(32).fill(2) });
    assert.notEqual(
      other.persons?.[0]?.pseudonym,
      p.persons?.[0]?.pseudonym,
      "another key, another pseudonym",
    );
    assert.ok(!JSON.stringify(p).includes("PS-1") && !JSON.stringify(p).includes("rode jas"));
  });

  it("no single records for open or aggregated recipients", () => {
    assert.throws(() => protectRecord(registration, "aggregated", ctx), RangeError);
    assert.throws(() => protectRecord(registration, "open", ctx), RangeError);
  });

  it("an unplaced registration shows no place at incident level", () => {
    const p = protectRecord(
      { ...registration, placement: { ...registration.placement, buurt: null } },
      "incident",
      ctx,
    );
    assert.deepEqual([p.x, p.y, p.place], [null, null, "onbekend"]);
  });
});
