// `npm run bench`: the benchmarks, each writing its own section of docs/BENCHMARKS.md.
// Options: --onderdelen ingest,analyse,verstrekking,producten,batch,web,trends,kaart  --stappen 1000000,2000000,5000000,10000000  --herhalingen 200

import { runAnalysisBench } from "./analysis.ts";
import { runBatchBench } from "./batch.ts";
import { writeSection } from "./bench-doc.ts";
import { runDisclosureBench } from "./disclosure.ts";
import { runIngestBench } from "./ingest.ts";
import { runMapBench } from "./map.ts";
import { runProductsBench } from "./products.ts";
import { runTrendsBench } from "./trends.ts";
import { runWebBench } from "./web.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const parts = arg("onderdelen", "ingest,analyse,verstrekking,producten,batch,web").split(",");

if (parts.includes("analyse")) {
  const md = await runAnalysisBench();
  writeSection("analyse", md);
  process.stdout.write(`${md}\n`);
}
if (parts.includes("verstrekking")) {
  const md = await runDisclosureBench();
  writeSection("verstrekking", md);
  process.stdout.write(`${md}\n`);
}
if (parts.includes("producten")) {
  const md = await runProductsBench();
  writeSection("producten", md);
  process.stdout.write(`${md}\n`);
}
if (parts.includes("batch")) {
  const md = await runBatchBench();
  writeSection("batch", md);
  process.stdout.write(`${md}\n`);
}
if (parts.includes("web")) {
  const md = await runWebBench();
  writeSection("web", md);
  process.stdout.write(`${md}\n`);
}
if (parts.includes("trends")) {
  const md = await runTrendsBench();
  writeSection("trends", md);
  process.stdout.write(`${md}\n`);
}
if (parts.includes("kaart")) {
  const md = await runMapBench();
  writeSection("kaart", md);
  process.stdout.write(`${md}\n`);
}
if (parts.includes("ingest")) {
  const steps = arg("stappen", "1000000,2000000,5000000,10000000").split(",").map(Number);
  const md = await runIngestBench(steps, Number(arg("herhalingen", "200")));
  writeSection("ingest", md);
  process.stdout.write(`${md}\n`);
}
