// The key for record pseudonyms, as products with single registrations get it: through the
// context the engine hands to load, protect and build (never a module-level setting), so a test
// or a second store can use another key and a product without one refuses instead of guessing.

import type { ProductContext } from "../product-definition.ts";

/** Minimum key length: HMAC-SHA256 with a shorter key is weaker than the pseudonyms promise. */
const MIN_KEY_BYTES = 32;

/**
 * The pseudonym key from the context.
 * @throws Error when it is missing or shorter than 32 bytes (a programming or setup error: the
 *   engine must supply it; no record is ever shown without it).
 */
export function recordKeyOf(ctx: ProductContext, product: string): Uint8Array {
  const key = ctx.recordKey;
  if (!(key instanceof Uint8Array)) {
    throw new Error(
      `${product}: de sleutel voor pseudoniemen ontbreekt (recordKey in de productcontext); zonder sleutel worden geen losse registraties getoond`,
    );
  }
  if (key.length < MIN_KEY_BYTES) {
    throw new Error(
      `${product}: de sleutel voor pseudoniemen is te kort (${key.length} bytes, minstens ${MIN_KEY_BYTES})`,
    );
  }
  return key;
}
