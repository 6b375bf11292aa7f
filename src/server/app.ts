// The web application: health check, list of gemeenten, monthly figures per gemeente, static
// stylesheets. Every data read passes disclose() (src/disclosure/gate.ts); the clock is injected.

import { Hono } from "hono";
import { disclose, type GateEffects, LOCAL_REQUESTER } from "../disclosure/gate.ts";
import type { AreaSummary } from "../domain/area.ts";
import { addMonths, monthLabelNl } from "../domain/time.ts";
import { monthParam } from "../render/format-nl.ts";
import { buildMonthlyFigures, monthlyFiguresPeriods } from "../render/monthly-figures-model.ts";
import type { Store } from "../store/store.ts";
import { currentMonth, lastCompleteMonth, parseMonthParam } from "./month-param.ts";
import { errorPage, homePage, monthlyFiguresHref, monthlyFiguresPage } from "./pages.tsx";
import { securityHeaders } from "./security-headers.ts";
import { registerStatic } from "./static.ts";

/** The store methods the web pages read; any full Store fits. */
export type PageStore = Pick<Store, "listAreas" | "monthlyCounts">;

export interface AppDeps {
  store: PageStore;
  now: () => Date;
  gate?: GateEffects;
}

const GEMEENTE_CODE = /^GM\d{4}$/;

/** The gemeenten of the newest boundary year in the store, sorted by name. */
async function newestGemeenten(deps: AppDeps): Promise<{ year: number | null; gemeenten: AreaSummary[] }> {
  const { data } = await disclose(
    {
      requester: LOCAL_REQUESTER,
      purpose: null,
      what: "gemeenten",
      areas: [],
      period: null,
      sensitivity: "open",
    },
    () => deps.store.listAreas({ level: "gemeente" }),
    deps.gate,
  );
  const year = data.reduce<number | null>((y, a) => (y === null || a.year > y ? a.year : y), null);
  const gemeenten = data
    .filter((a) => a.year === year)
    .sort((a, b) => a.name.localeCompare(b.name, "nl") || a.code.localeCompare(b.code));
  return { year, gemeenten };
}

/** One gemeente by code, in the newest boundary year that has it. */
async function findGemeente(deps: AppDeps, code: string): Promise<AreaSummary | undefined> {
  const { data } = await disclose(
    {
      requester: LOCAL_REQUESTER,
      purpose: null,
      what: "gemeenten",
      areas: [code],
      period: null,
      sensitivity: "open",
    },
    () => deps.store.listAreas({ level: "gemeente" }),
    deps.gate,
  );
  return data.filter((a) => a.code === code).sort((a, b) => b.year - a.year)[0];
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use("*", securityHeaders());

  app.get("/health", (c) => c.json({ status: "ok" }));

  app.get("/", async (c) => homePage(c, await newestGemeenten(deps)));

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

    const area = GEMEENTE_CODE.test(code) ? await findGemeente(deps, code) : undefined;
    if (!area) {
      return errorPage(c, 404, {
        heading: "Deze gemeente kennen we niet",
        message: "Er is geen gemeente met deze code. Kies een gemeente uit de lijst.",
      });
    }

    const { needed } = monthlyFiguresPeriods(month);
    const { data: rows } = await disclose(
      {
        requester: LOCAL_REQUESTER,
        purpose: null,
        what: "maandcijfers",
        areas: [area.code],
        period: `${monthParam(needed.from)}/${monthParam(needed.to)}`,
        sensitivity: "aggregated",
      },
      () =>
        deps.store.monthlyCounts({
          area: area.code,
          level: "gemeente",
          fromMonth: needed.from,
          toMonth: needed.to,
        }),
      deps.gate,
    );

    const figures = buildMonthlyFigures(
      { code: area.code, name: area.name, population: area.population, populationYear: area.populationYear },
      month,
      rows,
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

  registerStatic(app);

  app.notFound((c) =>
    errorPage(c, 404, {
      heading: "Deze pagina bestaat niet",
      message: "Controleer het adres, of ga terug naar de lijst met gemeenten.",
    }),
  );

  app.onError((err, c) => {
    console.error(err);
    return errorPage(c, 500, {
      heading: "Er ging iets mis",
      message: "De pagina kon niet worden gemaakt. Probeer het later nog eens.",
    });
  });

  return app;
}
