// What is known of a delivered file before reading it: size, SHA-256, and its first bytes.

import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { InputError } from "../domain/errors.ts";

export interface FileFacts {
  path: string;
  bytes: number;
  sha256: string;
  /** Up to 64 KiB from the start, for format detection. */
  head: Buffer;
}

export async function fileFacts(path: string): Promise<FileFacts> {
  let bytes: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error("geen bestand");
    bytes = s.size;
  } catch {
    throw new InputError("bestand niet gevonden of niet leesbaar", path);
  }
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  const fh = await open(path, "r");
  try {
    const head = Buffer.alloc(Math.min(bytes, 64 * 1024));
    await fh.read(head, 0, head.length, 0);
    return { path, bytes, sha256: hash.digest("hex"), head };
  } finally {
    await fh.close();
  }
}

/** The text of the given 1-based physical lines of a file (for quarantine entries made late). */
export async function readLines(path: string, lines: number[]): Promise<Map<number, string>> {
  const wanted = new Set(lines);
  const out = new Map<number, string>();
  if (wanted.size === 0) return out;
  const max = Math.max(...wanted);
  let line = 1;
  let rest = "";
  for await (const chunk of createReadStream(path, { encoding: "latin1", highWaterMark: 1 << 20 })) {
    const parts = (rest + chunk).split("\n");
    rest = parts.pop() ?? "";
    for (const p of parts) {
      if (wanted.has(line)) out.set(line, Buffer.from(p.replace(/\r$/, ""), "latin1").toString("utf8"));
      if (++line > max) return out;
    }
  }
  if (wanted.has(line) && rest) out.set(line, Buffer.from(rest, "latin1").toString("utf8"));
  return out;
}
