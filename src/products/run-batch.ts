// A batch: the jobs for a period made one after another as one requester for one purpose (the
// gate decides per job; a refusal is reported, not fatal), each rendered in its formats and written
// to `<dir>/<gemeente>/`. Reports progress and the time per product.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AccessDenied, InputError } from "../domain/errors.ts";
import type { PdfPrinter } from "../render/pdf/print-pdf.ts";
import { renderProduct } from "../render/product/render-product.ts";
import type { BatchJob } from "./batch-jobs.ts";
import { productById } from "./catalog.ts";
import type { ProductPeriod } from "./product-period.ts";
import { type ProductEngineDeps, type ProductRequest, runProduct } from "./run-product.ts";

export interface BatchResult {
  job: BatchJob;
  status: "gemaakt" | "geweigerd" | "mislukt";
  /** Files written (absolute paths). */
  files: string[];
  ms: number;
  reason?: string;
}

export interface BatchEffects {
  pdf?: PdfPrinter;
  /** Called after each job with the number done and the total. */
  progress?: (done: number, total: number, job: BatchJob) => void;
  clock?: () => number;
}

export async function runBatch(
  deps: ProductEngineDeps,
  who: Pick<ProductRequest, "requester" | "purpose">,
  jobs: readonly BatchJob[],
  period: ProductPeriod,
  dir: string,
  fx: BatchEffects = {},
): Promise<BatchResult[]> {
  const clock = fx.clock ?? (() => performance.now());
  const results: BatchResult[] = [];
  for (const [i, job] of jobs.entries()) {
    const t0 = clock();
    const def = productById(job.product);
    let result: BatchResult;
    if (!def) {
      result = { job, status: "mislukt", files: [], ms: 0, reason: `product ${job.product} bestaat niet` };
    } else {
      try {
        const doc = await runProduct(deps, def, { ...who, area: job.area, period });
        const out = join(dir, job.gemeente);
        mkdirSync(out, { recursive: true });
        const files: string[] = [];
        for (const format of job.formats) {
          const r = await renderProduct(doc, format, { pdf: fx.pdf });
          const path = join(out, r.fileName);
          writeFileSync(path, r.content);
          files.push(path);
        }
        result = { job, status: "gemaakt", files, ms: clock() - t0 };
      } catch (err) {
        if (!(err instanceof AccessDenied) && !(err instanceof InputError)) throw err;
        result = {
          job,
          status: err instanceof AccessDenied ? "geweigerd" : "mislukt",
          files: [],
          ms: clock() - t0,
          reason: err.message,
        };
      }
    }
    results.push(result);
    fx.progress?.(i + 1, jobs.length, job);
  }
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
