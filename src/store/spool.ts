// A spool file: rows written as RFC 4180 CSV (comma, `"` quoting, empty unquoted field = NULL)
// for a store's native bulk reader (DuckDB read_csv, PostgreSQL COPY). Buffered: few, large writes.

import { createWriteStream, type WriteStream } from "node:fs";
import type { Cell } from "./registration-rows.ts";

function needsQuotes(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return true; // , " \n \r
  }
  return v === ""; // an empty string is quoted so it stays distinct from NULL
}

export function csvCell(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "string") return needsQuotes(v) ? `"${v.replaceAll('"', '""')}"` : v;
  return String(v);
}

export class SpoolWriter {
  private readonly out: WriteStream;
  private lines: string[] = [];
  rows = 0;

  constructor(readonly path: string) {
    this.out = createWriteStream(path);
  }

  /** Buffers one row; call `drain()` now and then (e.g. per batch) to write the buffer out. */
  write(cells: Cell[]): void {
    // join() makes one flat string; a chain of += would keep many small pieces alive until drain.
    const parts = new Array<string>(cells.length);
    for (let i = 0; i < cells.length; i++) parts[i] = csvCell(cells[i] ?? null);
    this.lines.push(parts.join(","));
    this.rows++;
  }

  /** Writes the buffer out, waiting when the file stream is full. */
  async drain(): Promise<void> {
    if (this.lines.length === 0) return;
    this.lines.push("");
    const chunk = Buffer.from(this.lines.join("\n"));
    this.lines = [];
    if (!this.out.write(chunk)) await new Promise<void>((resolve) => this.out.once("drain", () => resolve()));
  }

  async close(): Promise<void> {
    await this.drain();
    await new Promise<void>((resolve, reject) =>
      this.out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  }
}
