import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { AccessDenied } from "../domain/errors.ts";
import { contentHash, createGate, type Requester } from "./disclosure-gate.ts";
import { loadLegalBasisRegistry } from "./legal-bases/legal-basis-registry.ts";
import { loadAuthorizer } from "./policies/cedar-authorizer.ts";
import { openRegister } from "./register/register.ts";
import type { RegisterHead } from "./register/register-log.ts";
import { verifyRegister } from "./register/verify-register.ts";
import { loadProtectionRules, type TableProtection } from "./table-protection/protection-rules.ts";

const KEY = new Uint8Array(32).fill(3);
const lineage = (code: string) =>
  code.startsWith("WK9001") ? ["GM9001", "RE90"] : code.startsWith("GM") ? ["RE90"] : [];

function setup() {
  const path = join(mkdtempSync(join(tmpdir(), "gate-")), "register.jsonl");
  let anchored: RegisterHead | null = null;
  const register = openRegister({
    path,
    key: KEY,
    anchor: {
      read: async () => anchored,
      write: async (h) => {
        anchored = h;
      },
    },
  });
  const gate = createGate({
    registry: loadLegalBasisRegistry(),
    authorizer: loadAuthorizer(lineage),
    register,
    now: () => new Date("2026-11-22T09:00:00Z"),
  });
  const entries = () =>
    readFileSync(path, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  return { gate, register, path, entries, anchored: () => anchored };
}

const mayor: Requester = {
  user: "burgemeester-aa",
  roles: ["burgemeester"],
  organisation: { id: "GM9001", kind: "gemeente", authority: ["GM9001"] },
};
const figures = [
  { month: 202610, inpCode: "1.1.1", count: 41 },
  { month: 202610, inpCode: "1.4.5", count: 7 },
];
const ask = (over: Partial<Parameters<ReturnType<typeof createGate>["disclose"]>[0]> = {}) => ({
  requester: mayor,
  purpose: "openbare-orde",
  what: "maandoverzicht",
  areas: ["GM9001"],
  period: "2026-10",
  sensitivity: "aggregated" as const,
  ...over,
});

describe("the disclosure gate", () => {
  it("answers a lawful request and registers it before returning", async () => {
    const { gate, register, path, entries, anchored } = setup();
    let produced = 0;
    const r = await gate.disclose(ask(), async () => {
      produced++;
      return figures;
    });
    assert.deepEqual(
      [r.data, r.legalBasis, r.policies, r.registerSeq],
      [figures, "wpg-16-1-c", ["gemeente-eigen-gebied"], 1],
    );
    assert.equal(produced, 1);
    const [e] = entries();
    assert.deepEqual(
      { ...e, prev: undefined, hash: undefined },
      {
        seq: 1,
        prev: undefined,
        at: "2026-11-22T09:00:00.000Z",
        kind: "verstrekking",
        user: "burgemeester-aa",
        roles: ["burgemeester"],
        organisation: "GM9001",
        purpose: "openbare-orde",
        legalBasis: `wpg-16-1-c@${loadLegalBasisRegistry().version}`,
        policy: "gemeente-eigen-gebied",
        what: "maandoverzicht",
        areas: ["GM9001"],
        period: "2026-10",
        sensitivity: "aggregated",
        count: 2,
        contentHash: contentHash(figures),
        reference: null,
        hash: undefined,
      },
    );
    await register.close();
    assert.deepEqual(anchored(), { seq: 1, hash: e.hash });
    assert.equal((await verifyRegister(path, KEY, { expectedHead: anchored() })).ok, true);
  });

  it("no purpose, no data: nothing is produced and nothing registered", async () => {
    const { gate, entries } = setup();
    for (const purpose of [null, "", "nieuwsgierigheid", "casus"]) {
      await assert.rejects(
        gate.disclose(ask({ purpose }), async () => assert.fail("must not produce")),
        (e: unknown) => e instanceof AccessDenied,
        String(purpose),
      );
    }
    assert.deepEqual(entries(), []);
  });

  it("refuses another gemeente's area, and a request without legal basis, saying why", async () => {
    const { gate, entries } = setup();
    await assert.rejects(
      gate.disclose(ask({ areas: ["GM9002"] }), async () => figures),
      /gebied GM9002/,
    );
    await assert.rejects(
      gate.disclose(ask({ areas: [] }), async () => figures),
      /gebied NL/,
    );
    await assert.rejects(
      gate.disclose(ask({ sensitivity: "person" }), async () => figures),
      /Geen grondslag.*strafrechtelijke handhaving alleen geaggregeerd/,
    );
    await assert.rejects(
      gate.disclose(ask({ requester: { ...mayor, roles: ["beheerder"] } }), async () => figures),
      /Geen grondslag/,
    );
    assert.deepEqual(entries(), []);
  });

  it("every area asked must be allowed; one outside refuses the whole answer", async () => {
    const { gate, entries } = setup();
    await assert.rejects(gate.disclose(ask({ areas: ["WK900101", "GM9002"] }), async () => figures));
    const ok = await gate.disclose(ask({ areas: ["WK900101", "GM9001"] }), async () => figures);
    assert.equal(ok.registerSeq, 1);
    assert.equal(entries().length, 1);
  });

  it("a legal basis that demands protection is refused without a way to protect, applied with one", async () => {
    const { gate, entries } = setup();
    const partner: Requester = {
      user: "corporatie",
      roles: ["partner"],
      organisation: { id: "woonstede", kind: "partner", authority: ["GM9001"] },
    };
    const q = ask({ requester: partner, purpose: "statistiek-en-onderzoek" });
    await assert.rejects(
      gate.disclose(q, async () => figures),
      /kan niet worden beveiligd.*tabelbeveiliging/,
    );
    const r = await gate.disclose(q, async () => figures, {
      protect: (rows, obligations) => {
        assert.deepEqual(obligations, ["tabelbeveiliging"]);
        return rows.filter((x) => x.count >= 10);
      },
    });
    assert.deepEqual(r.data, [figures[0]]);
    assert.equal(entries()[0].count, 1);
    assert.equal(entries()[0].contentHash, contentHash([figures[0]]));
  });

  it("presents the protected data as the answer, and registers the answer's count and hash", async () => {
    const { gate, entries } = setup();
    const partner: Requester = {
      user: "corporatie",
      roles: ["partner"],
      organisation: { id: "woonstede", kind: "partner", authority: ["GM9001"] },
    };
    const q = ask({ requester: partner, purpose: "statistiek-en-onderzoek" });
    const r = await gate.disclose(q, async () => figures, {
      protect: (rows) => rows.filter((x) => x.count >= 10),
      present: (rows) => ({ title: "Overzicht", lines: rows.map((x) => `${x.inpCode}: ${x.count}`) }),
      count: (doc) => doc.lines.length,
    });
    assert.deepEqual(r.data, { title: "Overzicht", lines: ["1.1.1: 41"] });
    assert.equal(entries()[0].count, 1);
    assert.equal(entries()[0].contentHash, contentHash(r.data));
  });

  it("a failing producer registers nothing", async () => {
    const { gate, entries } = setup();
    await assert.rejects(
      gate.disclose(ask(), async () => Promise.reject(new Error("database weg"))),
      /database weg/,
    );
    assert.deepEqual(entries(), []);
  });

  it("administrative reads are for the beheerder only, and registered as beheer", async () => {
    const { gate, entries } = setup();
    const admin: Requester = { user: "beheer", roles: ["beheerder"], organisation: null };
    const r = await gate.administer({ requester: admin, what: "leveringen" }, async () => [1, 2, 3]);
    assert.deepEqual([r.data, r.policies], [[1, 2, 3], ["beheerder-beheer"]]);
    await assert.rejects(
      gate.administer({ requester: mayor, what: "leveringen" }, async () => [1]),
      /alleen voor de beheerder/,
    );
    const [e] = entries();
    assert.deepEqual(
      [e.kind, e.user, e.what, e.count, e.legalBasis],
      ["beheer", "beheer", "leveringen", 3, null],
    );
  });

  it("records the decision or convenant a disclosure rests on", async () => {
    const { gate, entries } = setup();
    const alderman: Requester = { user: "wh", roles: ["wethouder"], organisation: mayor.organisation };
    await gate.disclose(
      {
        ...ask({ requester: alderman, purpose: "casus:2026-7", sensitivity: "person" }),
        facts: { decision: "PL-2026-44" },
      },
      async () => figures,
    );
    assert.equal(entries()[0].reference, "besluit:PL-2026-44");
    assert.equal(entries()[0].legalBasis.split("@")[0], "wpg-19");
  });

  it("from the configured sensitivity on, only a requester with a second factor gets data", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "gate-")), "register.jsonl");
    const register = openRegister({
      path,
      key: KEY,
      anchor: { read: async () => null, write: async () => undefined },
    });
    const gate = createGate({
      registry: loadLegalBasisRegistry(),
      authorizer: loadAuthorizer(lineage),
      register,
      now: () => new Date("2026-11-22T09:00:00Z"),
      strongFrom: "incident",
    });
    const chief: Requester = {
      user: "tc",
      roles: ["teamchef"],
      organisation: { id: "p", kind: "politie", authority: ["GM9001"] },
    };
    const q = (requester: Requester, sensitivity: "aggregated" | "incident") =>
      gate.disclose(ask({ requester, purpose: "politietaak", sensitivity }), async () => figures);
    assert.equal((await q(chief, "aggregated")).data, figures, "figures with a password alone");
    await assert.rejects(q(chief, "incident"), /tweede factor nodig/);
    assert.equal((await q({ ...chief, strongAuth: true }, "incident")).data, figures);
    await register.close();
  });

  it("passes the sexual-offences rule to the protection for an area below the gemeente", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "gate-")), "register.jsonl");
    const register = openRegister({
      path,
      key: KEY,
      anchor: { read: async () => null, write: async () => undefined },
    });
    const gate = createGate({
      registry: loadLegalBasisRegistry(),
      authorizer: loadAuthorizer(lineage),
      register,
      now: () => new Date("2026-11-22T09:00:00Z"),
      protection: loadProtectionRules(),
    });
    let seen: TableProtection | null = null;
    await gate.disclose(ask({ areas: ["WK900101"] }), async () => figures, {
      protect: (rows, _o, table) => {
        seen = table;
        return rows;
      },
    });
    assert.deepEqual((seen as TableProtection | null)?.withholdTypes, ["1.4.1"]);
    await register.close();
  });
});
