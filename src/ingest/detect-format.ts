// Which adapter reads a file: decided from its first bytes, unless a profile is given.

import type { DeliveryFormat } from "../domain/delivery.ts";
import { InputError } from "../domain/errors.ts";

/** Looks at the start of the file. A profile always wins (checked by the caller). */
export function detectFormat(head: Buffer, file: string): Exclude<DeliveryFormat, "profiel"> {
  const text = head.toString("utf8").replace(/^\uFEFF/, "");
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    if (/"(TypedDataSet|value)"/.test(trimmed.slice(0, 4096)) || /"Perioden"\s*:/.test(trimmed))
      return "cbs-odata";
    throw new InputError(
      "dit is een JSON-bestand maar geen CBS OData-tabel; lever het met een koppelprofiel (--profiel)",
      file,
    );
  }
  const firstLines = trimmed.split(/\r?\n/, 8);
  if (/^"[^"]*"\s*$/.test(firstLines[0] ?? "") && firstLines.some((l) => /^"Regio's"|^"Perioden"/.test(l))) {
    return "statline";
  }
  return "canoniek";
}
