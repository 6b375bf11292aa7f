// A batch: the jobs for a period made one after another, as one requester for one purpose or each
// job as its own (the gate decides per job; a refusal is reported, not fatal), each rendered in its
// formats and written to `<dir>/<gemeente>/` while the next job is made. Reports progress and the
// time per product.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AccessDenied, InputError } from "../domain/errors.ts";
import type { PdfPrinter } from "../render/pdf/print-pdf.ts";
import { renderFormats } from "../render/product/render-product.ts";
import type { BatchJob } from "./batch-jobs.ts";
import { productById } from "./catalog.ts";
import type { ProductDocument } from "./product-document.ts";
import type { ProductPeriod } from "./product-period.ts";
import { type ProductEngineDeps, type ProductRequest, runProduct } from "./run-product.ts";

export interface BatchResult {
  job: BatchJob;
  status: "gemaakt" | "geweigerd" | "mislukt";
  /** Files written (absolute paths). */
  files: string[];
  /** From the start of making to the last file written (the next job is made meanwhile). */
  ms: number;
  reason?: string;
}

type Who = Pick<ProductRequest, "requester" | "purpose">;

/**
 * How many jobs may be rendering while the next is made. One: measured, two made the monthly
 * bundle slower (2.3 → 2.7 s with PDF) and the national batch no faster (both cores are busy).
 */
const RENDERING_AHEAD = 1;

export interface BatchEffects {
  pdf?: PdfPrinter;
  /** Called after each job with the number done and the total. */
  progress?: (done: number, total: number, job: BatchJob) => void;
  clock?: () => number;
}

export async function runBatch(
  deps: ProductEngineDeps,
  /** Who asks: one requester for every job, or each job's own (e.g. the gemeente's mayor). */
  who: Who | ((job: BatchJob) => Promise<Who>),
  jobs: readonly BatchJob[],
  period: ProductPeriod,
  dir: string,
  fx: BatchEffects = {},
): Promise<BatchResult[]> {
  const clock = fx.clock ?? (() => performance.now());
  const results: BatchResult[] = [];
  // A job's files are rendered and written while the next jobs are made (PDF prints in Chromium,
  // the next product is made here), at most RENDERING_AHEAD jobs at a time; each is written and
  // reported after the one before it, so results come in order.
  let rendering: Promise<void> = Promise.resolve();
  const pending: Promise<void>[] = [];
  const finish = (i: number, result: BatchResult) => {
    results[i] = result;
    fx.progress?.(results.filter(Boolean).length, jobs.length, result.job);
  };
  for (const [i, job] of jobs.entries()) {
    const t0 = clock();
    const def = productById(job.product);
    if (!def) {
      await rendering;
      finish(i, { job, status: "mislukt", files: [], ms: 0, reason: `product ${job.product} bestaat niet` });
      continue;
    }
    let doc: ProductDocument;
    try {
      const asker = typeof who === "function" ? await who(job) : who;
      doc = await runProduct(deps, def, { ...asker, area: job.area, period });
    } catch (err) {
      if (!(err instanceof AccessDenied) && !(err instanceof InputError)) {
        await rendering.catch(() => {});
        throw err;
      }
      await rendering;
      finish(i, {
        job,
        status: err instanceof AccessDenied ? "geweigerd" : "mislukt",
        files: [],
        ms: clock() - t0,
        reason: err.message,
      });
      continue;
    }
    const previous = rendering;
    rendering = (async () => {
      const outcomes = await renderFormats(doc, job.formats, { pdf: fx.pdf });
      await previous;
      const out = join(dir, job.gemeente);
      mkdirSync(out, { recursive: true });
      const files: string[] = [];
      const failed: string[] = [];
      for (const r of outcomes) {
        if ("error" in r) {
          if (!(r.error instanceof InputError)) throw r.error;
          failed.push(`${r.format}: ${r.error.message}`);
          continue;
        }
        const path = join(out, r.file.fileName);
        writeFileSync(path, r.file.content);
        files.push(path);
      }
      const ms = clock() - t0;
      finish(
        i,
        failed.length > 0
          ? { job, status: "mislukt", files, ms, reason: failed.join("; ") }
          : { job, status: "gemaakt", files, ms },
      );
    })();
    // Handled when awaited below; until then a failure must not count as unhandled.
    rendering.catch(() => {});
    pending.push(rendering);
    if (pending.length > RENDERING_AHEAD) await pending.shift();
  }
  await rendering;
  return results;
}

/** Time per product over the results: count, total and mean milliseconds. */
export function timePerProduct(
  results: readonly BatchResult[],
): { product: string; count: number; totalMs: number; meanMs: number }[] {
  const by = new Map<string, { count: number; totalMs: number }>();
  for (const r of results) {
    if (r.status !== "gemaakt") continue;
    const e = by.get(r.job.product) ?? { count: 0, totalMs: 0 };
    e.count++;
    e.totalMs += r.ms;
    by.set(r.job.product, e);
  }
  return [...by]
    .map(([product, e]) => ({ product, ...e, meanMs: e.totalMs / e.count }))
    .sort((a, b) => a.product.localeCompare(b.product));
}
