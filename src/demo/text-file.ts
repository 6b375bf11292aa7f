// Writing the demo's text files: buffered, UTF-8 without BOM, to a temporary name that is renamed
// when the file is complete (so an importer never sees half a file), plus RFC 4180 quoting.

import type { FileHandle } from "node:fs/promises";
import { open, rename } from "node:fs/promises";

const INITIAL = 1 << 20;
const FLUSH_AT = 1 << 23;

export class TextFile {
  private buf: Buffer = Buffer.allocUnsafe(INITIAL);
  /** The other buffer of the pair: being written to disk while `buf` fills. */
  private spare: Buffer | null = null;
  private writing: Promise<void> | null = null;
  private pos = 0;
  private constructor(
    private readonly handle: FileHandle,
    private readonly tmpPath: string,
    readonly path: string,
  ) {}

  static async create(path: string): Promise<TextFile> {
    const tmpPath = `${path}.tmp`;
    return new TextFile(await open(tmpPath, "w"), tmpPath, path);
  }

  /**
   * Appends text, encoded at once into one reused buffer (so neither strings nor buffers pile
   * up); call `flushIfFull` now and then. The buffer grows when a caller adds a lot in between.
   */
  add(text: string): void {
    const worst = text.length * 3;
    if (this.pos + worst > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + worst));
      this.buf.copy(bigger, 0, 0, this.pos);
      this.buf = bigger;
    }
    this.pos += this.buf.write(text, this.pos, "utf8");
  }

  /** Appends bytes (copied). */
  addBytes(bytes: Uint8Array): void {
    if (this.pos + bytes.length > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes.length));
      this.buf.copy(bigger, 0, 0, this.pos);
      this.buf = bigger;
    }
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** Starts writing the buffer once it is full; generation goes on in the other buffer meanwhile. */
  async flushIfFull(): Promise<void> {
    if (this.pos >= FLUSH_AT) await this.startWrite();
  }

  async flush(): Promise<void> {
    await this.startWrite();
    await this.writing;
    this.writing = null;
  }

  private async startWrite(): Promise<void> {
    await this.writing;
    const full = this.buf;
    const length = this.pos;
    this.buf = this.spare ?? Buffer.allocUnsafe(full.length);
    this.spare = full;
    this.pos = 0;
    this.writing = this.writeAll(full, length);
    this.writing.catch(() => {}); // the error surfaces at the next await of `writing`
  }

  private async writeAll(buf: Buffer, length: number): Promise<void> {
    let off = 0;
    while (off < length) {
      const { bytesWritten } = await this.handle.write(buf, off, length - off);
      off += bytesWritten;
    }
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
    await rename(this.tmpPath, this.path);
  }
}

/** Writes a whole text file at once (through a temporary name). */
export async function writeTextFile(path: string, text: string): Promise<void> {
  const f = await TextFile.create(path);
  f.add(text);
  await f.close();
}

/** A CSV field, quoted per RFC 4180 when it holds the separator, a quote or a line break. */
export function csvField(value: string, separator: string): string {
  if (value.includes(separator) || value.includes('"') || value.includes("\n") || value.includes("\r")) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}
