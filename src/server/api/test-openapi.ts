// Test support: the JSON Schemas of the OpenAPI document, compiled with an independent JSON Schema
// 2020-12 validator (Ajv), so a test can check a real answer against what the document publishes.

import { Ajv2020 } from "ajv/dist/2020.js";

const ROOT = "urn:driehoek:openapi";

export interface PublishedSchemas {
  /** Names of the schemas in components/schemas. */
  names: string[];
  /** Errors of `data` against component `name` (empty when valid); throws for an unknown name. */
  check: (name: string, data: unknown) => string[];
}

/** Compiles every schema in `doc.components.schemas`; strict, so an unknown keyword fails. */
export function publishedSchemas(doc: { components: { schemas: Record<string, object> } }): PublishedSchemas {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, validateFormats: false, allErrors: true });
  // The document is the root: $refs point to #/components/schemas/….
  ajv.addVocabulary(["components"]);
  ajv.addSchema({ $id: ROOT, components: doc.components });
  const names = Object.keys(doc.components.schemas);
  const validators = new Map(
    names.map((name) => {
      const v = ajv.getSchema(`${ROOT}#/components/schemas/${name}`);
      if (!v) throw new Error(`schema ${name} compileert niet`);
      return [name, v] as const;
    }),
  );
  return {
    names,
    check: (name, data) => {
      const v = validators.get(name);
      if (!v) throw new Error(`geen schema ${name}`);
      return v(data) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    },
  };
}
