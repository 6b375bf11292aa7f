// Whole HTML pages: the layout around a page body, the list of gemeenten and the error pages.
// All text is escaped by hono/jsx; nothing here concatenates data into HTML.

import type { Context } from "hono";
import { html } from "hono/html";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AreaSummary } from "../domain/area.ts";
import { monthLabelNl } from "../domain/time.ts";
import { Layout, type LayoutAccount } from "../render/layout.tsx";
import { type MonthlyFiguresProps, MonthlyFiguresView } from "../render/monthly-figures.tsx";
import type { Session } from "./middleware/session/session-store.ts";
import { currentItem, type NavItem } from "./navigation.ts";

export interface PageOptions {
  /** Scripts (paths under /static/) the page enhances itself with, loaded deferred in order. */
  scripts?: readonly string[];
  /** Extra stylesheets (paths under /static/), after the site's own. */
  stylesheets?: readonly string[];
  /** The page uses htmx (script and settings in the head). */
  htmx?: boolean;
}

/** Sends a full page; pages with figures are not stored in shared caches or on disk. */
export function sendPage(
  c: Context,
  title: string,
  body: Child,
  status: ContentfulStatusCode = 200,
  opts: PageOptions = {},
) {
  c.header("Cache-Control", "no-store");
  const session = c.get("session") as Session | undefined;
  const items = session?.userId ? (c.get("nav") as NavItem[] | undefined) : undefined;
  const account: LayoutAccount | undefined = session?.userId
    ? { user: session.userId, purpose: session.purpose, csrf: session.csrf }
    : undefined;
  return c.html(
    html`<!doctype html>${(
      <Layout
        title={title}
        account={account}
        scripts={opts.scripts}
        stylesheets={opts.stylesheets}
        htmx={opts.htmx}
        nav={items && { items, current: currentItem(items, c.req.path)?.href }}
      >
        {body}
      </Layout>
    )}`,
    status,
  );
}

export function monthlyFiguresHref(code: string, month?: string): string {
  const path = `/gemeenten/${encodeURIComponent(code)}/maandcijfers`;
  return month ? `${path}?maand=${encodeURIComponent(month)}` : path;
}

export interface HomePageProps {
  gemeenten: AreaSummary[];
  year: number | null;
  /** Whether the product pages are there (/producten). */
  products?: boolean;
}

export function HomePage({ gemeenten, year, products }: HomePageProps) {
  return (
    <>
      <h1 class="utrecht-heading-1">Kies een gemeente</h1>
      {products && (
        <p class="utrecht-paragraph">
          Of bekijk de{" "}
          <a class="utrecht-link utrecht-link--html-a" href="/producten">
            producten
          </a>
          : maandoverzicht, tabellenboek, woninginbraakmonitor en meer, ook als PDF en Excel.
        </p>
      )}
      {gemeenten.length === 0 ? (
        <p class="utrecht-paragraph">
          Er zijn nog geen gemeenten geladen. Laad eerst de gemeentegrenzen en de politiecijfers.
        </p>
      ) : (
        <>
          <p class="utrecht-paragraph">
            Bekijk de maandcijfers van een gemeente. Gemeentelijke indeling van {year ?? "onbekend jaar"}.
          </p>
          <ul class="utrecht-link-list utrecht-link-list--html-ul dh-area-list" aria-label="Gemeenten">
            {gemeenten.map((g) => (
              <li class="utrecht-link-list__item">
                <a class="utrecht-link utrecht-link--html-a" href={monthlyFiguresHref(g.code)}>
                  {g.name}
                </a>{" "}
                <span class="dh-code">{g.code}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export interface ErrorPageProps {
  heading: string;
  message: string;
  link?: { href: string; label: string };
}

export function ErrorPage({ heading, message, link }: ErrorPageProps) {
  return (
    <>
      <h1 class="utrecht-heading-1">{heading}</h1>
      <p class="utrecht-paragraph">{message}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link utrecht-link--html-a" href={link?.href ?? "/gemeenten"}>
          {link?.label ?? "Naar de lijst met gemeenten"}
        </a>
      </p>
    </>
  );
}

export function homePage(c: Context, props: HomePageProps) {
  return sendPage(c, "Gemeenten", <HomePage {...props} />);
}

export function errorPage(c: Context, status: ContentfulStatusCode, props: ErrorPageProps) {
  return sendPage(c, props.heading, <ErrorPage {...props} />, status);
}

export function monthlyFiguresPage(c: Context, props: MonthlyFiguresProps) {
  const f = props.figures;
  return sendPage(
    c,
    `Maandcijfers ${f.area.name}, ${monthLabelNl(f.periods.month)}`,
    <MonthlyFiguresView {...props} />,
  );
}
