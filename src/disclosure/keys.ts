// Secret keys (register seal, pseudonymisation) live in files outside the store, readable only by
// the owner. A missing key is created on first use; a key file that others can read is refused.

import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { StoreError } from "../domain/errors.ts";

/** Reads key `name` (32 bytes, hex) from `dir`, creating dir and key when missing. */
export function loadOrCreateKey(dir: string, name: string): Uint8Array {
  const file = join(dir, `${name}.key`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  }
  if ((statSync(file).mode & 0o077) !== 0) {
    throw new StoreError(
      "het sleutelbestand is leesbaar voor anderen; maak het alleen leesbaar voor de eigenaar (chmod 600)",
      file,
    );
  }
  const hex = readFileSync(file, "utf8").trim();
  if (!/^[0-9a-f]{64}$/.test(hex))
    throw new StoreError("het sleutelbestand bevat geen sleutel van 32 bytes (hex)", file);
  return Buffer.from(hex, "hex");
}

/** Reads key `name` from `dir`; a missing key is an error, never replaced (verification needs the original). */
export function loadExistingKey(dir: string, name: string): Uint8Array {
  const file = join(dir, `${name}.key`);
  if (!existsSync(file)) {
    throw new StoreError(
      "de sleutel van het register ontbreekt; zet de bewaarde sleutel terug (zie docs/privacy.md)",
      file,
    );
  }
  return loadOrCreateKey(dir, name);
}
