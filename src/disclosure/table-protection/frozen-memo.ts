// Memoisation by identity for frozen arrays: a frozen array's content cannot change while it
// lives, so what was computed from it once (a hash, a filtered copy) holds as long as it does.
// The store hands out frozen reads; anything else is computed every time.

/** `compute(input, variant)` remembered per frozen input and variant; computed anew for others. */
export function frozenMemo<K extends object, V>(
  compute: (input: K, variant: string) => V,
): (input: K, variant?: string) => V {
  const memo = new WeakMap<K, Map<string, V>>();
  return (input, variant = "") => {
    if (!Object.isFrozen(input)) return compute(input, variant);
    let byVariant = memo.get(input);
    if (!byVariant) {
      byVariant = new Map();
      memo.set(input, byVariant);
    }
    if (byVariant.has(variant)) return byVariant.get(variant) as V;
    const value = compute(input, variant);
    byVariant.set(variant, value);
    return value;
  };
}
