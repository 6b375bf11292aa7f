// The OpenAPI document of the API: valid OpenAPI 3.1 (checked with an independent validator), every
// component a valid JSON Schema 2020-12, paths kebab-case under the versioned server without a
// trailing slash, the version the API-Version header gives, and the schemas the same shapes as the
// TypeScript types the routes answer with.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Validator } from "@seriousme/openapi-schema-validator";
import type { z } from "zod";
import type { ProductDocument } from "../../products/product-document.ts";
import type { productDocumentSchema } from "./api-schemas.ts";
import { API_BASE, API_OPERATIONS, API_VERSION, buildOpenApiDocument, openApiJson } from "./openapi.ts";
import { publishedSchemas } from "./test-openapi.ts";

type Doc = {
  openapi: string;
  info: { version: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
  components: { schemas: Record<string, object>; securitySchemes: Record<string, Record<string, string>> };
};

// The product document schema and the TypeScript type agree both ways (a compile-time check).
type Parsed = z.output<typeof productDocumentSchema>;
const _toType = (d: Parsed): ProductDocument => d;
const _toSchema = (d: ProductDocument): Parsed => d;

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument() as Doc;

  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    assert.deepEqual(result.errors, undefined);
    assert.equal(result.valid, true);
    assert.equal(validator.version, "3.1");
    // What is served is the same document.
    assert.deepEqual(JSON.parse(openApiJson()), doc);
  });

  it("has components that are valid JSON Schema 2020-12, every $ref resolving", () => {
    // Compiling (strict) resolves every $ref and refuses unknown keywords.
    const schemas = publishedSchemas(doc);
    assert.ok(schemas.names.includes("Productdocument"));
    assert.deepEqual(
      schemas.check("Probleem", { type: "about:blank", title: "Niet gevonden", status: 404 }),
      [],
    );
    assert.notDeepEqual(schemas.check("Probleem", { title: "Niet gevonden" }), []);
  });

  it("gives info.version as the API-Version header and the versioned path as its server", () => {
    assert.equal(doc.info.version, API_VERSION);
    assert.match(API_VERSION, /^\d+\.\d+\.\d+$/);
    assert.deepEqual(
      doc.servers.map((s) => s.url),
      [API_BASE],
    );
    assert.equal(API_BASE, `/api/v${API_VERSION.split(".")[0]}`);
  });

  it("has kebab-case paths without a trailing slash", () => {
    const paths = Object.keys(doc.paths);
    assert.equal(paths.length, API_OPERATIONS.length);
    for (const path of paths) {
      assert.ok(path.startsWith("/") && !path.endsWith("/"), path);
      assert.ok(!path.startsWith("/api/"), `${path}: relative to the server ${API_BASE}`);
      for (const segment of path.slice(1).split("/")) {
        // The OpenAPI document's own name is fixed by the API design rules (API-51).
        const ok =
          /^[a-z0-9]+(-[a-z0-9]+)*$/.test(segment) ||
          /^\{[a-z]+\}$/.test(segment) ||
          (path === "/openapi.json" && segment === "openapi.json");
        assert.ok(ok, `${path}: ${segment}`);
      }
    }
    for (const name of ["gemeenten", "maandcijfers", "openMaandcijfers", "product", "openapi"]) {
      assert.ok(
        API_OPERATIONS.some((o) => o.operationId === name),
        name,
      );
    }
  });

  it("asks a bearer token for every operation (deny by default) and says how to make one", () => {
    assert.deepEqual(doc.security, [{ token: [] }]);
    const scheme = doc.components.securitySchemes.token;
    assert.equal(scheme?.type, "http");
    assert.equal(scheme?.scheme, "bearer");
    assert.match(scheme?.description ?? "", /driehoek token/);
    for (const [path, item] of Object.entries(doc.paths)) {
      const responses = item.get?.responses ?? {};
      assert.ok(responses["401"], `${path}: 401`);
      for (const [status, r] of Object.entries(responses)) {
        const types = Object.keys(r.content ?? {});
        if (status.startsWith("4") || status.startsWith("5")) {
          assert.deepEqual(types, ["application/problem+json"], `${path} ${status}`);
        } else assert.ok(types.includes("application/json"), `${path} ${status}`);
      }
    }
  });
});
