// Access decisions with Cedar: the policies are readable files (policies/driehoek.cedar, with its
// schema policies/driehoek.cedarschema), checked against the schema when loaded. Deny by default;
// an allowed decision names the @id of each policy that allowed it.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import * as cedar from "@cedar-policy/cedar-wasm/nodejs";
import { StoreError } from "../../domain/errors.ts";
import { SENSITIVITIES, type Sensitivity } from "../../domain/sensitivity.ts";

// Node 20's V8 (11.3) crashes ("unreachable code" in Deoptimizer::DoComputeBuiltinContinuation)
// when optimized code that inlined the path into Cedar's WebAssembly glue is deoptimized on the way
// back; reproduced with many access decisions per request (a product with hundreds of areas).
// Not inlining avoids it and costs nothing measurable here (docs/BENCHMARKS.md). Newer Node: off.
if (Number(process.versions.node.split(".")[0]) < 22) setFlagsFromString("--no-turbo-inlining");

export const DEFAULT_POLICY_DIR = fileURLToPath(new URL("../../../policies/", import.meta.url));

/** The organisation a user acts for, with the areas it has authority over. */
export interface SubjectOrganisation {
  id: string;
  kind: string;
  /** Area codes (e.g. GM0344, RE05, or a parket id) whose areas, and everything inside, it covers. */
  authority: string[];
}

export interface Subject {
  id: string;
  roles: string[];
  organisation: SubjectOrganisation | null;
}

/** Codes of all areas that contain `code` (e.g. WK, GM, RE and a parket for a buurt); [] when unknown. */
export type AreaLineage = (code: string) => string[];

export type AccessRequest =
  | {
      action: "lees";
      subject: Subject;
      data: { what: string; area: string; sensitivity: Sensitivity };
      purpose: string;
      legalBasis: string;
    }
  | { action: "lees-register" | "beheer"; subject: Subject };

export interface AccessDecision {
  allowed: boolean;
  /** @id of every policy that decided it (the permits that allowed it, or the forbids that denied it). */
  policies: string[];
  /** Errors while evaluating a policy (a policy that errors does not allow anything). */
  errors: string[];
}

export interface Authorizer {
  decide(request: AccessRequest): AccessDecision;
  /** The policies by @id with their Dutch description, for the privacy officer. */
  policies(): { id: string; description: string; text: string }[];
}

const NS = "Driehoek";
/** Roles that give no sight of content on their own (issue 4). */
const NON_CONTENT_ROLES = new Set(["fg", "beheerder"]);
let nextSetId = 0;

/**
 * Loads and validates the policies in `dir` (driehoek.cedar and driehoek.cedarschema).
 * @throws StoreError when a policy does not parse, lacks an @id, repeats one, or does not fit the schema.
 */
export function loadAuthorizer(lineage: AreaLineage, dir: string = DEFAULT_POLICY_DIR): Authorizer {
  const policyFile = join(dir, "driehoek.cedar");
  const schema = readFileSync(join(dir, "driehoek.cedarschema"), "utf8");
  const parts = cedar.policySetTextToParts(readFileSync(policyFile, "utf8"));
  if (parts.type === "failure") {
    throw new StoreError(`beleid klopt niet: ${parts.errors.map((e) => e.message).join("; ")}`, policyFile);
  }
  const byId: Record<string, string> = {};
  const described: { id: string; description: string; text: string }[] = [];
  for (const text of parts.policies) {
    const id = /@id\("([^"]+)"\)/.exec(text)?.[1];
    if (!id) throw new StoreError(`een beleidsregel heeft geen @id: ${text.slice(0, 80)}…`, policyFile);
    if (byId[id]) throw new StoreError(`beleidsregel ${id} staat er twee keer in`, policyFile);
    byId[id] = text;
    described.push({ id, description: /@omschrijving\("([^"]*)"\)/.exec(text)?.[1] ?? "", text });
  }
  const validation = cedar.validate({ schema, policies: { staticPolicies: byId } });
  if (validation.type === "failure") {
    throw new StoreError(
      `beleid of schema klopt niet: ${validation.errors.map((e) => e.message).join("; ")}`,
      dir,
    );
  }
  if (validation.validationErrors.length > 0) {
    const list = validation.validationErrors.map((e) => `${e.policyId}: ${e.error.message}`).join("; ");
    throw new StoreError(`beleid past niet bij het schema: ${list}`, policyFile);
  }
  const setId = `driehoek-${nextSetId++}`;
  const schemaName = `${setId}-schema`;
  const prepared = [
    cedar.preparsePolicySet(setId, { staticPolicies: byId }),
    cedar.preparseSchema(schemaName, schema),
  ];
  for (const p of prepared) {
    if (p.type === "failure") throw new StoreError(p.errors.map((e) => e.message).join("; "), dir);
  }

  // A decision is a pure function of the request and the areas around it (the policies do not
  // change while loaded), so repeated requests are answered from a small cache: a Cedar call
  // through WebAssembly costs about 0.3 ms, a cache hit about a microsecond.
  const cache = new Map<string, AccessDecision>();
  const decideUncached = (request: AccessRequest): AccessDecision => {
    const { entities, resource, context } = requestEntities(request, lineage);
    const answer = cedar.statefulIsAuthorized({
      principal: { type: `${NS}::User`, id: request.subject.id },
      action: { type: `${NS}::Action`, id: request.action },
      resource,
      context,
      preparsedPolicySetId: setId,
      preparsedSchemaName: schemaName,
      validateRequest: true,
      entities,
    });
    if (answer.type === "failure") {
      return { allowed: false, policies: [], errors: answer.errors.map((e) => e.message) };
    }
    const { decision, diagnostics } = answer.response;
    return {
      allowed: decision === "allow",
      policies: diagnostics.reason,
      errors: diagnostics.errors.map((e) => `${e.policyId}: ${e.error.message}`),
    };
  };

  return {
    decide(request) {
      const around = request.action === "lees" ? lineage(request.data.area) : null;
      const key = JSON.stringify(request) + JSON.stringify(around);
      let decision = cache.get(key);
      if (!decision) {
        decision = decideUncached(request);
        if (cache.size >= DECISION_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(key, decision);
      }
      // A copy: callers may not change the cached decision.
      return copyDecision(decision);
    },
    policies: () => described.map((d) => ({ ...d })),
  };
}

const DECISION_CACHE_SIZE = 10_000;

function copyDecision(d: AccessDecision): AccessDecision {
  return Object.assign({}, d, { policies: d.policies.slice(), errors: d.errors.slice() });
}

type Uid = { type: string; id: string };

function requestEntities(
  request: AccessRequest,
  lineage: AreaLineage,
): { entities: cedar.EntityJson[]; resource: Uid; context: Record<string, cedar.CedarValueJson> } {
  const { subject } = request;
  const org = subject.organisation ?? { id: "(geen)", kind: "geen", authority: [] };
  const orgUid = { type: `${NS}::Organisation`, id: org.id };
  const area = (id: string): Uid => ({ type: `${NS}::Area`, id });
  const entities: cedar.EntityJson[] = [
    {
      uid: { type: `${NS}::User`, id: subject.id },
      attrs: {
        roles: subject.roles,
        contentRoles: subject.roles.filter((r) => !NON_CONTENT_ROLES.has(r)),
        organisation: { __entity: orgUid },
      },
      parents: [],
    },
    {
      uid: orgUid,
      attrs: { kind: org.kind, authority: org.authority.map((a) => ({ __entity: area(a) })) },
      parents: [],
    },
  ];
  if (request.action !== "lees") {
    const resource =
      request.action === "lees-register"
        ? { type: `${NS}::Register`, id: "verstrekkingen" }
        : { type: `${NS}::Administration`, id: "beheer" };
    entities.push({ uid: resource, attrs: {}, parents: [] });
    return { entities, resource, context: {} };
  }
  const { data } = request;
  // Every containing area as a direct parent: `in` only asks whether one is among the ancestors.
  const ancestors = [...new Set(lineage(data.area))].filter((a) => a !== data.area);
  entities.push({ uid: area(data.area), attrs: {}, parents: ancestors.map(area) });
  for (const a of ancestors) entities.push({ uid: area(a), attrs: {}, parents: [] });
  const resource = { type: `${NS}::Data`, id: `${data.what}@${data.area}` };
  entities.push({
    uid: resource,
    attrs: {
      what: data.what,
      area: { __entity: area(data.area) },
      sensitivity: data.sensitivity,
      level: SENSITIVITIES.indexOf(data.sensitivity),
    },
    parents: [],
  });
  return { entities, resource, context: { purpose: request.purpose, legalBasis: request.legalBasis } };
}
