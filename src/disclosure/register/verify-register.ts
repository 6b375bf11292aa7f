// Checks the whole verstrekkingenregister: every line valid, numbered 1, 2, 3 … without gaps, linked
// to the line before, and sealed with the key; optionally that it reaches a head recorded
// elsewhere (so cutting off the last lines is noticed too).

import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { canonicalBody, GENESIS, type RegisterEntry, sealHash } from "./register-entry.ts";
import type { RegisterHead } from "./register-log.ts";

export interface RegisterProblem {
  /** Line number in the file (1-based); null for a problem with the file as a whole. */
  line: number | null;
  /** What is wrong, in plain Dutch for the privacy officer. */
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Number of lines read that were in order before the first problem. */
  entries: number;
  /** The last entry in order before the first problem. */
  head: RegisterHead;
  problem: RegisterProblem | null;
}

export interface VerifyOptions {
  /** The head recorded outside the file; the register must reach it exactly. */
  expectedHead?: RegisterHead | null;
  /**
   * Heads noted outside driehoek (by the FG, with `driehoek register anker`): the register must
   * still hold each one exactly, so rolling the file and the database back together shows too.
   */
  anchors?: readonly RegisterHead[];
  /** Called every 100,000 lines with the number read so far. */
  progress?: (lines: number) => void;
}

/**
 * Reads the register once, line by line; stops at the first problem, since everything after a
 * broken link is unproven. Detects: a changed entry (seal), an inserted, removed or reordered
 * entry (numbering and link), an incomplete or invalid line, and, with `expectedHead`, a register
 * cut short or a different chain.
 *
 * Complexity: O(total size) time, O(longest line) memory.
 */
export async function verifyRegister(
  path: string,
  key: Uint8Array,
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  let head: RegisterHead = { seq: 0, hash: GENESIS };
  const fail = (line: number | null, reason: string): VerifyResult => ({
    ok: false,
    entries: head.seq,
    head,
    problem: { line, reason },
  });
  if (!existsSync(path)) {
    if (opts.expectedHead && opts.expectedHead.seq > 0) {
      return fail(null, `het register ontbreekt, maar er zijn ${opts.expectedHead.seq} regels vastgelegd`);
    }
    return { ok: true, entries: 0, head, problem: null };
  }

  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  // The file must end in a newline; readline cannot tell, so watch the last character.
  let lastChar = "";
  stream.on("data", (chunk) => {
    if (chunk.length > 0) lastChar = (chunk as string).slice(-1);
  });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  const want = opts.expectedHead;
  let n = 0;
  try {
    for await (const text of lines) {
      n++;
      if (opts.progress && n % 100_000 === 0) opts.progress(n);
      let entry: RegisterEntry;
      try {
        entry = JSON.parse(text) as RegisterEntry;
      } catch {
        return fail(n, `regel ${n} is geen geldige JSON (beschadigd of half geschreven)`);
      }
      if (entry === null || typeof entry !== "object" || typeof entry.hash !== "string") {
        return fail(n, `regel ${n} is geen registerregel`);
      }
      const expected = head.seq + 1;
      if (entry.seq !== expected) {
        return fail(
          n,
          `regel ${n} heeft volgnummer ${String(entry.seq)}, verwacht ${expected}: ` +
            "een regel is weggehaald, toegevoegd of verplaatst",
        );
      }
      if (entry.prev !== head.hash) {
        return fail(n, `regel ${n} (volgnummer ${expected}) verwijst niet naar de regel ervoor`);
      }
      if (sealHash(key, canonicalBody(entry)) !== entry.hash) {
        return fail(
          n,
          `regel ${n} (volgnummer ${expected}) is gewijzigd: het zegel klopt niet (of een andere sleutel)`,
        );
      }
      head = { seq: entry.seq, hash: entry.hash };
      if (want && head.seq === want.seq && head.hash !== want.hash) {
        return fail(n, `regel ${n} (volgnummer ${head.seq}) is niet de regel die is vastgelegd`);
      }
      const anchor = opts.anchors?.find((a) => a.seq === head.seq);
      if (anchor && anchor.hash !== head.hash) {
        return fail(n, `regel ${n} (volgnummer ${head.seq}) is niet de regel van het anker buiten driehoek`);
      }
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  if (n > 0 && lastChar !== "\n") {
    return fail(n, `regel ${n} is niet afgesloten (half geschreven)`);
  }
  const beyond = (opts.anchors ?? []).filter((a) => a.seq > head.seq).sort((a, b) => b.seq - a.seq)[0];
  if (beyond) {
    return fail(
      null,
      `het register is teruggezet of ingekort: het eindigt bij volgnummer ${head.seq}, maar een anker buiten driehoek noemt volgnummer ${beyond.seq}`,
    );
  }
  if (want && head.seq < want.seq) {
    return fail(
      null,
      `het register is ingekort: het eindigt bij volgnummer ${head.seq}, vastgelegd is ${want.seq}`,
    );
  }
  return { ok: true, entries: head.seq, head, problem: null };
}
