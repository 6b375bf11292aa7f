import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { PURPOSE } from "../disclosure/access-spec.ts";
import { requesterFor } from "../disclosure/store-gate.ts";
import { openTestGate } from "../server/test-access.ts";
import { jobsForAll } from "./batch-jobs.ts";
import { CATALOG, productById } from "./catalog.ts";
import { parsePeriod } from "./product-period.ts";
import { runBatch, timePerProduct } from "./run-batch.ts";
import { openProductTestStore, PRODUCT_DEMO, type ProductTestStore } from "./test-products.ts";

describe("a batch over gemeenten and products", () => {
  let t: ProductTestStore;
  before(async () => {
    t = await openProductTestStore();
  });
  after(() => t?.store.close());

  it("makes what the user may see, reports the refusals, writes the files and times each product", async () => {
    const period = parsePeriod("2026-08");
    const jobs = jobsForAll(CATALOG, [t.gemeenten[0], t.gemeenten[1]], period, ["xlsx", "json"]);
    assert.ok(jobs.some((j) => j.product === "maandoverzicht"));
    const access = await openTestGate(t.store, () => PRODUCT_DEMO.now);
    const dir = mkdtempSync(join(tmpdir(), "driehoek-batch-"));
    const seen: number[] = [];
    let tick = 0;
    try {
      const results = await runBatch(
        { store: t.store, gate: access.gate, registry: access.registry, now: () => PRODUCT_DEMO.now },
        { requester: await requesterFor(t.store, t.userFor("burgemeester")), purpose: PURPOSE.burgemeester },
        jobs,
        period,
        dir,
        { progress: (done) => seen.push(done), clock: () => (tick += 10) },
      );
      assert.deepEqual(
        seen,
        jobs.map((_, i) => i + 1),
      );
      // Own gemeente: made; the other gemeente: refused by the gate, nothing written.
      // (Figures for the mayor; single registrations need more: a second factor and the facts.)
      const figures = (id: string) => ["open", "aggregated"].includes(productById(id)?.sensitivity ?? "");
      const own = results.filter((r) => r.job.gemeente === t.gemeenten[0] && figures(r.job.product));
      assert.ok(
        results
          .filter((r) => r.job.gemeente === t.gemeenten[0] && !figures(r.job.product))
          // Refused by the gate, or (the bestuurlijke rapportage) not made without an address.
          .every((r) => r.status !== "gemaakt" && r.files.length === 0),
        JSON.stringify(
          results
            .filter((r) => r.job.gemeente === t.gemeenten[0] && !figures(r.job.product))
            .map((r) => [r.job.product, r.status, r.reason]),
        ),
      );
      const other = results.filter((r) => r.job.gemeente === t.gemeenten[1]);
      assert.ok(
        own.every((r) => r.status === "gemaakt"),
        JSON.stringify(own.filter((r) => r.status !== "gemaakt")),
      );
      assert.ok(
        other.length > 0 &&
          other.every((r) => r.status !== "gemaakt" && r.files.length === 0) &&
          // Refused by the gate (a product that cannot be made at all says so before asking it).
          other
            .filter((r) => r.status === "geweigerd")
            .every((r) => /Geen toegang|tweede factor/.test(r.reason ?? "")) &&
          other.filter((r) => r.status === "geweigerd").length >= other.length - 2,
        JSON.stringify(other.map((r) => [r.job.product, r.status, r.reason])),
      );
      assert.equal(existsSync(join(dir, t.gemeenten[1])), false);
      for (const r of own) {
        assert.equal(r.files.length, 2);
        assert.equal(
          readFileSync(r.files[0] as string)
            .subarray(0, 2)
            .toString(),
          "PK",
        );
        assert.equal(JSON.parse(readFileSync(r.files[1] as string, "utf8")).product, r.job.product);
      }
      // Times come from the injected clock: from the start of making to the files written
      // (the next job is made meanwhile, so at least two ticks), and per product the mean.
      assert.ok(
        own.every((r) => r.ms >= 20 && r.ms % 10 === 0),
        JSON.stringify(own.map((r) => r.ms)),
      );
      const times = timePerProduct(results);
      assert.deepEqual(
        times.map((x) => [x.product, x.count, x.meanMs]),
        own.map((r) => [r.job.product, 1, r.ms]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      const verified = await access.register.verify();
      assert.equal(verified.entries, own.length, "one register entry per product made");
    } finally {
      await access.close();
    }
  });
});
