import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type RepeatPlaceItem, repeatPlaces } from "../repeat-places/repeat-places.ts";
import { type DescribeRepeatPlacesInput, describeRepeatPlaces } from "./repeat-places-text.ts";

// The expected sentences are written by hand: they are the specification of the wording
// (issue 3, "duiding"), not output copied from the code.

const base = { subject: "woninginbraken" } as const;
const RD = "(RD-coördinaten: de Nederlandse kaartcoördinaten in meters)";

/** `n` registrations at `address`. */
const at = (address: string, n: number): RepeatPlaceItem[] => Array.from({ length: n }, () => ({ address }));

describe("describeRepeatPlaces on real repeatPlaces output", () => {
  // 5 at 1234AB 12, 3 at 1234AB 14, 2 at 5678CD 1, 3 without an address in the 25 m cell
  // [155000, 155025) × [463000, 463025), and 17 single addresses: 30 registrations.
  const items: RepeatPlaceItem[] = [
    ...at("1234AB 12", 5),
    ...at("1234AB 14", 3),
    ...at("5678CD 1", 2),
    { x: 155_001, y: 463_002 },
    { x: 155_010, y: 463_020 },
    { address: "  ", x: 155_024, y: 463_000 },
    ...Array.from({ length: 17 }, (_, i) => ({ address: `9999ZZ ${i + 1}` })),
  ];

  it("three places with 3 or more: 11 of 30 is 37%", () => {
    const places = repeatPlaces(items, { min: 3 });
    assert.equal(
      describeRepeatPlaces({ ...base, places, total: items.length, min: 3 }),
      "Op 3 plekken zijn 3 of meer woninginbraken geregistreerd, samen 11 van de 30 (37%). " +
        "De meeste woninginbraken (5) zijn geregistreerd op adres 1234AB 12.",
    );
  });

  it("one place with 4 or more", () => {
    const places = repeatPlaces(items, { min: 4 });
    assert.equal(
      describeRepeatPlaces({ ...base, places, total: items.length, min: 4 }),
      "Op 1 plek zijn 4 of meer woninginbraken geregistreerd: 5 van de 30 (17%). Dat is adres 1234AB 12.",
    );
  });

  it("no place with 6 or more", () => {
    const places = repeatPlaces(items, { min: 6 });
    assert.equal(
      describeRepeatPlaces({ ...base, places, total: items.length, min: 6 }),
      "Er is geen plek met 6 of meer woninginbraken.",
    );
  });

  it("no registrations at all", () => {
    assert.equal(
      describeRepeatPlaces({ ...base, places: repeatPlaces([], { min: 2 }), total: 0, min: 2 }),
      "Er zijn geen woninginbraken, dus ook geen plek met 2 of meer.",
    );
  });

  it("a tie at the top: the first by key, and the others with the same count", () => {
    // 1234AB 14 and the cell both have 3; repeatPlaces puts "1234AB 14" before "cel:…".
    const places = repeatPlaces(items.slice(5), { min: 3 });
    assert.equal(
      describeRepeatPlaces({ ...base, places, total: 25, min: 3 }),
      "Op 2 plekken zijn 3 of meer woninginbraken geregistreerd, samen 6 van de 25 (24%). " +
        "De meeste woninginbraken (3) zijn geregistreerd op adres 1234AB 14. Nog 1 andere plek heeft er ook 3.",
    );
  });

  it("a place without an address: its cell centre (halves upwards)", () => {
    const places = repeatPlaces(items.slice(10, 13), { min: 2 });
    assert.equal(
      describeRepeatPlaces({ ...base, places, total: 3, min: 2 }),
      "Op 1 plek zijn 2 of meer woninginbraken geregistreerd: 3 van de 3. " +
        `Dat is een plek zonder adres: het vak van 25 bij 25 meter rond x = 155013, y = 463013 ${RD}.`,
    );
  });

  it("a place without an address with another cell size", () => {
    const places = repeatPlaces(items.slice(10, 13), { min: 2, cell: 100 });
    assert.match(
      describeRepeatPlaces({ ...base, places, total: 3, min: 2, cell: 100 }),
      /Dat is een plek zonder adres: het vak van 100 bij 100 meter rond x = 155050, y = 463050 /,
    );
  });
});

describe("describeRepeatPlaces on hand-made places", () => {
  const many = [
    { key: "cel:155000,463000", count: 9 },
    { key: "1234AB 12", count: 9 },
    { key: "1234AB 14", count: 9 },
    { key: "1234AB 16", count: 4 },
  ];

  it("the largest count wins, ties by the first given; several others with the same count", () => {
    assert.equal(
      describeRepeatPlaces({ ...base, places: many, total: 1200, min: 4 }),
      "Op 4 plekken zijn 4 of meer woninginbraken geregistreerd, samen 31 van de 1.200 (3%). " +
        "De meeste woninginbraken (9) zijn geregistreerd op een plek zonder adres: het vak van 25 bij 25 meter " +
        `rond x = 155013, y = 463013 ${RD}. Nog 2 andere plekken hebben er ook 9.`,
    );
  });

  it("the largest count wins even when it is not first", () => {
    const places = [
      { key: "A 1", count: 3 },
      { key: "B 2", count: 7 },
    ];
    assert.match(
      describeRepeatPlaces({ ...base, places, total: 100, min: 3 }),
      /De meeste woninginbraken \(7\) zijn geregistreerd op adres B 2\.$/,
    );
  });

  it("no percentage below 20 registrations; exactly 20 gives one", () => {
    const places = [
      { key: "A 1", count: 4 },
      { key: "B 2", count: 3 },
    ];
    assert.equal(
      describeRepeatPlaces({ ...base, places, total: 19, min: 3 }),
      "Op 2 plekken zijn 3 of meer woninginbraken geregistreerd, samen 7 van de 19. " +
        "De meeste woninginbraken (4) zijn geregistreerd op adres A 1.",
    );
    assert.match(describeRepeatPlaces({ ...base, places, total: 20, min: 3 }), /samen 7 van de 20 \(35%\)\./);
    for (let total = 7; total < 20; total++) {
      assert.doesNotMatch(describeRepeatPlaces({ ...base, places, total, min: 3 }), /%/);
    }
  });

  it("percent rounding: halves upwards, below 0.5% 'minder dan 1%'", () => {
    const one = [{ key: "A 1", count: 3 }];
    assert.match(describeRepeatPlaces({ ...base, places: one, total: 200, min: 2 }), /3 van de 200 \(2%\)/); // 1.5%
    assert.match(describeRepeatPlaces({ ...base, places: one, total: 1000, min: 2 }), /\(minder dan 1%\)/); // 0.3%
    assert.match(describeRepeatPlaces({ ...base, places: one, total: 3, min: 2 }), /3 van de 3\./);
    assert.match(describeRepeatPlaces({ ...base, places: one, total: 20, min: 2 }), /\(15%\)/);
  });

  it("a key that only looks like a cell is an address", () => {
    const places = [{ key: "cel:noord", count: 5 }];
    assert.match(describeRepeatPlaces({ ...base, places, total: 5, min: 2 }), /Dat is adres cel:noord\.$/);
  });

  it("no places, but registrations", () => {
    assert.equal(
      describeRepeatPlaces({ ...base, places: [], total: 500, min: 1 }),
      "Er is geen plek met 1 of meer woninginbraken.",
    );
  });

  it("rejects invalid input", () => {
    const ok: DescribeRepeatPlacesInput = { ...base, places: many, total: 100, min: 4 };
    assert.throws(() => describeRepeatPlaces({ ...ok, min: 0 }), RangeError);
    assert.throws(() => describeRepeatPlaces({ ...ok, min: 2.5 }), RangeError);
    assert.throws(() => describeRepeatPlaces({ ...ok, total: -1 }), RangeError);
    assert.throws(() => describeRepeatPlaces({ ...ok, total: Number.NaN }), RangeError);
    assert.throws(() => describeRepeatPlaces({ ...ok, total: 30 }), RangeError); // counts add up to 31
    assert.throws(() => describeRepeatPlaces({ ...ok, min: 5 }), RangeError); // a count of 4 < min
    assert.throws(() => describeRepeatPlaces({ ...ok, cell: 0 }), RangeError);
    assert.throws(() => describeRepeatPlaces({ ...ok, places: [{ key: "A", count: 4.5 }] }), RangeError);
  });
});
