// Passwords of local accounts: argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane), a
// length rule, and generated initial passwords. Passwords are never logged or stored in clear.

import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 12;
/** Algorithm 2 is Argon2id (a const enum in @node-rs/argon2's types, so spelled out here). */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** A Dutch reason why this password may not be used, or null when it may. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `een wachtwoord heeft minstens ${MIN_PASSWORD_LENGTH} tekens`;
  }
  if (password.trim() !== password) return "een wachtwoord begint of eindigt niet met een spatie";
  if (new Set(password).size < 4) return "een wachtwoord bestaat uit meer verschillende tekens";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when `password` matches the argon2 `phc` string; false for a malformed hash. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no look-alikes (i, l, o, 0, 1)

/** A random password of four groups of five characters, e.g. "k7mqa-3xv9p-…" (about 99 bits). */
export function generatePassword(): string {
  return Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
  ).join("-");
}
