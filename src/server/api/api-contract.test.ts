// The API keeps to its OpenAPI document: every real answer of every operation, on a test app with
// the real gate, has a status and media type the document lists for that operation, the
// API-Version header, and a body that the zod schema the document was made from parses to itself
// (no field more or less) and that the published JSON Schema accepts. Errors are problem+json. A
// path with a trailing slash is not the same resource: 404 problem+json, not a redirect.

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { z } from "zod";
import { PURPOSE } from "../../disclosure/access-spec.ts";
import { PRODUCT_DEMO } from "../../products/test-products.ts";
import type { Store } from "../../store/store.ts";
import { createApp } from "../app.ts";
import { issueApiToken } from "../auth/api-token.ts";
import { openProductTestApp, type ProductTestApp } from "../routes/test-product-app.ts";
import { addWebTestAccounts, openTestGate, TEST_API_KEY } from "../test-access.ts";
import { openTestStore, TEST_GEMEENTE, TEST_GEMEENTE_NO_POPULATION } from "../test-store.ts";
import { problemSchema } from "./api-schemas.ts";
import { API_BASE, API_OPERATIONS, API_VERSION, buildOpenApiDocument } from "./openapi.ts";
import { publishedSchemas } from "./test-openapi.ts";

type Responses = Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
const doc = buildOpenApiDocument() as { paths: Record<string, { get: { responses: Responses } }> };
const published = publishedSchemas(doc as unknown as { components: { schemas: Record<string, object> } });

type Fetch = (path: string, init?: RequestInit) => Response | Promise<Response>;

/** What the test saw per operation: statuses, to check each operation was really called. */
const seen = new Map<string, Set<number>>();

/**
 * Checks one real answer against the document for operation `template` (a path of the document):
 * documented status and media type, API-Version, and the body against the zod schema and the
 * published JSON Schema. Returns the parsed JSON body (or null for a file).
 */
async function conforms(res: Response, template: string): Promise<unknown> {
  const op = API_OPERATIONS.find((o) => o.path === template);
  assert.ok(op, template);
  seen.set(template, (seen.get(template) ?? new Set()).add(res.status));
  const label = `${template} ${res.status}`;
  assert.equal(res.headers.get("API-Version"), API_VERSION, label);
  assert.equal(res.headers.get("Location"), null, `${label}: no redirect`);
  const documented = doc.paths[template]?.get.responses[String(res.status)];
  assert.ok(documented, `${label} is not in the OpenAPI document`);
  const mediaType = res.headers.get("Content-Type") ?? "";
  const content = documented.content?.[mediaType];
  assert.ok(
    content,
    `${label}: ${mediaType} is not in the document (${Object.keys(documented.content ?? {})})`,
  );
  if (!/json$/.test(mediaType) || mediaType === "application/geo+json") return null;
  const body: unknown = await res.json();
  let schema: z.ZodType | undefined;
  if (res.status >= 400) {
    assert.equal(mediaType, "application/problem+json", label);
    schema = problemSchema;
    assert.equal((body as { status: number }).status, res.status, label);
  } else if (op.ok.json && "safeParse" in op.ok.json) schema = op.ok.json as z.ZodType;
  if (schema) {
    const parsed = schema.safeParse(body);
    assert.ok(parsed.success, `${label}: ${parsed.error?.message}`);
    // Parsing drops unknown fields: the same value back means none were there.
    assert.deepEqual(parsed.data, body, `${label}: fields the schema does not know`);
    const ref = content.schema?.$ref ?? "";
    assert.ok(ref.startsWith("#/components/schemas/"), label);
    assert.deepEqual(published.check(ref.split("/").pop() as string, body), [], label);
  }
  return body;
}

const bearer = (token: string): RequestInit => ({ headers: { Authorization: `Bearer ${token}` } });

describe("the API keeps to its OpenAPI document", () => {
  const NOW = new Date("2024-04-15T10:00:00Z");
  let store: Store;
  let closeGate: () => Promise<void>;
  let fetch: Fetch;
  const token = (user: string, purpose: string) =>
    issueApiToken(TEST_API_KEY, { user, purpose, seconds: 600 }, NOW);

  before(async () => {
    store = await openTestStore();
    await addWebTestAccounts(store);
    const access = await openTestGate(store, () => NOW);
    closeGate = access.close;
    const app = createApp({
      store,
      now: () => NOW,
      gate: access.gate,
      registry: access.registry,
      apiTokenKey: TEST_API_KEY,
    });
    fetch = (path, init) => app.request(path, init);
  });
  after(async () => {
    await closeGate?.();
    await store?.close();
  });

  it("GET /gemeenten", async () => {
    const mayor = bearer(await token("bm.voorbeeldstad", PURPOSE.burgemeester));
    const list = (await conforms(await fetch(`${API_BASE}/gemeenten`, mayor), "/gemeenten")) as {
      code: string;
    }[];
    assert.ok(list.some((g) => g.code === TEST_GEMEENTE.code));
    await conforms(await fetch(`${API_BASE}/gemeenten`), "/gemeenten");
    // The FG sees no content: the gate refuses.
    const fg = bearer(await token("fg", PURPOSE.fg));
    await conforms(await fetch(`${API_BASE}/gemeenten`, fg), "/gemeenten");
    assert.deepEqual([...(seen.get("/gemeenten") ?? [])].sort(), [200, 401, 403]);
  });

  it("GET /gemeenten/{code}/maandcijfers, with and without table protection", async () => {
    const t = "/gemeenten/{code}/maandcijfers";
    const url = (code: string, q = "van=2024-01&tot=2024-03") =>
      `${API_BASE}/gemeenten/${code}/maandcijfers?${q}`;
    const mayor = bearer(await token("bm.voorbeeldstad", PURPOSE.burgemeester));
    const withheld = (await conforms(await fetch(url(TEST_GEMEENTE.code), mayor), t)) as {
      aantal: unknown;
    }[];
    assert.ok(
      withheld.some((r) => r.aantal === null),
      "the mayor gets withheld counts",
    );
    const police = bearer(await token("tc.voorbeeldstad", PURPOSE.teamchef));
    const open = (await conforms(await fetch(url(TEST_GEMEENTE.code), police), t)) as { pogingen: unknown }[];
    assert.ok(
      open.length > 0 && open.every((r) => typeof r.pogingen === "number"),
      "the police get everything",
    );
    await conforms(await fetch(url(TEST_GEMEENTE_NO_POPULATION.code), mayor), t);
    await conforms(await fetch(url(TEST_GEMEENTE.code, "van=2024-05&tot=2024-03"), mayor), t);
    await conforms(await fetch(url(TEST_GEMEENTE.code, "van=2024-01"), mayor), t);
    await conforms(await fetch(url("GM12"), mayor), t);
    await conforms(await fetch(url(TEST_GEMEENTE.code)), t);
    assert.deepEqual([...(seen.get(t) ?? [])].sort(), [200, 400, 401, 403, 404]);
  });

  it("GET /open/gemeenten/{code}/maandcijfers", async () => {
    const t = "/open/gemeenten/{code}/maandcijfers";
    const url = (code: string, q = "van=2024-03&tot=2024-03") =>
      `${API_BASE}/open/gemeenten/${code}/maandcijfers?${q}`;
    const research = bearer(await token("bm.voorbeeldstad", "statistiek-en-onderzoek"));
    const rows = (await conforms(
      await fetch(url(TEST_GEMEENTE_NO_POPULATION.code), research),
      t,
    )) as unknown[];
    assert.ok(rows.length > 0);
    await conforms(await fetch(url(TEST_GEMEENTE.code, "van=2024-13&tot=2024-03"), research), t);
    await conforms(await fetch(url("gm9001"), research), t);
    await conforms(await fetch(url(TEST_GEMEENTE.code), bearer(await token("fg", PURPOSE.fg))), t);
    await conforms(await fetch(url(TEST_GEMEENTE.code)), t);
    assert.deepEqual([...(seen.get(t) ?? [])].sort(), [200, 400, 401, 403, 404]);
  });

  it("GET /openapi.json: the document, with a token only", async () => {
    const mayor = bearer(await token("bm.voorbeeldstad", PURPOSE.burgemeester));
    const res = await fetch(`${API_BASE}/openapi.json`, mayor);
    assert.equal(res.status, 200);
    assert.deepEqual(await conforms(res, "/openapi.json"), buildOpenApiDocument());
    const refused = await fetch(`${API_BASE}/openapi.json`);
    assert.equal(refused.status, 401);
    await conforms(refused, "/openapi.json");
  });

  it("answers a path with a trailing slash with 404 problem+json, not a redirect", async () => {
    const mayor = bearer(await token("bm.voorbeeldstad", PURPOSE.burgemeester));
    for (const path of [
      "/gemeenten/",
      `/gemeenten/${TEST_GEMEENTE.code}/maandcijfers/?van=2024-03&tot=2024-03`,
      `/open/gemeenten/${TEST_GEMEENTE.code}/maandcijfers/?van=2024-03&tot=2024-03`,
      "/producten/maandoverzicht/?gebied=GM9001&periode=2024-03",
      "/openapi.json/",
      "/",
    ]) {
      const res = await fetch(`${API_BASE}${path}`, { ...mayor, redirect: "manual" });
      assert.equal(res.status, 404, path);
      assert.equal(res.headers.get("Content-Type"), "application/problem+json", path);
      assert.equal(res.headers.get("Location"), null, path);
      assert.equal(res.headers.get("API-Version"), API_VERSION, path);
      const body = problemSchema.parse(await res.json());
      assert.match(body.detail ?? "", /eindigt niet op een \//, path);
      // Without a token the API says nothing more than 401 (deny by default).
      assert.equal((await fetch(`${API_BASE}${path}`)).status, 401, path);
    }
    // The same paths without the slash are there.
    assert.equal((await fetch(`${API_BASE}/gemeenten`, mayor)).status, 200);
    assert.equal((await fetch(`${API_BASE}/openapi.json`, mayor)).status, 200);
  });
});

describe("GET /producten/{id} keeps to the OpenAPI document", () => {
  let w: ProductTestApp;
  let t: ProductTestApp["t"];
  let fetch: Fetch;
  const template = "/producten/{id}";

  before(async () => {
    // No PDF printer: formaat=pdf gives the documented 503.
    w = await openProductTestApp();
    t = w.t;
    fetch = (path, init) => w.app.request(path, init);
  });
  after(() => w?.close());

  it("gives the product document, a file, and documented problems", async () => {
    const mayor = bearer(
      await issueApiToken(
        TEST_API_KEY,
        { user: t.userFor("burgemeester"), purpose: PURPOSE.burgemeester, seconds: 600 },
        PRODUCT_DEMO.now,
      ),
    );
    const url = (q: string, id = "maandoverzicht") => `${API_BASE}/producten/${id}?${q}`;
    const own = `gebied=${t.gemeenten[0]}&periode=2026-09`;
    const doc = (await conforms(await fetch(url(own), mayor), template)) as { product: string };
    assert.equal(doc.product, "maandoverzicht");
    const csv = await fetch(url(`${own}&formaat=csv`), mayor);
    assert.equal(csv.status, 200);
    await conforms(csv, template);
    assert.match(csv.headers.get("Content-Disposition") ?? "", /^attachment; filename="/);
    await conforms(await fetch(url(`gebied=${t.gemeenten[1]}&periode=2026-09`), mayor), template);
    await conforms(await fetch(url(`${own}&formaat=docx`), mayor), template);
    await conforms(await fetch(url(`gebied=${t.gemeenten[0]}&periode=2026-13`), mayor), template);
    await conforms(await fetch(url(own, "bestaat-niet"), mayor), template);
    await conforms(await fetch(url(`${own}&formaat=pdf`), mayor), template);
    await conforms(await fetch(url(own)), template);
    assert.deepEqual([...(seen.get(template) ?? [])].sort(), [200, 400, 401, 403, 404, 503]);
  });
});
