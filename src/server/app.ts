// The web application: login, the purpose of the session, the list of gemeenten and the monthly
// figures per gemeente, stylesheets and a health check. Deny by default: only the login page, the
// health check and the stylesheets answer without a login; every data read passes the disclosure
// gate (src/disclosure/disclosure-gate.ts) as the logged-in user for the chosen purpose.

import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import {
  alreadyPublic,
  type DiscloseOptions,
  type DisclosureRequest,
  type Gate,
} from "../disclosure/disclosure-gate.ts";
import type { LegalBasisRegistry } from "../disclosure/legal-bases/legal-basis-registry.ts";
import { requesterFor } from "../disclosure/store-gate.ts";
import { SHOW_ALL } from "../disclosure/table-protection/monthly-counts-protection.ts";
import { protectCounts } from "../disclosure/table-protection/protect-counts.ts";
import { type AreaSummary, CBS_CODE } from "../domain/area.ts";
import { AccessDenied } from "../domain/errors.ts";
import { addMonths, currentMonth, lastCompleteMonth, monthLabelNl } from "../domain/time.ts";
import { monthParam } from "../render/format-nl.ts";
import { buildMonthlyFigures, monthlyFiguresPeriods } from "../render/monthly-figures-model.ts";
import type { Store } from "../store/store.ts";
import type { OidcLogin } from "./auth/oidc-login.ts";
import { type AuthVariables, requireLogin } from "./middleware/authentication/authentication.ts";
import { csrfProtection } from "./middleware/csrf/csrf.ts";
import { requirePurpose } from "./middleware/purpose/purpose.ts";
import { type RequestLogOptions, requestLog } from "./middleware/request-log/request-log.ts";
import { session } from "./middleware/session/session.ts";
import { createSessionStore, type SessionStore } from "./middleware/session/session-store.ts";
import { parseMonthParam } from "./month-param.ts";
import { mainMenu } from "./navigation.ts";
import { errorPage, homePage, monthlyFiguresHref, monthlyFiguresPage } from "./pages.tsx";
import { registerAccessRoutes } from "./routes/access-routes.tsx";
import { apiRoutes } from "./routes/api-routes.ts";
import { registerBeheerDataRoutes, withUploadLimit } from "./routes/beheer-data-routes.tsx";
import { registerBeheerRoutes, registerOrganisationRoutes } from "./routes/beheer-routes.tsx";
import { type FgRouteDeps, registerFgRoutes } from "./routes/fg-routes.tsx";
import { registerHomeRoutes } from "./routes/home-routes.tsx";
import { registerMapRoutes } from "./routes/map-routes.tsx";
import { type ProductRouteDeps, registerProductRoutes } from "./routes/product-routes.tsx";
import { registerTrendRoutes } from "./routes/trend-routes.tsx";
import { securityHeaders } from "./security-headers.ts";
import { registerStatic } from "./static.ts";

/** The store the web app reads and writes (pages, beheer, API). */
export type PageStore = Store;

export interface AppDeps {
  store: PageStore;
  now: () => Date;
  gate: Gate;
  registry: LegalBasisRegistry;
  /** Default: sessions in memory on the same clock. */
  sessions?: SessionStore;
  /** Mark cookies Secure (behind TLS). Default false, for http://localhost. */
  secureCookies?: boolean;
  /** Login attempts per client per minute; default 10. */
  loginAttemptsPerMinute?: number;
  /** Login through the municipality's identity provider (OpenID Connect), when configured. */
  oidc?: OidcLogin;
  /** Key for API tokens (`driehoek token`); without it the API refuses every request. */
  apiTokenKey?: Uint8Array;
  /** The register file and its check, for the FG's pages. */
  register?: FgRouteDeps["register"];
  /**
   * The site's origin as browsers see it (DRIEHOEK_URL), e.g. behind a TLS proxy: used for the
   * Origin check of forms and the identity provider's callback. Default: the request's own.
   */
  publicOrigin?: string;
  /** Behind a proxy that sets X-Forwarded-For: count login attempts per forwarded client. */
  trustProxy?: boolean;
  /** The product catalog's pages and downloads (src/server/routes/product-routes.tsx). */
  products?: ProductRouteDeps["products"];
  /** One log line per request (src/server/middleware/request-log); none: no request log. */
  logger?: RequestLogOptions["logger"];
  /** Tile URL template of a raster background map for the Kaart (DRIEHOEK_BASISKAART); none: no background. */
  basemap?: string;
  /**
   * Called after the beheerder loaded new data (a delivery, or reference data): e.g. to make the
   * table protection again ahead of the next visitor, as after a delivery from the inbox.
   */
  dataLoaded?: () => void;
}

type Env = { Variables: AuthVariables };

const GEMEENTE_CODE = CBS_CODE.gemeente;

/** What answers without a login (and so without a purpose): login pages, health check, stylesheets. */
const PUBLIC_PATHS = [
  "/health",
  "/static/",
  "/inloggen",
  "/inloggen/code",
  "/inloggen/oidc",
  "/inloggen/oidc/terug",
];

/** A read through the gate as the logged-in user, for the session's purpose. */
function discloseFor<T>(
  deps: AppDeps,
  c: Context<Env>,
  request: Omit<DisclosureRequest, "requester" | "purpose">,
  produce: () => Promise<T>,
  opts?: DiscloseOptions<T>,
) {
  return deps.gate.disclose(
    { ...request, requester: c.get("requester"), purpose: c.get("session")?.purpose ?? null },
    produce,
    opts,
  );
}

/** The gemeenten of the newest boundary year in the store, sorted by name. */
async function newestGemeenten(
  deps: AppDeps,
  c: Context<Env>,
): Promise<{ year: number | null; gemeenten: AreaSummary[] }> {
  const { data } = await discloseFor(
    deps,
    c,
    { what: "gemeenten", areas: [], period: null, sensitivity: "open", source: "openbaar" },
    () => deps.store.listAreas({ level: "gemeente" }),
    { protect: alreadyPublic },
  );
  const year = data.reduce<number | null>((y, a) => (y === null || a.year > y ? a.year : y), null);
  const gemeenten = data
    .filter((a) => a.year === year)
    .sort((a, b) => a.name.localeCompare(b.name, "nl") || a.code.localeCompare(b.code));
  return { year, gemeenten };
}

/** One gemeente by code, in the newest boundary year that has it. */
async function findGemeente(deps: AppDeps, c: Context<Env>, code: string): Promise<AreaSummary | undefined> {
  const { data } = await discloseFor(
    deps,
    c,
    { what: "gemeenten", areas: [], period: null, sensitivity: "open", source: "openbaar" },
    () => deps.store.listAreas({ level: "gemeente" }),
    { protect: alreadyPublic },
  );
  return data.filter((a) => a.code === code).sort((a, b) => b.year - a.year)[0];
}

export function createApp(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>();
  if (deps.logger) app.use("*", requestLog({ logger: deps.logger }));
  app.use("*", securityHeaders({ tls: deps.secureCookies ?? false }));

  app.get("/health", (c) => c.json({ status: "ok" }));
  registerStatic(app as unknown as Hono);
  // The API first: bearer tokens, no cookies, so none of the session middleware below.
  app.route("/api/v1", apiRoutes(deps) as unknown as Hono<Env>);

  const sessions = deps.sessions ?? createSessionStore({ now: deps.now });
  // Forms are small; a large body is refused before anything reads it.
  // (The beheerder's file uploads have a limit of their own: withUploadLimit.)
  app.use(
    "*",
    withUploadLimit(
      bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text("Dit formulier is te groot.", 413) }),
    ),
  );
  app.use("*", session({ store: sessions, secure: deps.secureCookies ?? false }));
  app.use("*", csrfProtection({ publicOrigin: deps.publicOrigin }));
  app.use(
    "*",
    requireLogin({
      publicPaths: PUBLIC_PATHS,
      loadRequester: async (id) => requesterFor(deps.store, id).catch(() => null),
      now: deps.now,
    }),
  );
  // The main menu of the logged-in user's roles, for the page layout (src/server/pages.tsx).
  app.use("*", mainMenu({ products: deps.products !== undefined }));
  app.use("*", requirePurpose({ exempt: [...PUBLIC_PATHS, "/uitloggen", "/fg/", "/beheer/"] }));
  registerAccessRoutes(app, deps);
  registerFgRoutes(app, deps);
  registerBeheerRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerBeheerDataRoutes(app, deps);
  if (deps.products) registerProductRoutes(app, { ...deps, products: deps.products });
  registerTrendRoutes(app, deps);
  registerMapRoutes(app, deps);

  // Mijn beeld needs the product engine; without it (tests of other pages) "/" lists the gemeenten.
  if (deps.products) registerHomeRoutes(app, { ...deps, ...deps.products, store: deps.store });
  const gemeentenList = async (c: Context<Env>) =>
    homePage(c, { ...(await newestGemeenten(deps, c)), products: deps.products !== undefined });
  app.get("/gemeenten", gemeentenList);
  if (!deps.products) app.get("/", gemeentenList);

  app.get("/gemeenten/:code/maandcijfers", async (c) => {
    const code = c.req.param("code");
    const now = deps.now();
    const latest = lastCompleteMonth(now);
    const current = currentMonth(now);

    const asked = c.req.query("maand");
    let month = latest;
    if (asked !== undefined && asked.trim() !== "") {
      const parsed = parseMonthParam(asked);
      if (parsed === null) {
        return errorPage(c, 400, {
          heading: "Deze maand klopt niet",
          message: "Kies een maand als jaar en maand met een streepje ertussen, bijvoorbeeld 2024-03.",
          link: GEMEENTE_CODE.test(code)
            ? { href: monthlyFiguresHref(code), label: "Naar de laatste maand" }
            : undefined,
        });
      }
      if (parsed > current) {
        return errorPage(c, 400, {
          heading: "Deze maand is nog niet begonnen",
          message: `Kies ${monthLabelNl(latest)} of een eerdere maand.`,
          link: GEMEENTE_CODE.test(code)
            ? { href: monthlyFiguresHref(code), label: "Naar de laatste maand" }
            : undefined,
        });
      }
      month = parsed;
    }

    const area = GEMEENTE_CODE.test(code) ? await findGemeente(deps, c, code) : undefined;
    if (!area) {
      return errorPage(c, 404, {
        heading: "Deze gemeente kennen we niet",
        message: "Er is geen gemeente met deze code. Kies een gemeente uit de lijst.",
      });
    }

    const { needed } = monthlyFiguresPeriods(month);
    // The whole history of the gemeente up to the last complete month: table protection decides
    // over all of it, so a count is treated the same on every page and in every product.
    const { data } = await discloseFor(
      deps,
      c,
      {
        what: "maandcijfers",
        areas: [area.code],
        period: `${monthParam(needed.from)}/${monthParam(needed.to)}`,
        sensitivity: "aggregated",
      },
      async () => ({
        rows: await deps.store.monthlyCounts({
          area: area.code,
          level: "gemeente",
          fromMonth: 190001,
          toMonth: latest,
        }),
        shown: SHOW_ALL,
      }),
      {
        protect: protectCounts(deps.store, area.code, latest),
        // The register counts the rows of the months the page shows, not the whole history.
        count: (d) => d.rows.filter((r) => r.month >= needed.from && r.month <= needed.to).length,
      },
    );

    const figures = buildMonthlyFigures(
      { code: area.code, name: area.name, population: area.population, populationYear: area.populationYear },
      month,
      data.rows,
      data.shown,
    );
    const previous = addMonths(month, -1);
    const next = addMonths(month, 1);
    const href = (m: number) => monthlyFiguresHref(area.code, monthParam(m));
    return monthlyFiguresPage(c, {
      figures,
      nav: {
        action: monthlyFiguresHref(area.code),
        value: monthParam(month),
        max: monthParam(current),
        previous: { href: href(previous), label: monthLabelNl(previous) },
        next: next <= latest ? { href: href(next), label: monthLabelNl(next) } : null,
      },
      incomplete: month >= current,
    });
  });

  app.notFound((c) =>
    errorPage(c, 404, {
      heading: "Deze pagina bestaat niet",
      message: "Controleer het adres, of ga terug naar de lijst met gemeenten.",
    }),
  );

  app.onError((err, c) => {
    if (err instanceof AccessDenied) {
      return errorPage(c, 403, {
        heading: "Geen toegang",
        message: `${err.message} Kies zo nodig een ander doel.`,
        link: { href: "/doel", label: "Doel wijzigen" },
      });
    }
    console.error(err);
    return errorPage(c, 500, {
      heading: "Er ging iets mis",
      message: "De pagina kon niet worden gemaakt. Probeer het later nog eens.",
    });
  });

  return app;
}
