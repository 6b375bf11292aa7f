// The API, version 1 (/api/v1/…): JSON for programs, with a short-lived bearer token
// (`driehoek token`). Every answer passes the same gate as the web pages, as the token's user and
// for the token's purpose; errors are application/problem+json (RFC 9457).

import { type Context, Hono } from "hono";
import { alreadyPublic, type Gate } from "../../disclosure/disclosure-gate.ts";
import { requesterFor } from "../../disclosure/store-gate.ts";
import { SHOW_ALL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { protectCounts } from "../../disclosure/table-protection/protect-counts.ts";
import { CBS_CODE } from "../../domain/area.ts";
import { AccessDenied } from "../../domain/errors.ts";
import { addMonths, lastCompleteMonth } from "../../domain/time.ts";
import type { MonthlyCount } from "../../store/store.ts";
import type { PageStore } from "../app.ts";
import { type ApiVariables, apiToken, problem } from "../middleware/api-token/api-token.ts";
import { parseMonthParam } from "../month-param.ts";

export interface ApiDeps {
  store: PageStore;
  gate: Gate;
  now: () => Date;
  apiTokenKey?: Uint8Array;
}

export function apiRoutes(deps: ApiDeps): Hono<{ Variables: ApiVariables }> {
  const api = new Hono<{ Variables: ApiVariables }>();
  api.use(
    "*",
    apiToken({
      key: deps.apiTokenKey,
      loadRequester: (id) => requesterFor(deps.store, id).catch(() => null),
      now: deps.now,
    }),
  );
  api.use("*", async (c, next) => {
    await next();
    c.header("API-Version", "1.0.0");
  });

  api.get("/gemeenten", async (c) => {
    const { data } = await deps.gate.disclose(
      {
        requester: c.get("requester"),
        purpose: c.get("apiPurpose") ?? null,
        what: "gemeenten",
        areas: [],
        period: null,
        sensitivity: "open",
        source: "openbaar",
      },
      () => deps.store.listAreas({ level: "gemeente" }),
      { protect: alreadyPublic },
    );
    return c.json(data.map((a) => ({ code: a.code, naam: a.name, jaar: a.year, inwoners: a.population })));
  });

  api.get("/gemeenten/:code/maandcijfers", async (c) => {
    const asked = countsQuery(c);
    if (asked instanceof Response) return asked;
    const { code, from, to } = asked;
    const latest = lastCompleteMonth(deps.now());
    if (to > latest) return problem(400, "Ongeldige periode", "Tot is hooguit de laatste volledige maand.");
    let withheld = false;
    const { data } = await deps.gate.disclose(
      {
        requester: c.get("requester"),
        purpose: c.get("apiPurpose") ?? null,
        what: "maandcijfers",
        areas: [code],
        period: `${c.req.query("van")}/${c.req.query("tot")}`,
        sensitivity: "aggregated",
      },
      async () => ({
        rows: await deps.store.monthlyCounts({
          area: code,
          level: "gemeente",
          fromMonth: 190001,
          toMonth: latest,
        }),
        shown: SHOW_ALL,
      }),
      {
        protect: (d, o, table) => {
          withheld = table.minimum > 1;
          return protectCounts(deps.store, code, latest)(d, o, table);
        },
        count: (d) => d.rows.filter((r) => r.month >= from && r.month <= to).length,
      },
    );
    // Under table protection every type the area ever had gets a row for every month asked, 0
    // included: a missing row would tell a 0 that the page may withhold.
    const byKey = new Map(data.rows.map((r) => [`${r.inpCode.trim()}|${r.month}`, r]));
    const codes = withheld
      ? [
          ...new Set(data.rows.filter((r) => r.month <= to && r.count > 0).map((r) => r.inpCode.trim())),
        ].sort()
      : [];
    const rows = withheld
      ? codes.flatMap((code) => {
          const out: MonthlyCount[] = [];
          for (let m = from; m <= to; m = addMonths(m, 1)) {
            out.push(byKey.get(`${code}|${m}`) ?? { month: m, inpCode: code, count: 0, attempts: 0 });
          }
          return out;
        })
      : data.rows.filter((r) => r.month >= from && r.month <= to);
    return c.json(
      rows.map((r) => {
        const shown = data.shown(r.inpCode, r.month, r.month);
        return {
          maand: r.month,
          inpCode: r.inpCode,
          aantal: shown ? r.count : null,
          // Attempts are counts too; with table protection they are not given.
          pogingen: shown && !withheld ? r.attempts : null,
        };
      }),
    );
  });

  // Open data: every count rounded to a multiple of 5 (as CBS publishes police figures), for any
  // role and area; what the legal basis "open-data" and config/tabelbeveiliging.json ask.
  api.get("/open/gemeenten/:code/maandcijfers", async (c) => {
    const asked = countsQuery(c);
    if (asked instanceof Response) return asked;
    const { code, from, to } = asked;
    const { data } = await deps.gate.disclose(
      {
        requester: c.get("requester"),
        purpose: c.get("apiPurpose") ?? null,
        what: "maandcijfers-open",
        areas: [code],
        period: `${c.req.query("van")}/${c.req.query("tot")}`,
        sensitivity: "open",
      },
      () => deps.store.monthlyCounts({ area: code, level: "gemeente", fromMonth: from, toMonth: to }),
      {
        protect: (rows, _o, table) => {
          const r = table.roundTo ?? 1;
          if (r <= 1)
            throw new AccessDenied("Open cijfers worden hier alleen afgerond gegeven.", "maandcijfers-open");
          return rows.map((x) => ({ ...x, count: roundTo(x.count, r), attempts: roundTo(x.attempts, r) }));
        },
      },
    );
    return c.json(
      data.map((r) => ({ maand: r.month, inpCode: r.inpCode, aantal: r.count, pogingen: r.attempts })),
    );
  });

  api.all("*", () => problem(404, "Niet gevonden"));
  api.onError((err) => {
    if (err instanceof AccessDenied) return problem(403, "Geen toegang", err.message);
    console.error(err);
    return problem(500, "Er ging iets mis");
  });
  return api;
}

/** The nearest multiple of `base` (halves up), as CBS rounds published counts. */
export function roundTo(value: number, base: number): number {
  return Math.floor(value / base + 0.5) * base;
}

/** The gemeente and months of a counts request, or the problem to answer. */
function countsQuery(c: Context): { code: string; from: number; to: number } | Response {
  const code = c.req.param("code") ?? "";
  if (!CBS_CODE.gemeente.test(code))
    return problem(404, "Onbekende gemeente", `${code} is geen gemeentecode.`);
  const from = parseMonthParam(c.req.query("van") ?? "");
  const to = parseMonthParam(c.req.query("tot") ?? "");
  if (from === null || to === null || from > to) {
    return problem(400, "Ongeldige periode", "Geef van en tot als JJJJ-MM, van niet na tot.");
  }
  return { code, from, to };
}
