// The register as the gate uses it: the sealed log file plus its head kept in the store, so that
// cutting entries off the end of the file shows up in `driehoek register verify`. The head is
// written at most every `anchorEveryMs` (and at close), not on every append.

import type { RegisterEntry, RegisterFields } from "./register-entry.ts";
import { openRegisterLog, type RegisterHead } from "./register-log.ts";

/** Where the head is kept (the store). */
export interface RegisterAnchor {
  read(): Promise<RegisterHead | null>;
  write(head: RegisterHead): Promise<void>;
}

export interface Register {
  append(fields: RegisterFields): RegisterEntry;
  /** Makes the file durable and writes the head to the anchor now. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface RegisterOptions {
  path: string;
  key: Uint8Array;
  anchor: RegisterAnchor;
  anchorEveryMs?: number;
}

export function openRegister(opts: RegisterOptions): Register {
  const log = openRegisterLog(opts.path, opts.key);
  const every = opts.anchorEveryMs ?? 1000;
  let anchored = log.head().seq;
  let timer: NodeJS.Timeout | null = null;
  let pending: Promise<void> = Promise.resolve();

  const anchorNow = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const head = log.head();
    if (head.seq === anchored) return pending;
    log.sync(); // the anchor never points past what is durable in the file
    anchored = head.seq;
    // A failed write does not stop later heads from being written; the next one catches up.
    pending = pending
      .then(() => opts.anchor.write(head))
      .catch(() => {
        anchored = -1;
      });
    return pending;
  };

  return {
    append(fields) {
      const entry = log.append(fields);
      if (!timer) {
        timer = setTimeout(() => void anchorNow().catch(() => undefined), every);
        timer.unref();
      }
      return entry;
    },
    flush: anchorNow,
    async close() {
      try {
        await anchorNow();
      } finally {
        log.close();
      }
    },
  };
}
