// Logging in and out, and choosing the purpose of this session (doelbinding). Plain HTML forms,
// each with the session's anti-forgery token; Dutch, with labels and error messages that a screen
// reader announces.

import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, Hono } from "hono";
import {
  type LegalBasisRegistry,
  type Purpose,
  parsePurpose,
} from "../../disclosure/legal-bases/legal-basis-registry.ts";
import { Alert } from "../../render/alert.tsx";
import type { PageStore } from "../app.ts";
import {
  checkPassword,
  clearLoginFailures,
  createRateLimiter,
  recordLoginFailure,
} from "../auth/check-password.ts";
import { type OidcLogin, oidcSubjectKey } from "../auth/oidc-login.ts";
import { verifyTotp } from "../auth/totp.ts";
import { formText } from "../form-fields.ts";
import type { AuthVariables } from "../middleware/authentication/authentication.ts";
import { CSRF_FIELD } from "../middleware/csrf/csrf.ts";
import type { SessionVariables } from "../middleware/session/session.ts";
import { sendPage } from "../pages.tsx";

export interface AccessRouteDeps {
  store: PageStore;
  /** Login through the identity provider, when configured. */
  oidc?: OidcLogin;
  registry: LegalBasisRegistry;
  now: () => Date;
  /** Login attempts per client per minute; default 10. */
  loginAttemptsPerMinute?: number;
  publicOrigin?: string;
  trustProxy?: boolean;
}

/**
 * Only a path on this site: "/x", never "//host", "/\\host", "https://…", or a path with
 * whitespace or control characters (browsers drop a tab, turning "/\t/host" into "//host").
 */
export function safeBack(value: string | undefined, fallback = "/"): string {
  // Printable ASCII only (from "!" to "~"), without the backslash.
  if (!value || !/^\/(?![/\\])[!-[\]-~]*$/.test(value)) return fallback;
  return value;
}

function clientOf(c: Context, trustProxy: boolean | undefined): string {
  const forwarded = trustProxy ? c.req.header("X-Forwarded-For")?.split(",")[0]?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? "onbekend";
  } catch {
    return "onbekend";
  }
}

export function registerAccessRoutes(
  app: Hono<{ Variables: AuthVariables & SessionVariables }>,
  deps: AccessRouteDeps,
) {
  const limiter = createRateLimiter({
    now: deps.now,
    max: deps.loginAttemptsPerMinute ?? 10,
    windowMs: 60_000,
  });

  app.get("/inloggen", (c) => {
    const s = c.get("session") ?? c.get("sessions").start(c);
    if (s.userId) return c.redirect(safeBack(c.req.query("terug")), 303);
    return loginPage(c, {
      csrf: s.csrf,
      back: safeBack(c.req.query("terug")),
      error: null,
      name: "",
      oidc: deps.oidc?.label,
    });
  });

  // Login through the identity provider (OpenID Connect).
  app.get("/inloggen/oidc", async (c) => {
    if (!deps.oidc) return c.redirect("/inloggen", 303);
    const s = c.get("session") ?? c.get("sessions").start(c);
    const { url, pending } = await deps.oidc.start(safeBack(c.req.query("terug")));
    s.oidc = pending;
    return c.redirect(url, 303);
  });

  app.get("/inloggen/oidc/terug", async (c) => {
    const s = c.get("session");
    const pending = s?.oidc;
    if (!deps.oidc || !s || !pending) return c.redirect("/inloggen", 303);
    s.oidc = null;
    const fail = (error: string) =>
      loginPage(c, { csrf: s.csrf, back: pending.back, name: "", error, oidc: deps.oidc?.label }, 401);
    let who: { issuer: string; subject: string; strong: boolean };
    try {
      // The callback URL as the browser used it (behind a proxy: the public origin).
      const url = new URL(c.req.url);
      const callback = deps.publicOrigin ? new URL(`${url.pathname}${url.search}`, deps.publicOrigin) : url;
      who = await deps.oidc.finish(callback, pending);
    } catch {
      return fail("Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw.");
    }
    const key = oidcSubjectKey(who.issuer, who.subject);
    const user = (await deps.store.users()).find((u) => u.oidcSubject === key);
    if (!user?.active) {
      return fail(
        "Uw account bij uw organisatie is niet aan een driehoek-gebruiker gekoppeld. Vraag de beheerder.",
      );
    }
    // Strong only when the provider says a second factor was used (or is trusted to always ask one).
    c.get("sessions").rotate(c, s, user.id, who.strong);
    return c.redirect(pending.back, 303);
  });

  app.post("/inloggen", async (c) => {
    const s = c.get("session");
    if (!s) return c.redirect("/inloggen", 303);
    const body = await c.req.parseBody();
    const name = formText(body, "gebruiker");
    const password = formText(body, "wachtwoord", { trim: false });
    const back = safeBack(formText(body, "terug"));
    if (!limiter.attempt(clientOf(c, deps.trustProxy))) {
      return loginPage(
        c,
        { csrf: s.csrf, back, name, error: "Te veel pogingen. Wacht een minuut en probeer het opnieuw." },
        429,
      );
    }
    if (name === "" || password === "") {
      return loginPage(
        c,
        { csrf: s.csrf, back, name, error: "Vul uw gebruikersnaam en wachtwoord in." },
        400,
      );
    }
    const r = await checkPassword({ store: deps.store, now: deps.now }, name, password);
    if (!r.ok) {
      // One message for a wrong name, a wrong password and a locked account, so a guess tells
      // nothing about which accounts exist; a blocked account is only named with its right password.
      const error =
        r.reason === "geblokkeerd"
          ? "Dit account is geblokkeerd. Neem contact op met de beheerder."
          : "De gebruikersnaam of het wachtwoord klopt niet, of het account is na te veel pogingen 15 minuten vergrendeld.";
      return loginPage(c, { csrf: s.csrf, back, name, error, oidc: deps.oidc?.label }, 401);
    }
    if (r.user.totpSecret) {
      // Password right; the second factor still to come. A new session id already now.
      const pending = c.get("sessions").rotate(c, s, null);
      pending.pendingUserId = r.user.id;
      return c.redirect(`/inloggen/code?terug=${encodeURIComponent(back)}`, 303);
    }
    // A new session id at login: an id planted before login is worthless (session fixation).
    c.get("sessions").rotate(c, s, r.user.id);
    return c.redirect(back, 303);
  });

  // The second factor: a code from the authenticator app (TOTP, RFC 6238).
  const lastStep = new Map<string, number>();
  const codeFailures = new Map<string, number>();
  app.get("/inloggen/code", (c) => {
    const s = c.get("session");
    if (!s?.pendingUserId) return c.redirect("/inloggen", 303);
    return codePage(c, { csrf: s.csrf, back: safeBack(c.req.query("terug")), error: null });
  });

  app.post("/inloggen/code", async (c) => {
    const s = c.get("session");
    if (!s?.pendingUserId) return c.redirect("/inloggen", 303);
    const body = await c.req.parseBody();
    const code = formText(body, "code").replace(/\s/g, "");
    const back = safeBack(formText(body, "terug"));
    const user = await deps.store.user(s.pendingUserId);
    const step = user?.totpSecret && user.active ? verifyTotp(user.totpSecret, code, deps.now()) : null;
    const locked = user?.lockedUntil && user.lockedUntil > deps.now();
    if (user && !locked && step !== null && step > (lastStep.get(user.id) ?? -1)) {
      lastStep.set(user.id, step);
      codeFailures.delete(s.id);
      await clearLoginFailures({ store: deps.store, now: deps.now }, user.id);
      c.get("sessions").rotate(c, s, user.id, true);
      return c.redirect(back, 303);
    }
    // A wrong code counts against the account like a wrong password (lock after 5 in a row).
    const lockedNow = user ? await recordLoginFailure({ store: deps.store, now: deps.now }, user.id) : null;
    const failures = (codeFailures.get(s.id) ?? 0) + 1;
    if (codeFailures.size >= 10_000) codeFailures.delete(codeFailures.keys().next().value as string);
    codeFailures.set(s.id, failures);
    if (failures >= 5 || lockedNow || locked) {
      codeFailures.delete(s.id);
      c.get("sessions").end(c, s);
      return c.redirect("/inloggen", 303);
    }
    return codePage(
      c,
      {
        csrf: s.csrf,
        back,
        error: "Deze code klopt niet of is al gebruikt. Probeer de nieuwe code uit uw app.",
      },
      401,
    );
  });

  app.post("/uitloggen", (c) => {
    const s = c.get("session");
    if (s) c.get("sessions").end(c, s);
    return c.redirect("/inloggen", 303);
  });

  app.get("/doel", (c) => {
    const s = c.get("session");
    const purposes = purposesFor(deps.registry, c.get("requester").roles);
    return purposePage(c, {
      roles: c.get("requester").roles,
      csrf: s?.csrf ?? "",
      purposes,
      current: s?.purpose ?? null,
      back: safeBack(c.req.query("terug")),
      error: null,
    });
  });

  app.post("/doel", async (c) => {
    const s = c.get("session");
    if (!s) return c.redirect("/inloggen", 303);
    const body = await c.req.parseBody();
    const chosen = formText(body, "doel");
    const number = formText(body, "casusnummer");
    const back = safeBack(formText(body, "terug"));
    const purposes = purposesFor(deps.registry, c.get("requester").roles);
    const asked = purposes.find((p) => p.id === chosen);
    try {
      if (!asked) throw new Error("Kies een van de doelen.");
      const parsed = parsePurpose(deps.registry, asked.metNummer ? `${chosen}:${number}` : chosen);
      s.purpose = parsed.number ? `${parsed.id}:${parsed.number}` : parsed.id;
    } catch (err) {
      const error =
        asked?.metNummer && number === ""
          ? "Vul het casusnummer in."
          : err instanceof Error && asked?.metNummer
            ? "Een casusnummer bestaat uit letters, cijfers, punten en streepjes."
            : "Kies een van de doelen.";
      return purposePage(
        c,
        { roles: c.get("requester").roles, csrf: s.csrf, purposes, current: s.purpose, back, error },
        400,
      );
    }
    return c.redirect(back, 303);
  });
}

/**
 * The purposes to offer: those a legal basis names for one of the user's content roles. Bases for
 * everyone and every purpose (open data) are left out of the choice, unless nothing else is left.
 */
export function purposesFor(registry: LegalBasisRegistry, roles: string[]): Purpose[] {
  const content = roles.filter((r) => r !== "fg" && r !== "beheerder");
  if (content.length === 0) return [];
  const specific = registry.bases.filter(
    (b) => !b.doelen.includes("*") && content.some((r) => b.ontvangers.includes(r)),
  );
  if (specific.length === 0) return registry.purposes;
  return registry.purposes.filter((p) => specific.some((b) => b.doelen.includes(p.id)));
}

interface LoginProps {
  csrf: string;
  back: string;
  name: string;
  error: string | null;
  /** Label of the identity-provider login, when configured. */
  oidc?: string;
}

function loginPage(c: Context, p: LoginProps, status: 200 | 400 | 401 | 429 = 200) {
  return sendPage(
    c,
    "Inloggen",
    <>
      <h1 class="utrecht-heading-1">Inloggen</h1>
      <Alert error={p.error} />
      <form method="post" action="/inloggen" class="dh-form">
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <input type="hidden" name="terug" value={p.back} />
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="gebruiker">
            Gebruikersnaam
          </label>
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            id="gebruiker"
            name="gebruiker"
            type="text"
            autocomplete="username"
            required
            value={p.name}
            autofocus
          />
        </div>
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="wachtwoord">
            Wachtwoord
          </label>
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            id="wachtwoord"
            name="wachtwoord"
            type="password"
            autocomplete="current-password"
            required
          />
        </div>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Inloggen
        </button>
      </form>
      {p.oidc && (
        <p class="utrecht-paragraph">
          <a
            class="utrecht-link utrecht-link--html-a"
            href={`/inloggen/oidc?terug=${encodeURIComponent(p.back)}`}
          >
            {p.oidc}
          </a>
        </p>
      )}
    </>,
    status,
  );
}

function codePage(
  c: Context,
  p: { csrf: string; back: string; error: string | null },
  status: 200 | 401 = 200,
) {
  return sendPage(
    c,
    "Code uit uw app",
    <>
      <h1 class="utrecht-heading-1">Code uit uw app</h1>
      <p class="utrecht-paragraph">
        Open de app voor inlogcodes op uw telefoon en vul de code van zes cijfers in.
      </p>
      <Alert error={p.error} />
      <form method="post" action="/inloggen/code" class="dh-form">
        <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
        <input type="hidden" name="terug" value={p.back} />
        <div class="utrecht-form-field">
          <label class="utrecht-form-label" for="code">
            Code
          </label>
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            id="code"
            name="code"
            type="text"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            required
            autofocus
          />
        </div>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Inloggen
        </button>
      </form>
    </>,
    status,
  );
}

interface PurposeProps {
  csrf: string;
  /** The user's roles, for links to the FG's and beheerder's pages. */
  roles: string[];
  purposes: Purpose[];
  current: string | null;
  back: string;
  error: string | null;
}

function purposePage(c: Context, p: PurposeProps, status: 200 | 400 = 200) {
  const currentId = p.current?.split(":")[0] ?? null;
  return sendPage(
    c,
    "Kies uw doel",
    <>
      <h1 class="utrecht-heading-1">Waarvoor gebruikt u driehoek nu?</h1>
      <p class="utrecht-paragraph">
        U ziet alleen gegevens voor het doel dat u kiest. Dat doel staat bij elke verstrekking in het
        verstrekkingenregister. U kunt het later wijzigen.
      </p>
      <Alert error={p.error} />
      {p.purposes.length === 0 ? (
        <>
          <p class="utrecht-paragraph">Met uw rol kunt u geen gegevens bekijken.</p>
          <ul class="utrecht-link-list utrecht-link-list--html-ul">
            {p.roles.includes("fg") && (
              <li class="utrecht-link-list__item">
                <a class="utrecht-link utrecht-link--html-a" href="/fg/register">
                  Naar het verstrekkingenregister
                </a>
              </li>
            )}
            {p.roles.includes("beheerder") && (
              <li class="utrecht-link-list__item">
                <a class="utrecht-link utrecht-link--html-a" href="/beheer/">
                  Naar het beheer: gebruikers, afspraken, leveringen en gegevens laden
                </a>
              </li>
            )}
          </ul>
        </>
      ) : (
        <form method="post" action="/doel" class="dh-form">
          <input type="hidden" name={CSRF_FIELD} value={p.csrf} />
          <input type="hidden" name="terug" value={p.back} />
          <fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">Doel</legend>
            {p.purposes.map((purpose) => (
              <div class="utrecht-form-field utrecht-form-field--radio">
                <input
                  class="utrecht-radio-button utrecht-radio-button--html-input"
                  type="radio"
                  id={`doel-${purpose.id}`}
                  name="doel"
                  value={purpose.id}
                  checked={purpose.id === currentId}
                  required
                />
                <label class="utrecht-form-label utrecht-form-label--radio" for={`doel-${purpose.id}`}>
                  {purpose.naam}
                </label>
              </div>
            ))}
          </fieldset>
          {p.purposes.some((x) => x.metNummer) && (
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for="casusnummer">
                Casusnummer (alleen bij een casus)
              </label>
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                id="casusnummer"
                name="casusnummer"
                type="text"
              />
            </div>
          )}
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Doel kiezen
          </button>
        </form>
      )}
    </>,
    status,
  );
}
