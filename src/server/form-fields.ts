// Reading posted form fields: a single text value (trimmed unless asked not to), or every value of
// a repeated field. Anything that is not text (a file) counts as absent.

export type FormBody = Record<string, unknown>;

/** The field's text, trimmed (or as typed, with `trim: false`); "" when absent. */
export function formText(body: FormBody, name: string, opts: { trim?: boolean } = {}): string {
  const v = body[name];
  const text = typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : "";
  return opts.trim === false ? text : text.trim();
}

/** Every text value of a field that may repeat (checkboxes, multiple select). */
export function formTexts(body: FormBody, name: string): string[] {
  return ([] as unknown[]).concat(body[name] ?? []).filter((x): x is string => typeof x === "string");
}
