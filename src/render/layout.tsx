// The page frame shared by every web page (and later by PDF): <html lang="nl">, stylesheets,
// a skip link, header, main and footer landmarks. NL Design System: Utrecht components with the
// open "voorbeeld" theme, which needs the class `voorbeeld-theme` on an ancestor (here <body>).

import type { Child } from "hono/jsx";
import { HTMX_CONFIG, HTMX_SCRIPT } from "./htmx-config.ts";

/** Stylesheets, served by src/server/static.ts. */
export const STYLESHEETS = [
  "/static/utrecht.css",
  "/static/voorbeeld-theme.css",
  "/static/driehoek.css",
] as const;

/** Who is logged in, shown in the header with the purpose and a logout button. */
export interface LayoutAccount {
  user: string;
  /** The purpose chosen for this session, or null. */
  purpose: string | null;
  /** Anti-forgery token for the logout form. */
  csrf: string;
}

export interface LayoutProps {
  /** Page title without the site name; the site name is added. */
  title: string;
  account?: LayoutAccount;
  /** Scripts under /static/, loaded deferred (no inline scripts: the CSP forbids them). */
  scripts?: readonly string[];
  /** Extra stylesheets after the site's own. */
  stylesheets?: readonly string[];
  /** Whether the page uses htmx: its script and settings (HTMX_CONFIG) in the head. */
  htmx?: boolean;
  /** The main menu, with the current page's item marked. */
  nav?: { items: readonly { href: string; label: string }[]; current?: string };
  children?: Child;
}

export function Layout({ title, account, scripts = [], stylesheets = [], htmx, nav, children }: LayoutProps) {
  return (
    <html lang="nl" class="utrecht-root">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · driehoek`}</title>
        {/* No favicon yet: an empty one keeps browsers from asking for /favicon.ico. */}
        <link rel="icon" href="data:," />
        {[...STYLESHEETS, ...stylesheets].map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        {htmx && <meta name="htmx-config" content={HTMX_CONFIG} />}
        {[...(htmx ? [HTMX_SCRIPT] : []), ...scripts].map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body class="voorbeeld-theme utrecht-document utrecht-body">
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
          Direct naar de inhoud
        </a>
        <header class="utrecht-page-header dh-header">
          <div class="utrecht-page-header__content dh-container">
            <a class="utrecht-link utrecht-link--html-a dh-site-name" href="/">
              driehoek
            </a>
            <span class="dh-tagline">Veiligheidsbeeld voor de gemeente</span>
            {account && (
              <div class="dh-account">
                <span>
                  Ingelogd als <strong>{account.user}</strong>
                </span>
                <span>
                  Doel: {account.purpose ?? "nog niet gekozen"} (
                  <a class="utrecht-link utrecht-link--html-a" href="/doel">
                    wijzigen
                  </a>
                  )
                </span>
                <form method="post" action="/uitloggen" class="dh-inline-form">
                  <input type="hidden" name="_csrf" value={account.csrf} />
                  <button class="utrecht-button utrecht-button--secondary-action" type="submit">
                    Uitloggen
                  </button>
                </form>
              </div>
            )}
          </div>
        </header>
        {nav && nav.items.length > 0 && (
          <nav class="dh-nav" aria-label="Hoofdmenu">
            <ul class="dh-nav__list">
              {nav.items.map((i) => (
                <li>
                  <a
                    class="utrecht-link utrecht-link--html-a dh-nav__link"
                    href={i.href}
                    aria-current={i.href === nav.current ? "page" : undefined}
                  >
                    {i.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="inhoud" class="utrecht-page-content dh-container" tabindex={-1}>
          {children}
        </main>
        <footer class="utrecht-page-footer dh-footer">
          <div class="utrecht-page-footer__content dh-container">
            <p class="utrecht-paragraph">driehoek is open source (EUPL-1.2).</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
