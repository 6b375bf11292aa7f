import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AccessDenied } from "../../domain/errors.ts";
import type { ProductContext } from "../product-definition.ts";
import type { ProductDocument, TableBlock } from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import {
  buurtMapSection,
  type IncidentProductSpec,
  incidentProduct,
  incidentSummary,
  perTypeSection,
} from "./incident-product.ts";
import { type IncidentInput, protectIncidents } from "./incident-records.ts";
import {
  contextFor,
  countsOf,
  expectedRegs,
  incidentSuite,
  selectionConfigDir,
} from "./incident-test-data.ts";

const SECTIONS = [
  { id: "per-soort", title: "Per soort" },
  { id: "kaart", title: "Kaart" },
] as const;

/** A document holding only the shared pieces, so the test sees them as the products use them. */
function build(input: IncidentInput, ctx: ProductContext): ProductDocument {
  const p = protectIncidents(input, ctx, "buurt");
  const perType: TableBlock = { kind: "table", id: "per-soort", caption: "Tabel", columns: [], rows: [] };
  return {
    product: input.product,
    title: "Test",
    area: { code: ctx.area.code, name: ctx.area.name, level: ctx.area.level },
    period: { id: ctx.period.id, label: ctx.period.label, from: ctx.period.from, to: ctx.period.to },
    sensitivity: "incident",
    madeAt: ctx.now.toISOString(),
    summary: incidentSummary(p, ctx, "OPENING", "registraties"),
    sections: [perTypeSection(SECTIONS[0], p, perType), buurtMapSection(SECTIONS[1], p, ctx)],
  };
}

const SPEC: IncidentProductSpec = {
  id: "dagrapport",
  title: "Testrapport",
  description: "Voor de test.",
  sections: SECTIONS,
  measures: ["aantal"],
  levels: ["gemeente"],
  defaultLevel: "gemeente",
  periodKinds: ["week"],
  cadence: "wekelijks",
  audience: ["burgemeester"],
  comparisons: ["vorige", "vorig-jaar"],
  build,
};

function configDir(inpCodes: string[]): string {
  return selectionConfigDir({ versie: "t", dagrapport: { inpCodes } });
}

describe("incident product scaffolding", () => {
  const data = incidentSuite();
  const codes = ["1.4.3", "2.2.1"];

  it("keeps the catalog entry, is 'incident' and loads the selection under its own key", async () => {
    const def = incidentProduct(SPEC, configDir(codes));
    assert.deepEqual(Object.keys(def), [
      "id",
      "title",
      "description",
      "sections",
      "measures",
      "levels",
      "defaultLevel",
      "periodKinds",
      "cadence",
      "audience",
      "sensitivity",
      "load",
      "protect",
      "build",
    ]);
    assert.equal(def.sensitivity, "incident");
    assert.equal(def.build, build);
    const week = parsePeriod("2026-W14");
    const input = await def.load(data.store, await contextFor(data.store, "GM9901", week));
    assert.deepEqual(input.selection.inpCodes, codes);
    assert.equal(input.product, "dagrapport");
    assert.equal(input.registrations.length, expectedRegs(data.regs, ["GM9901"], week.days, codes).length);
    assert.deepEqual(
      input.comparisons.map((c) => c.kind),
      ["vorige", "vorig-jaar"],
    );
    const ctx = await contextFor(data.store, "GM9901", week);
    await assert.rejects(def.protect(data.store, input, { minimum: 5 }, ctx), AccessDenied);
  });

  it("opens the summary with the warning, the opening, one comparison per period and the top types", async () => {
    const def = incidentProduct(SPEC, configDir(codes));
    const week = parsePeriod("2026-W17"); // 20–26 April 2026: not over at NOW (20 April)
    const ctx = await contextFor(data.store, "GM9901", week);
    const doc = def.build(await def.load(data.store, ctx), ctx);
    const counts = countsOf(expectedRegs(data.regs, ["GM9901"], week.days, codes));
    assert.match(doc.summary[0] ?? "", /^Let op: week 17 van 2026 is nog niet voorbij\./);
    assert.equal(doc.summary[1], "OPENING");
    assert.match(doc.summary[2] ?? "", /^Vergeleken met week 16 van 2026: /);
    assert.match(doc.summary[3] ?? "", /^Vergeleken met week 17 van 2025: /);
    if (counts.size > 0) {
      assert.equal(doc.summary.length, 5);
      assert.match(doc.summary[4] ?? "", new RegExp(`^Het meest: .* ${Math.max(...counts.values())} keer`));
    } else assert.equal(doc.summary.length, 4);

    const over = await contextFor(data.store, "GM9901", parsePeriod("2026-W14"));
    const doc2 = def.build(await def.load(data.store, over), over);
    assert.equal(doc2.summary[0], "OPENING", "no warning for a period that is over");
  });

  it("charts the per-type table with the count and every comparison, and maps the buurten", async () => {
    const def = incidentProduct(SPEC, configDir(codes));
    const ctx = await contextFor(data.store, "GM9901", parsePeriod("2026-W14"));
    const doc = def.build(await def.load(data.store, ctx), ctx);
    const [perType, map] = doc.sections;
    assert.equal(perType?.id, "per-soort");
    assert.equal(perType?.title, "Per soort");
    assert.deepEqual(perType?.blocks[0], {
      kind: "chart",
      table: "per-soort",
      title: "Tabel",
      type: "bar",
      x: "soort",
      y: ["aantal", "vorige", "vorig-jaar"],
    });
    assert.equal(map?.id, "kaart");
    assert.deepEqual(
      map?.blocks.map((b) => [b.kind, b.kind === "table" || b.kind === "map" ? b.id : null]),
      [
        ["map", "kaart"],
        ["table", "per-buurt"],
      ],
    );
    const mapBlock = map?.blocks[0];
    assert.equal(
      mapBlock?.kind === "map" && mapBlock.caption,
      "Registraties per buurt in Aadorp, week 14 van 2026 (stip in het midden van de buurt)",
    );
  });
});
