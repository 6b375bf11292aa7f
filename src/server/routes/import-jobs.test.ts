import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createJobRegistry, percentDone } from "./import-jobs.ts";

function clock() {
  let t = Date.parse("2026-11-23T09:00:00Z");
  return () => {
    t += 1000;
    return new Date(t);
  };
}

describe("import jobs", () => {
  it("runs a job in the background with progress that only goes up, then klaar with its result", async () => {
    let n = 0;
    const seen: number[] = [];
    const jobs = createJobRegistry<string>({
      now: clock(),
      newId: () => `job-${++n}`,
      onChange: (j) => seen.push(percentDone(j)),
    });
    const r = jobs.start({ kind: "gebieden", label: "wijken.geojson", user: "beheer" }, async (report) => {
      report({ done: 10, total: 100, text: "10" });
      report({ done: 60, total: 100, text: "60" });
      report({ done: 30, total: 100, text: "terug?" });
      return "resultaat";
    });
    assert.ok("started" in r);
    assert.equal(r.started.state, "bezig", "the work has not run yet when start returns");
    await jobs.settled("job-1");
    const job = jobs.get("job-1");
    assert.equal(job?.state, "klaar");
    assert.equal(job?.result, "resultaat");
    assert.equal(job?.finishedAt?.toISOString(), "2026-11-23T09:00:02.000Z");
    assert.deepEqual(seen, [0, 10, 60, 60, 100]);
    assert.equal(job?.progress.text, "Klaar.");
  });

  it("runs one job per kind at a time, other kinds beside it", async () => {
    let release: () => void = () => {};
    const wait = new Promise<void>((r) => {
      release = r;
    });
    const jobs = createJobRegistry<number>({ now: clock() });
    const first = jobs.start({ kind: "adressen", label: "a", user: "b" }, async () => {
      await wait;
      return 1;
    });
    const again = jobs.start({ kind: "adressen", label: "a2", user: "b" }, async () => 2);
    const other = jobs.start({ kind: "bevolking", label: "p", user: "b" }, async () => 3);
    assert.ok("started" in first && "busy" in again && "started" in other);
    assert.equal(again.busy.id, first.started.id);
    release();
    await jobs.settled(first.started.id);
    assert.ok("started" in jobs.start({ kind: "adressen", label: "a3", user: "b" }, async () => 4));
    assert.deepEqual(
      jobs.list().map((j) => j.label),
      ["a3", "p", "a"],
      "newest first",
    );
  });

  it("records a failure as mislukt with the Dutch message", async () => {
    const jobs = createJobRegistry<number>({
      now: clock(),
      describeError: (e) => `fout: ${(e as Error).message}`,
    });
    const r = jobs.start({ kind: "x", label: "x", user: "b" }, async (report) => {
      report({ done: 20, total: 100, text: "bezig" });
      throw new Error("kapot");
    });
    assert.ok("started" in r);
    await jobs.settled(r.started.id);
    const job = jobs.get(r.started.id);
    assert.deepEqual([job?.state, job?.error, job?.result], ["mislukt", "fout: kapot", null]);
    assert.equal(percentDone(job as NonNullable<typeof job>), 20);
  });

  it("keeps a limited number of finished jobs", async () => {
    const jobs = createJobRegistry<number>({ now: clock(), keep: 2 });
    for (let i = 0; i < 4; i++) {
      const r = jobs.start({ kind: `k${i}`, label: `l${i}`, user: "b" }, async () => i);
      if ("started" in r) await jobs.settled(r.started.id);
    }
    assert.deepEqual(
      jobs.list().map((j) => j.label),
      ["l3", "l2"],
    );
  });
});
