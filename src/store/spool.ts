// A spool file: rows written as RFC 4180 CSV (comma, `"` quoting, empty unquoted field = NULL)
// for a store's native bulk reader (DuckDB read_csv, PostgreSQL COPY). Buffered: few, large writes.

import { createWriteStream, type WriteStream } from "node:fs";
import type { Cell } from "./registration-rows.ts";

const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "string") {
    // An empty string is quoted so it stays distinct from NULL.
    if (v === "" || NEEDS_QUOTES.test(v)) return `"${v.replaceAll('"', '""')}"`;
    return v;
  }
  return String(v);
}

export class SpoolWriter {
  private readonly out: WriteStream;
  private buffer = "";
  rows = 0;

  constructor(readonly path: string) {
    this.out = createWriteStream(path);
  }

  async write(cells: Cell[]): Promise<void> {
    let line = "";
    for (let i = 0; i < cells.length; i++) line += (i === 0 ? "" : ",") + csvCell(cells[i] ?? null);
    this.buffer += `${line}\n`;
    this.rows++;
    if (this.buffer.length > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.buffer) return;
    const chunk = this.buffer;
    this.buffer = "";
    if (!this.out.write(chunk)) await new Promise<void>((resolve) => this.out.once("drain", () => resolve()));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) =>
      this.out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  }
}
