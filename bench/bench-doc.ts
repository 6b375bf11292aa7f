// docs/BENCHMARKS.md is written in sections; each benchmark part replaces only its own section
// (between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`), and hand-written text stays.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";

export const log = (s: string) => process.stderr.write(`${s}\n`);

export const fmt = (v: number, d = 0) =>
  v.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? "unknown";
  return `Machine: ${cpus().length} × ${cpu}, ${fmt(totalmem() / 1024 ** 3, 1)} GiB RAM, Node.js ${process.version}; measured ${new Date().toISOString().slice(0, 10)}.`;
}

/** Replaces (or appends) one marked section of docs/BENCHMARKS.md. */
export function writeSection(name: string, markdown: string): void {
  const path = join(process.cwd(), "docs", "BENCHMARKS.md");
  let doc = existsSync(path)
    ? readFileSync(path, "utf8")
    : "# Benchmarks\n\nMeasured with `npm run bench`.\n";
  const begin = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${begin}\n${machineLine()}\n\n${markdown.trim()}\n${end}`;
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  doc =
    i >= 0 && j > i
      ? `${doc.slice(0, i)}${block}${doc.slice(j + end.length)}`
      : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, doc);
}
