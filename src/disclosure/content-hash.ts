// The register's content hash of an answer: SHA-256 of its JSON. The JSON of sealed values in the
// answer (sealed.ts: a kept document's sections) is written once and kept, so an answer that is
// mostly sealed, with a fresh "made at", is hashed without writing all of it again. The bytes
// hashed are exactly those of JSON.stringify on the whole answer.

import { createHash } from "node:crypto";
import { isSealed, sealedMemo } from "./sealed.ts";

/** Typed arrays as plain arrays. */
const plainArrays = (_key: string, value: unknown) =>
  ArrayBuffer.isView(value) && !(value instanceof DataView)
    ? Array.from(value as unknown as ArrayLike<number>)
    : value;

const json = (value: unknown): string | undefined => JSON.stringify(value, plainArrays);

/** A sealed value's JSON as UTF-8, made once per value. */
const sealedJson = sealedMemo((value: object) => Buffer.from(json(value) as string));

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v);
  return Array.isArray(v) || proto === Object.prototype || proto === null;
};

/**
 * The answer's JSON in pieces: a plain object with sealed values is written key by key (as
 * JSON.stringify would: a value without JSON leaves its key out), the sealed values from their kept
 * JSON; anything else in one piece.
 */
function jsonPieces(data: unknown): (string | Buffer)[] {
  if (isSealed(data)) return [sealedJson(data)];
  if (!isPlain(data) || Array.isArray(data)) return [json(data) ?? "null"];
  const values = Object.values(data);
  if (!values.some(isSealed) || !values.every((v) => isPlain(v) || typeof v !== "object" || v === null))
    return [json(data) ?? "null"];
  const pieces: (string | Buffer)[] = [];
  for (const [key, value] of Object.entries(data)) {
    const text = isSealed(value) ? sealedJson(value) : json(value);
    if (text === undefined) continue;
    pieces.push(`${pieces.length === 0 ? "{" : ","}${JSON.stringify(key)}:`, text);
  }
  pieces.push(pieces.length === 0 ? "{}" : "}");
  return pieces;
}

/** SHA-256 of the answer's JSON (typed arrays as plain arrays, Dates as ISO strings). */
export function contentHash(data: unknown): string {
  const hash = createHash("sha256");
  for (const piece of jsonPieces(data)) hash.update(piece);
  return hash.digest("hex");
}
