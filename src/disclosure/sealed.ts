// Sealed values: frozen all the way down and remembered as such, so what is derived from one (its
// JSON for the register's content hash, its HTML) can be kept by identity for as long as it lives.
// A product document kept between requests is sealed; anything not sealed is derived every time.

const sealedValues = new WeakSet<object>();

/**
 * Freezes `value` and everything in it and marks it sealed; returns it. Only plain objects and
 * arrays can be sealed: a value holding anything else (a Date, a typed array) is frozen as far as
 * it goes but not marked, so nothing is kept for it.
 */
export function seal<T>(value: T): T {
  sealAll(value);
  return value;
}

function sealAll(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  if (sealedValues.has(value)) return true;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return false;
  Object.freeze(value);
  let all = true;
  for (const v of Object.values(value)) if (!sealAll(v)) all = false;
  if (all) sealedValues.add(value);
  return all;
}

/** Whether `value` was sealed (so it, and everything in it, cannot change). */
export function isSealed(value: unknown): value is object {
  return value !== null && typeof value === "object" && sealedValues.has(value);
}

/** `derive(value)` kept per sealed value; derived anew for any other. */
export function sealedMemo<K extends object, V>(derive: (value: K) => V): (value: K) => V {
  const kept = new WeakMap<K, V>();
  return (value) => {
    if (!isSealed(value)) return derive(value);
    if (kept.has(value)) return kept.get(value) as V;
    const v = derive(value);
    kept.set(value, v);
    return v;
  };
}
