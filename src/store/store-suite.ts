// The shared test suite every Store implementation must pass (run from <impl>/<impl>-store.test.ts).

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Area } from "../domain/area.ts";
import type { QuarantineEntry } from "../domain/delivery.ts";
import type { AggregateRow, Registration } from "../domain/registration.ts";
import { localBuckets } from "../domain/time.ts";
import type { DeliveryContent, LineRegistration, NewDelivery, Store } from "./store.ts";

export function makeRegistration(
  over: Partial<Registration> & { sourceId: string; startsAt: Date },
): Registration {
  return {
    source: "test",
    version: null,
    kind: "misdrijf",
    bvhCode: "A20",
    inpCode: "1.1.1",
    attempt: false,
    endsAt: null,
    registeredAt: null,
    local: localBuckets(over.startsAt.getTime()),
    x: 155000,
    y: 463000,
    postcode: null,
    houseNumber: null,
    placement: {
      year: 2024,
      buurt: "BU90010101",
      wijk: "WK900101",
      gemeente: "GM9001",
      pc4: null,
      method: "punt",
    },
    modusOperandi: null,
    persons: [],
    description: null,
    ...over,
  };
}

let hashCounter = 0;
export function newDelivery(over: Partial<NewDelivery> = {}): NewDelivery {
  hashCounter++;
  return {
    source: "test",
    fileName: `levering-${hashCounter}.csv`,
    sha256: `hash-${hashCounter}-${Math.random()}`,
    bytes: 100,
    format: "canoniek",
    receivedAt: new Date("2024-04-01T08:00:00Z"),
    ...over,
  };
}

export function content(
  regs: Registration[],
  opts: {
    quarantine?: QuarantineEntry[];
    aggregates?: AggregateRow[];
    failAfter?: number;
    raw?: Map<number, string>;
  } = {},
): DeliveryContent {
  const lines: LineRegistration[] = regs.map((registration, i) => ({ line: i + 2, registration }));
  return {
    registrations: (async function* () {
      for (let i = 0; i < lines.length; i += 2) {
        if (opts.failAfter !== undefined && i >= opts.failAfter) throw new Error("leesfout halverwege");
        yield lines.slice(i, i + 2);
      }
    })(),
    aggregates: opts.aggregates
      ? (async function* () {
          yield opts.aggregates ?? [];
        })()
      : undefined,
    finish: () => ({ quarantine: opts.quarantine ?? [], read: regs.length + (opts.quarantine?.length ?? 0) }),
    rawLines: async (ls) => new Map(ls.map((l) => [l, opts.raw?.get(l) ?? `regel ${l}`])),
  };
}

/** A square polygon ring set with its lower-left corner at (x0, y0). Test support. */
export const square = (x0: number, y0: number, size: number): [number, number][][] => [
  [
    [x0, y0],
    [x0 + size, y0],
    [x0 + size, y0 + size],
    [x0, y0 + size],
    [x0, y0],
  ],
];

export function storeSuite(name: string, open: () => Promise<Store>): void {
  describe(`Store: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
    });
    after(async () => {
      await store.close();
    });

    it("imports and replaces the BVH -> INP classification", async () => {
      await store.importClassification([
        { bvhCode: "A20", bvhLabel: "GEKWAL. DIEFSTAL IN/UIT WONING", inpCode: "1.1.1", isCrime: true },
        { bvhCode: "E35", bvhLabel: "OVERLAST JEUGD", inpCode: "2.7.1", isCrime: false },
      ]);
      assert.equal((await store.classification())[1]?.bvhLabel, "OVERLAST JEUGD", "read before the change");
      await store.importClassification([
        { bvhCode: "E35", bvhLabel: "JEUGD", inpCode: "2.7.1", isCrime: null },
      ]);
      const rows = await store.classification();
      assert.equal(rows.length, 2);
      assert.deepEqual(rows[1], { bvhCode: "E35", bvhLabel: "JEUGD", inpCode: "2.7.1", isCrime: null });
      // Rows read are shared between readers: changing them is refused.
      assert.throws(() => {
        (rows[1] as { inpCode: string }).inpCode = "1.1.1";
      });
    });

    it("keeps areas per boundary year with both geometries, population and police parents", async () => {
      const gm: Area = {
        code: "GM9001",
        level: "gemeente",
        year: 2024,
        name: "Testdam",
        parent: null,
        wgs84: [square(5, 52, 0.1)],
        rd: [square(150000, 460000, 1000)],
      };
      await store.importAreas([gm, { ...gm, year: 2025, name: "Testdam (2025)" }]);
      await store.importAreas([
        { ...gm, code: "BU90010101", level: "buurt", parent: "WK900101", name: "Centrum" },
      ]);
      await store.importPopulation([
        { code: "GM9001", year: 2023, population: 1000 },
        { code: "GM9001", year: 2024, population: 1100 },
      ]);
      const unit: Area = {
        ...gm,
        code: "RE90",
        level: "eenheid",
        name: "Eenheid Test",
        rd: [square(0, 0, 9)],
      };
      await store.importAreas([unit]);
      await store.importIndeling(
        [
          {
            gemeente: "GM9001",
            gemeenteName: "Testdam",
            basisteam: "B1",
            basisteamName: "Basisteam Een",
            district: "D1",
            districtName: "District Een",
            eenheid: "RE90",
            eenheidName: "Eenheid Test",
          },
        ],
        2024,
      );
      assert.deepEqual(await store.boundaryYears("gemeente"), [2025, 2024]);
      // The indeling names the unit again but keeps its imported geometry.
      assert.deepEqual((await store.areas("eenheid", 2024))[0]?.rd, unit.rd);
      const areas = await store.areas("gemeente", 2024);
      assert.equal(areas.length, 1);
      assert.deepEqual(areas[0]?.rd, gm.rd);
      assert.deepEqual(areas[0]?.wgs84, gm.wgs84);
      const listed = await store.listAreas({ level: "gemeente", year: 2024 });
      assert.deepEqual(listed, [
        {
          code: "GM9001",
          level: "gemeente",
          year: 2024,
          name: "Testdam",
          parent: "B1",
          population: 1100,
          populationYear: 2024,
        },
      ]);
      const police = await store.listAreas({ level: "basisteam" });
      assert.deepEqual(
        police.map((a) => [a.code, a.name, a.parent]),
        [["B1", "Basisteam Een", "D1"]],
      );
    });

    it("lists areas as they are after every import of areas, populations and the police indeling", async () => {
      // A year of its own, so the other tests' lists stay as they are.
      const gm: Area = {
        code: "GM9031",
        level: "gemeente",
        year: 2031,
        name: "Eerst",
        parent: null,
        wgs84: null,
        rd: null,
      };
      const list = async () =>
        (await store.listAreas({ level: "gemeente", year: 2031 })).map((a) => [
          a.name,
          a.parent,
          a.population,
        ]);
      assert.deepEqual(await list(), []);
      await store.importAreas([gm]);
      assert.deepEqual(await list(), [["Eerst", null, null]]);
      await store.importPopulation([{ code: "GM9031", year: 2031, population: 310 }]);
      assert.deepEqual(await list(), [["Eerst", null, 310]]);
      await store.importAreas([{ ...gm, name: "Daarna" }]);
      assert.deepEqual(await list(), [["Daarna", null, 310]]);
      await store.importIndeling(
        [
          {
            gemeente: "GM9031",
            gemeenteName: "Daarna",
            basisteam: "B31",
            basisteamName: "Basisteam 31",
            district: null,
            districtName: null,
            eenheid: "E31",
            eenheidName: "Eenheid 31",
          },
        ],
        2031,
      );
      assert.deepEqual(await list(), [["Daarna", "B31", 310]]);
      // Each caller gets its own list.
      (await store.listAreas({ level: "gemeente", year: 2031 })).pop();
      assert.equal((await list()).length, 1);
    });

    it("looks up address points by postcode", async () => {
      await store.importAddresses([
        { postcode: "9001AA", houseNumber: "1", x: 150010, y: 460020 },
        { postcode: "9001AA", houseNumber: "2a", x: 150030, y: 460020 },
        { postcode: "9002BB", houseNumber: "1", x: 151000, y: 461000 },
      ]);
      await store.importAddresses([{ postcode: "9001AA", houseNumber: "1", x: 150011, y: 460021 }]);
      const found = await store.addresses(["9001AA"]);
      assert.deepEqual(
        found.sort((a, b) => a.houseNumber.localeCompare(b.houseNumber)),
        [
          { postcode: "9001AA", houseNumber: "1", x: 150011, y: 460021 },
          { postcode: "9001AA", houseNumber: "2a", x: 150030, y: 460020 },
        ],
      );
    });

    it("loads a delivery, round-trips every field, and ignores the same file twice", async () => {
      const full = makeRegistration({
        sourceId: "R1",
        version: new Date("2024-03-02T09:15:00Z"),
        startsAt: new Date("2024-03-01T22:40:00Z"),
        endsAt: new Date("2024-03-02T06:10:00Z"),
        registeredAt: new Date("2024-03-02T08:03:00Z"),
        attempt: true,
        postcode: "9001AA",
        houseNumber: "12-bis",
        modusOperandi: "flipperen",
        persons: [
          { role: "slachtoffer", pseudonym: "P19C2" },
          { role: "verdachte", pseudonym: "P7F3A" },
        ],
        description: 'Achterdeur geforceerd, "lastig"\nen een tweede regel',
      });
      const d = newDelivery();
      const first = await store.loadDelivery(
        d,
        content([full, makeRegistration({ sourceId: "R2", startsAt: new Date("2024-03-05T12:00:00Z") })]),
      );
      assert.equal(first.kind, "loaded");
      assert.equal(first.delivery.counts.inserted, 2);
      assert.equal(first.delivery.counts.read, 2);
      const versions = await store.registrationVersions("test", "R1");
      assert.equal(versions.length, 1);
      assert.deepEqual(versions[0]?.registration, full);
      assert.equal(versions[0]?.current, true);

      const again = await store.loadDelivery({ ...d, receivedAt: new Date() }, content([full]));
      assert.equal(again.kind, "duplicate");
      assert.equal((await store.loadedDelivery("test", d.sha256))?.id, first.delivery.id);
      assert.equal(await store.loadedDelivery("andere-bron", d.sha256), undefined);
      assert.equal(again.delivery.id, first.delivery.id);
      assert.equal(await store.registrationCount(), 2);
    });

    it("replaces a registration by a newer version and keeps the older as history", async () => {
      const base = { sourceId: "V1", startsAt: new Date("2024-02-10T10:00:00Z") };
      await store.loadDelivery(
        newDelivery(),
        content([makeRegistration({ ...base, version: new Date("2024-02-10T12:00:00Z"), inpCode: "1.1.1" })]),
      );
      const newer = await store.loadDelivery(
        newDelivery(),
        content([makeRegistration({ ...base, version: new Date("2024-02-11T12:00:00Z"), inpCode: "1.1.2" })]),
      );
      assert.equal(newer.kind === "loaded" && newer.delivery.counts.updated, 1);
      // An older version arriving late goes to history, the current one stays.
      const late = await store.loadDelivery(
        newDelivery(),
        content([makeRegistration({ ...base, version: new Date("2024-02-10T18:00:00Z"), inpCode: "1.2.1" })]),
      );
      assert.equal(late.kind === "loaded" && late.delivery.counts.unchanged, 1);
      // The same content again changes nothing.
      const same = await store.loadDelivery(
        newDelivery(),
        content([makeRegistration({ ...base, version: new Date("2024-02-12T12:00:00Z"), inpCode: "1.1.2" })]),
      );
      assert.equal(same.kind === "loaded" && same.delivery.counts.unchanged, 1);
      const versions = await store.registrationVersions("test", "V1");
      assert.deepEqual(
        versions.map((v) => [v.current, v.registration.inpCode]),
        [
          [false, "1.1.1"],
          [false, "1.2.1"],
          [true, "1.1.2"],
        ],
      );
    });

    it("resolves a source id repeated inside one delivery without losing a row", async () => {
      const t = new Date("2024-01-05T10:00:00Z");
      const regs = [
        makeRegistration({
          sourceId: "D1",
          startsAt: t,
          version: new Date("2024-01-05T11:00:00Z"),
          inpCode: "1.1.1",
        }),
        makeRegistration({
          sourceId: "D1",
          startsAt: t,
          version: new Date("2024-01-06T11:00:00Z"),
          inpCode: "1.1.2",
        }),
        makeRegistration({ sourceId: "D2", startsAt: t, inpCode: "1.4.5" }),
        makeRegistration({ sourceId: "D2", startsAt: t, inpCode: "1.4.5" }),
        makeRegistration({ sourceId: "D3", startsAt: t, inpCode: "1.4.5" }),
        makeRegistration({ sourceId: "D3", startsAt: t, inpCode: "1.4.6" }),
      ];
      const raw = new Map([[7, "D3;…;1.4.6"]]);
      const out = await store.loadDelivery(newDelivery(), content(regs, { raw }));
      assert.equal(out.kind, "loaded");
      const q = await store.quarantine(out.delivery.id);
      assert.deepEqual(
        q.map((e) => [e.line, e.field, e.raw]),
        [[7, "registratienummer", "D3;…;1.4.6"]],
      );
      assert.match(q[0]?.reason ?? "", /regel 6/);
      assert.equal(out.delivery.counts.quarantined, 1);
      assert.equal(out.delivery.counts.inserted, 3);
      const d1 = await store.registrationVersions("test", "D1");
      assert.deepEqual(
        d1.map((v) => [v.current, v.registration.inpCode]),
        [
          [false, "1.1.1"],
          [true, "1.1.2"],
        ],
      );
      assert.equal((await store.registrationVersions("test", "D3"))[0]?.registration.inpCode, "1.4.5");
    });

    it("loads nothing of a delivery that fails halfway, and records the failure", async () => {
      const before = await store.registrationCount();
      const regs = Array.from({ length: 10 }, (_, i) =>
        makeRegistration({ sourceId: `F${i}`, startsAt: new Date("2024-01-01T10:00:00Z") }),
      );
      const out = await store.loadDelivery(newDelivery(), content(regs, { failAfter: 6 }));
      assert.equal(out.kind, "failed");
      assert.equal(out.delivery.status, "mislukt");
      assert.match(out.delivery.error ?? "", /leesfout halverwege/);
      assert.equal(await store.registrationCount(), before);
      assert.equal((await store.registrationVersions("test", "F0")).length, 0);
    });

    it("keeps quarantined records with file, line, field and reason", async () => {
      const entries: QuarantineEntry[] = [
        {
          file: "x.csv",
          line: 3,
          field: "pleegdatum_begin",
          reason: "datum bestaat niet (31-02-2024)",
          raw: "a;b",
        },
        { file: "x.csv", line: 9, field: null, reason: "regel is afgebroken", raw: 'c;"d' },
      ];
      const out = await store.loadDelivery(newDelivery(), content([], { quarantine: entries }));
      assert.equal(out.kind, "loaded");
      assert.equal(out.delivery.counts.quarantined, 2);
      assert.deepEqual(await store.quarantine(out.delivery.id), entries);
      const listed = await store.deliveries();
      assert.ok(listed.some((d) => d.id === out.delivery.id && d.counts.read === 2));
    });

    it("counts per month and INP type, matching an independent count", async () => {
      const regs: Registration[] = [];
      const expected = new Map<string, { count: number; attempts: number }>();
      let n = 0;
      for (const [iso, code, attempt, gemeente] of [
        ["2023-03-31T22:30:00Z", "1.1.1", true, "GM9002"], // 1 April 00:30 local
        ["2023-04-15T10:00:00Z", "1.1.1", false, "GM9002"],
        ["2023-04-15T10:00:00Z", "1.4.5", false, "GM9002"],
        ["2024-04-30T22:30:00Z", "1.1.1", false, "GM9002"], // 1 May local
        ["2024-04-03T10:00:00Z", "1.1.1", true, "GM9003"], // other gemeente
      ] as const) {
        const startsAt = new Date(iso);
        regs.push(
          makeRegistration({
            sourceId: `M${n++}`,
            startsAt,
            inpCode: code,
            attempt,
            placement: { year: 2024, buurt: null, wijk: null, gemeente, pc4: null, method: "gebiedscode" },
          }),
        );
        if (gemeente !== "GM9002") continue;
        const key = `${localBuckets(startsAt.getTime()).month}|${code}`;
        const e = expected.get(key) ?? { count: 0, attempts: 0 };
        e.count++;
        if (attempt) e.attempts++;
        expected.set(key, e);
      }
      await store.loadDelivery(newDelivery(), content(regs));
      const got = await store.monthlyCounts({
        area: "GM9002",
        level: "gemeente",
        fromMonth: 202301,
        toMonth: 202412,
      });
      assert.deepEqual(
        new Map(got.map((r) => [`${r.month}|${r.inpCode}`, { count: r.count, attempts: r.attempts }])),
        expected,
      );
      assert.ok(got.some((r) => r.month === 202304 && r.count === 2)); // the 31 March 22:30 UTC one is April
    });

    it("counts per wijk and buurt of a gemeente, and lists registrations by area, days and type", async () => {
      const regs: Registration[] = [];
      const rows = [
        // [UTC start, INP code, attempt, wijk, buurt, gemeente]
        ["2024-03-31T21:30:00Z", "1.1.1", true, "WK900201", "BU90020101", "GM9002"], // 31 March 23:30 local
        ["2024-03-31T22:30:00Z", "1.1.1", false, "WK900201", "BU90020101", "GM9002"], // 1 April 00:30 local
        ["2024-04-10T10:00:00Z", "1.4.5", false, "WK900201", "BU90020102", "GM9002"],
        ["2024-04-11T10:00:00Z", "1.1.1", false, "WK900202", "BU90020201", "GM9002"],
        ["2024-04-12T10:00:00Z", "1.1.1", false, "WK900301", "BU90030101", "GM9003"], // other gemeente
        ["2024-04-13T10:00:00Z", "1.1.1", false, null, null, "GM9002"], // no wijk known
      ] as const;
      rows.forEach(([iso, code, attempt, wijk, buurt, gemeente], n) => {
        regs.push(
          makeRegistration({
            sourceId: `W${n}`,
            startsAt: new Date(iso),
            inpCode: code,
            attempt,
            placement: { year: 2024, buurt, wijk, gemeente, pc4: null, method: "punt" },
          }),
        );
      });
      await store.loadDelivery(newDelivery(), content(regs));
      // Independent count of the rows above for GM9002 per wijk, local month and code.
      const expected = new Map<string, { count: number; attempts: number }>();
      for (const r of regs) {
        if (r.placement.gemeente !== "GM9002" || !r.placement.wijk) continue;
        const key = `${r.placement.wijk}|${localBuckets(r.startsAt.getTime()).month}|${r.inpCode}`;
        const e = expected.get(key) ?? { count: 0, attempts: 0 };
        e.count++;
        if (r.attempt) e.attempts++;
        expected.set(key, e);
      }
      const got = await store.monthlyCountsWithin({
        gemeente: "GM9002",
        level: "wijk",
        fromMonth: 202401,
        toMonth: 202412,
      });
      assert.deepEqual(
        new Map(
          got.map((r) => [`${r.area}|${r.month}|${r.inpCode}`, { count: r.count, attempts: r.attempts }]),
        ),
        expected,
      );
      assert.equal(expected.get("WK900201|202403|1.1.1")?.count, 1);
      const buurten = await store.monthlyCountsWithin({
        gemeente: "GM9002",
        level: "buurt",
        fromMonth: 202404,
        toMonth: 202404,
      });
      assert.deepEqual(
        buurten.map((r) => `${r.area}:${r.inpCode}:${r.count}`),
        ["BU90020101:1.1.1:1", "BU90020102:1.4.5:1", "BU90020201:1.1.1:1"],
      );

      const april = await store.registrations({
        area: "GM9002",
        level: "gemeente",
        fromDay: 20240401,
        toDay: 20240430,
      });
      assert.deepEqual(
        april.map((r) => r.sourceId),
        ["W1", "W2", "W3", "W5"],
      );
      const burglaries = await store.registrations({
        area: "WK900201",
        level: "wijk",
        fromDay: 20240331,
        toDay: 20240401,
        inpCodes: ["1.1.1"],
      });
      assert.deepEqual(
        burglaries.map((r) => [r.sourceId, r.local.day, r.attempt]),
        [
          ["W0", 20240331, true],
          ["W1", 20240401, false],
        ],
      );
      assert.deepEqual(
        await store.registrations({
          area: "BU90020102",
          level: "buurt",
          fromDay: 20240401,
          toDay: 20240430,
          inpCodes: ["1.1.1"],
        }),
        [],
      );
    });

    it("keeps gemeente counts right when newer versions change type, month or gemeente", async () => {
      const at = (gemeente: string) => ({
        year: 2024,
        buurt: null,
        wijk: null,
        gemeente,
        pc4: null,
        method: "gebiedscode" as const,
      });
      const jan = new Date("2024-01-10T10:00:00Z");
      const feb = new Date("2024-02-10T10:00:00Z");
      const v1 = new Date("2024-03-01T00:00:00Z");
      const v2 = new Date("2024-03-02T00:00:00Z");
      await store.loadDelivery(
        newDelivery(),
        content([
          makeRegistration({
            sourceId: "K1",
            startsAt: jan,
            version: v1,
            inpCode: "1.1.1",
            placement: at("GM9004"),
          }),
          makeRegistration({
            sourceId: "K2",
            startsAt: jan,
            version: v1,
            inpCode: "1.1.1",
            placement: at("GM9004"),
          }),
          makeRegistration({
            sourceId: "K3",
            startsAt: jan,
            version: v1,
            inpCode: "1.1.1",
            placement: at("GM9004"),
          }),
        ]),
      );
      await store.loadDelivery(
        newDelivery(),
        content([
          makeRegistration({
            sourceId: "K1",
            startsAt: feb,
            version: v2,
            inpCode: "1.1.1",
            placement: at("GM9004"),
          }),
          makeRegistration({
            sourceId: "K2",
            startsAt: jan,
            version: v2,
            inpCode: "1.4.5",
            placement: at("GM9004"),
          }),
          makeRegistration({
            sourceId: "K3",
            startsAt: jan,
            version: v2,
            inpCode: "1.1.1",
            placement: at("GM9005"),
          }),
        ]),
      );
      const counts = async (area: string) =>
        (await store.monthlyCounts({ area, level: "gemeente", fromMonth: 202401, toMonth: 202412 })).map(
          (r) => [r.month, r.inpCode, r.count],
        );
      assert.deepEqual(await counts("GM9004"), [
        [202401, "1.4.5", 1],
        [202402, "1.1.1", 1],
      ]);
      assert.deepEqual(await counts("GM9005"), [[202401, "1.1.1", 1]]);
    });

    it("stores aggregate cells, the newest delivery winning", async () => {
      const cell = (value: number | null): AggregateRow => ({
        source: "cbs",
        table: "47018NED",
        areaCode: "GM0344",
        period: "2024",
        category: "1.1.1",
        measure: "GeregistreerdeMisdrijven",
        value,
      });
      await store.loadDelivery(newDelivery({ format: "cbs-odata" }), content([], { aggregates: [cell(10)] }));
      await store.loadDelivery(
        newDelivery({ format: "cbs-odata" }),
        content([], { aggregates: [cell(null)] }),
      );
      assert.deepEqual(await store.aggregates({ areaCode: "GM0344" }), [cell(null)]);
    });

    it("keeps organisations and user accounts, replacing by id", async () => {
      await store.saveOrganisation({
        id: "GM9001",
        name: "Gemeente Aa",
        kind: "gemeente",
        authority: ["GM9001"],
      });
      await store.saveOrganisation({
        id: "politie-RE90",
        name: "Eenheid",
        kind: "politie",
        authority: ["RE90"],
      });
      await store.saveOrganisation({
        id: "GM9001",
        name: "Gemeente Aa",
        kind: "gemeente",
        authority: ["GM9001", "GM9002"],
      });
      assert.deepEqual(
        (await store.organisations()).map((o) => [o.id, o.kind, o.authority]),
        [
          ["GM9001", "gemeente", ["GM9001", "GM9002"]],
          ["politie-RE90", "politie", ["RE90"]],
        ],
      );
      const user = {
        id: "burgemeester-aa",
        name: "A. de Burgemeester",
        email: null,
        organisation: "GM9001",
        roles: ["burgemeester" as const],
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
        totpSecret: null,
        oidcSubject: null,
        failedLogins: 0,
        lockedUntil: null,
        active: true,
        createdAt: new Date("2026-11-01T10:00:00.123Z"),
      };
      await store.saveUser(user);
      assert.deepEqual(await store.user("burgemeester-aa"), user);
      const locked = {
        ...user,
        failedLogins: 5,
        lockedUntil: new Date("2026-11-22T10:15:00Z"),
        roles: ["burgemeester" as const, "fg" as const],
      };
      await store.saveUser(locked);
      assert.deepEqual(await store.user("burgemeester-aa"), locked);
      assert.equal(await store.user("niemand"), undefined);
      assert.deepEqual(
        (await store.users()).map((u) => u.id),
        ["burgemeester-aa"],
      );
    });

    it("answers every read with the data as it is after each delivery and purge, and shares no changeable rows", async () => {
      const area = { gemeente: "GM9077", level: "buurt" as const, fromMonth: 202001, toMonth: 202412 };
      const at = (sourceId: string, startsAt: string) =>
        makeRegistration({
          sourceId,
          startsAt: new Date(startsAt),
          placement: {
            year: 2024,
            buurt: "BU90770101",
            wijk: "WK907701",
            gemeente: "GM9077",
            pc4: null,
            method: "punt",
          },
        });
      const reads = async () => ({
        gemeente: (
          await store.monthlyCounts({ area: "GM9077", level: "gemeente", fromMonth: 202001, toMonth: 202412 })
        ).reduce((n, r) => n + r.count, 0),
        buurt: (await store.monthlyCountsWithin(area)).reduce((n, r) => n + r.count, 0),
        registrations: (
          await store.registrations({ area: "GM9077", level: "gemeente", fromDay: 20200101, toDay: 20241231 })
        ).length,
        deliveries: (await store.deliveries()).filter((d) => d.source === "lezen").map((d) => d.status),
      });
      const statuses = (await store.deliveries()).filter((d) => d.source === "lezen").map((d) => d.status);
      assert.deepEqual(statuses, []);
      const withDeliveries = async (expected: object, ...status: string[]) =>
        assert.deepEqual(await reads(), { ...expected, deliveries: [...statuses, ...status] });
      assert.deepEqual(await reads(), { gemeente: 0, buurt: 0, registrations: 0, deliveries: [] });
      await store.loadDelivery(newDelivery({ source: "lezen" }), content([at("l1", "2021-03-01T10:00:00Z")]));
      await withDeliveries({ gemeente: 1, buurt: 1, registrations: 1 }, "geladen");
      await store.loadDelivery(
        newDelivery({ source: "lezen" }),
        content([at("l2", "2024-03-01T10:00:00Z"), at("l3", "2024-04-01T10:00:00Z")]),
      );
      await withDeliveries({ gemeente: 3, buurt: 3, registrations: 3 }, "geladen", "geladen");
      // A delivery that fails halfway changes nothing, also not what is read (but is recorded).
      await store.loadDelivery(
        newDelivery({ source: "lezen" }),
        content(
          [
            at("l4", "2024-05-01T10:00:00Z"),
            at("l5", "2024-05-02T10:00:00Z"),
            at("l6", "2024-05-03T10:00:00Z"),
          ],
          {
            failAfter: 2,
          },
        ),
      );
      await withDeliveries({ gemeente: 3, buurt: 3, registrations: 3 }, "geladen", "geladen", "mislukt");
      await store.purgeExpired({ registrationsBefore: new Date("2022-01-01T00:00:00Z") });
      await withDeliveries({ gemeente: 3, buurt: 2, registrations: 2 }, "geladen", "geladen", "mislukt");
      // Rows read are shared between readers: changing them is refused.
      const rows = await store.monthlyCountsWithin(area);
      assert.throws(() => (rows as unknown as { count: number }[]).sort((a, b) => a.count - b.count));
      assert.throws(() => {
        (rows[0] as { count: number }).count = 99;
      });
      assert.equal((await store.monthlyCountsWithin(area))[0]?.count, 1);
      const [delivery] = await store.deliveries();
      assert.throws(() => {
        (delivery as { status: string }).status = "mislukt";
      });
      // Documents: the newest version as soon as it is saved, shared read-only.
      const save = (version: number) =>
        store.saveDocument({
          kind: "lezen",
          key: "GM9077",
          body: { versie: version, lijst: [version] },
          author: "t",
          savedAt: new Date(),
        });
      await save(1);
      assert.deepEqual(
        (await store.documents("lezen")).map((d) => d.body),
        [{ versie: 1, lijst: [1] }],
      );
      assert.deepEqual(
        (await store.documents("lezen", "GM9077")).map((d) => d.version),
        [1],
      );
      await save(2);
      assert.deepEqual(
        (await store.documents("lezen")).map((d) => d.body),
        [{ versie: 2, lijst: [2] }],
      );
      assert.deepEqual(
        (await store.documents("lezen", "GM9077")).map((d) => d.version),
        [2],
      );
      const [doc] = await store.documents("lezen");
      assert.ok(doc);
      assert.throws(() => {
        (doc.body as { lijst: number[] }).lijst.push(3);
      });
    });

    it("purges what has expired, keeping the monthly counts", async () => {
      const regs = [
        makeRegistration({ sourceId: "oud", startsAt: new Date("2019-05-01T10:00:00Z") }),
        makeRegistration({ sourceId: "nieuw", startsAt: new Date("2024-05-01T10:00:00Z") }),
      ];
      const quarantined: QuarantineEntry = {
        file: "x.csv",
        line: 3,
        field: "datum",
        reason: "datum bestaat niet",
        raw: "A3;Jan;...",
      };
      await store.loadDelivery(
        newDelivery({ source: "retentie", receivedAt: new Date("2020-01-01T00:00:00Z") }),
        content(regs, { quarantine: [quarantined] }),
      );
      const monthly = async () =>
        (
          await store.monthlyCounts({ area: "GM9001", level: "gemeente", fromMonth: 201901, toMonth: 202412 })
        ).reduce((n, r) => n + r.count, 0);
      const before = await monthly();
      const deliveryId = (await store.deliveries()).find((d) => d.source === "retentie")?.id ?? -1;
      assert.equal((await store.quarantine(deliveryId)).length, 1);
      const purged = await store.purgeExpired({
        registrationsBefore: new Date("2020-01-01T00:00:00Z"),
        historyBefore: new Date("2020-01-01T00:00:00Z"),
        quarantineBefore: new Date("2021-01-01T00:00:00Z"),
      });
      assert.deepEqual(purged, { registrations: 1, history: 0, quarantine: 1 });
      assert.deepEqual((await store.registrationVersions("test", "oud")).length, 0);
      assert.equal((await store.registrationVersions("test", "nieuw")).length, 1);
      assert.equal((await store.quarantine(deliveryId)).length, 0);
      assert.equal(await monthly(), before, "monthly counts stay");
      // A later delivery for this gemeente recounts only the months it touches.
      await store.loadDelivery(
        newDelivery({ source: "retentie" }),
        content([makeRegistration({ sourceId: "later", startsAt: new Date("2024-06-01T10:00:00Z") })]),
      );
      assert.equal(await monthly(), before + 1, "the purged month's count is still there");
      assert.deepEqual(await store.purgeExpired({}), { registrations: 0, history: 0, quarantine: 0 });
    });

    it("keeps table protection's ledger per area and minimum, without duplicates", async () => {
      const a = { series: "totaal", from: 202401, to: 202403 };
      const b = { series: "1.1.1", from: 202402, to: 202402 };
      assert.equal(await store.addToProtectionLedger("GM9001", 5, [a, b]), 2);
      assert.equal(await store.addToProtectionLedger("GM9001", 5, [a]), 0);
      assert.equal(await store.addToProtectionLedger("GM9002", 5, [a]), 1);
      const key = (x: { series: string; from: number; to: number }) => `${x.series}|${x.from}|${x.to}`;
      assert.deepEqual((await store.protectionLedger("GM9001", 5)).map(key).sort(), [key(b), key(a)].sort());
      assert.deepEqual(await store.protectionLedger("GM9001", 3), []);
      // What grows later is read later; what was read cannot be changed by the reader.
      const c = { series: "totaal", from: 202404, to: 202404 };
      assert.equal(await store.addToProtectionLedger("GM9001", 5, [c]), 1);
      const read = await store.protectionLedger("GM9001", 5);
      assert.deepEqual(read.map(key).sort(), [key(b), key(a), key(c)].sort());
      assert.deepEqual((await store.protectionLedger("GM9001", 3)).length, 0);
      assert.throws(() => (read as { series: string; from: number; to: number }[]).push(a));
    });

    it("keeps documents people write in versions, never changing an earlier one", async () => {
      const at = (d: string) => new Date(`${d}T09:00:00.000Z`);
      const v1 = await store.saveDocument({
        kind: "afspraak",
        key: "GM9001",
        body: { producten: ["maandoverzicht"] },
        author: "oov.a",
        savedAt: at("2026-01-05"),
      });
      const v2 = await store.saveDocument({
        kind: "afspraak",
        key: "GM9001",
        body: { producten: ["maandoverzicht", "tabellenboek"], é: "ë" },
        author: "oov.b",
        savedAt: at("2026-03-01"),
      });
      await store.saveDocument({
        kind: "afspraak",
        key: "GM9002",
        body: { producten: [] },
        author: "oov.c",
        savedAt: at("2026-02-01"),
      });
      await store.saveDocument({
        kind: "streefcijfers",
        key: "GM9001",
        body: { x: 1 },
        author: "oov.a",
        savedAt: at("2026-02-01"),
      });
      assert.deepEqual([v1.version, v2.version], [1, 2]);
      const newest = await store.documents("afspraak");
      assert.deepEqual(
        newest.map((d) => [d.key, d.version, d.author]),
        [
          ["GM9001", 2, "oov.b"],
          ["GM9002", 1, "oov.c"],
        ],
      );
      assert.deepEqual(newest[0]?.body, { producten: ["maandoverzicht", "tabellenboek"], é: "ë" });
      assert.equal(newest[0]?.savedAt.toISOString(), "2026-03-01T09:00:00.000Z");
      assert.deepEqual(
        (await store.documents("afspraak", "GM9002")).map((d) => d.version),
        [1],
      );
      const history = await store.documentHistory("afspraak", "GM9001");
      assert.deepEqual(
        history.map((d) => [d.version, d.body]),
        [
          [1, { producten: ["maandoverzicht"] }],
          [2, { producten: ["maandoverzicht", "tabellenboek"], é: "ë" }],
        ],
      );
      assert.deepEqual(await store.documents("onbekend"), []);
    });

    it("remembers each user's last visit, returning the one before", async () => {
      const first = new Date("2026-03-02T07:15:30.250Z");
      const second = new Date("2026-03-03T18:00:00.000Z");
      assert.equal(await store.recordVisit("burgemeester.a", first), null);
      assert.equal(await store.recordVisit("wethouder.b", second), null);
      assert.equal((await store.recordVisit("burgemeester.a", second))?.toISOString(), first.toISOString());
      const third = new Date("2026-03-04T06:00:00.000Z");
      assert.equal((await store.recordVisit("burgemeester.a", third))?.toISOString(), second.toISOString());
      assert.equal((await store.recordVisit("wethouder.b", third))?.toISOString(), second.toISOString());
    });

    it("keeps the head of the disclosure register", async () => {
      assert.equal(await store.registerHead(), null);
      await store.saveRegisterHead({ seq: 3, hash: "ab".repeat(32) }, new Date());
      await store.saveRegisterHead({ seq: 7, hash: "cd".repeat(32) }, new Date());
      assert.deepEqual(await store.registerHead(), { seq: 7, hash: "cd".repeat(32) });
    });
  });
}
