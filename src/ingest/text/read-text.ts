// Reads a small text file whole: encoding detected (UTF-8 with/without BOM, Windows-1252),
// binary files refused. For reference files; large files go through openCsv.

import { readFile } from "node:fs/promises";
import { InputError } from "../../domain/errors.ts";
import { decodeText, type TextEncoding } from "./detect-encoding.ts";

export async function readTextFile(
  path: string,
  encoding?: TextEncoding,
): Promise<{ text: string; encoding: TextEncoding; hadBom: boolean }> {
  const bytes = await readFile(path);
  if (bytes.length === 0) throw new InputError("het bestand is leeg", path);
  return decodeText(bytes, path, encoding);
}
