// The verstrekkingenregister as an append-only file of JSON lines, one sealed entry per line.
// One process at a time appends (a lock file names it); each append is a single write, made
// durable by an fdatasync at most `syncEveryMs` later and at close.

import {
  closeSync,
  fchmodSync,
  fdatasyncSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { StoreError } from "../../domain/errors.ts";
import {
  canonicalBody,
  entryLine,
  GENESIS,
  type RegisterEntry,
  type RegisterFields,
  sealEntry,
  sealHash,
} from "./register-entry.ts";

/** The last entry: its sequence number and hash (0 and GENESIS for an empty register). */
export interface RegisterHead {
  seq: number;
  hash: string;
}

export interface RegisterLog {
  /** Seals and writes the next entry; returns it. Synchronous, so entries keep call order. */
  append(fields: RegisterFields): RegisterEntry;
  head(): RegisterHead;
  /** Makes everything written durable now. */
  sync(): void;
  close(): void;
}

export interface RegisterLogOptions {
  /** Longest time an appended entry may wait for fdatasync; default 200 ms. 0 syncs every append. */
  syncEveryMs?: number;
}

/**
 * Opens (or creates) the register at `path` for appending. Refuses when another live process holds
 * it, or when the last line is incomplete or its seal does not match `key` (a damaged or foreign
 * register is not extended; `driehoek register verify` says what is wrong).
 */
export function openRegisterLog(path: string, key: Uint8Array, opts: RegisterLogOptions = {}): RegisterLog {
  const syncEveryMs = opts.syncEveryMs ?? 200;
  const lockPath = `${path}.lock`;
  takeLock(lockPath, path);
  let fd: number;
  let head: RegisterHead;
  try {
    // Owner-only: entries name users, organisations and casus numbers.
    fd = openSync(path, "a+", 0o600);
    fchmodSync(fd, 0o600);
    head = readHead(fd, path, key);
  } catch (err) {
    unlinkSync(lockPath);
    throw err;
  }
  let dirty = false;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const sync = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (dirty) fdatasyncSync(fd);
    dirty = false;
  };

  return {
    append(fields) {
      if (closed) throw new StoreError("het register is al gesloten", path);
      const entry = sealEntry(key, head.seq + 1, head.hash, fields);
      const bytes = Buffer.from(entryLine(entry));
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written);
      head = { seq: entry.seq, hash: entry.hash };
      dirty = true;
      if (syncEveryMs === 0) sync();
      else if (!timer) {
        timer = setTimeout(sync, syncEveryMs);
        timer.unref();
      }
      return entry;
    },
    head: () => ({ ...head }),
    sync,
    close() {
      if (closed) return;
      closed = true;
      sync();
      closeSync(fd);
      unlinkSync(lockPath);
    },
  };
}

function takeLock(lockPath: string, path: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const pid = Number(readFileSync(lockPath, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
      throw new StoreError(
        `het verstrekkingenregister is in gebruik door proces ${pid}; gebruik de draaiende server of stop die eerst`,
        path,
      );
    }
    unlinkSync(lockPath); // left behind by a process that is gone
  }
  throw new StoreError("het verstrekkingenregister kon niet worden vergrendeld", path);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Reads the last line from the end of the file, backwards in chunks, and checks its seal. */
function readHead(fd: number, path: string, key: Uint8Array): RegisterHead {
  const size = fstatSync(fd).size;
  if (size === 0) return { seq: 0, hash: GENESIS };
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  if (last[0] !== 0x0a) {
    throw new StoreError(
      "het register eindigt midden in een regel; controleer het met driehoek register verify",
      path,
    );
  }
  let start = size - 1;
  const chunks: Buffer[] = [];
  let found = false;
  while (start > 0 && !found) {
    const from = Math.max(0, start - 65536);
    const chunk = Buffer.alloc(start - from);
    readSync(fd, chunk, 0, chunk.length, from);
    const nl = chunk.lastIndexOf(0x0a);
    if (nl >= 0) {
      chunks.unshift(chunk.subarray(nl + 1));
      found = true;
    } else chunks.unshift(chunk);
    start = from;
  }
  const line = Buffer.concat(chunks).toString("utf8");
  let entry: RegisterEntry;
  try {
    entry = JSON.parse(line) as RegisterEntry;
  } catch {
    throw new StoreError("de laatste regel van het register is geen geldige JSON", path);
  }
  if (typeof entry.hash !== "string" || sealHash(key, canonicalBody(entry)) !== entry.hash) {
    throw new StoreError(
      "de laatste regel van het register heeft geen geldig zegel (gewijzigd, of een andere sleutel); " +
        "controleer het met driehoek register verify",
      path,
    );
  }
  return { seq: entry.seq, hash: entry.hash };
}
