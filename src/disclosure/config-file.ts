// Reads one configuration file (config/*.json) and checks it against its schema; an error names
// the file and the field, in Dutch, for whoever edits the configuration.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { InputError } from "../domain/errors.ts";

/** The shipped configuration folder (config/ in the repository). */
export const DEFAULT_CONFIG_DIR = fileURLToPath(new URL("../../config/", import.meta.url));

export function readConfigFile<T>(
  dir: string,
  name: string,
  schema: z.ZodType<T>,
): { data: T; path: string } {
  const path = join(dir, name);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    const message = (err as Error).message;
    throw new InputError(
      err instanceof SyntaxError ? `geen geldige JSON: ${message}` : `kan het bestand niet lezen: ${message}`,
      path,
    );
  }
  const r = schema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.join(".") ?? "";
    throw new InputError(`klopt niet bij "${field}": ${issue?.message}`, path, null, field || null);
  }
  return { data: r.data, path };
}
