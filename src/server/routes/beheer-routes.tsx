// The beheerder's pages: users with their organisation, roles and state; adding a user (with a
// generated password shown once), changing roles, blocking and unblocking. Only for the beheerder
// (Cedar policy beheerder-beheer); every look and change goes through the gate and is registered.
// The beheerder sees no content here: names, organisations and roles only.

import type { Context, Hono } from "hono";
import type { Gate } from "../../disclosure/disclosure-gate.ts";
import { newAccount, type UserAccount } from "../../domain/account.ts";
import {
  accountIdProblem,
  authorityOrProblem,
  rolesFitProblem,
  rolesOrProblem,
} from "../../domain/account-rules.ts";
import { ORGANISATION_KINDS, type OrganisationKind, ROLE_IDS, ROLES } from "../../domain/roles.ts";
import { Alert } from "../../render/alert.tsx";
import { headClass } from "../../render/table-classes.ts";
import { TableHead } from "../../render/table-head.tsx";
import type { PageStore } from "../app.ts";
import { generatePassword, hashPassword } from "../auth/passwords.ts";
import { formText, formTexts } from "../form-fields.ts";
import type { AuthVariables } from "../middleware/authentication/authentication.ts";
import { CSRF_FIELD } from "../middleware/csrf/csrf.ts";
import { errorPage, sendPage } from "../pages.tsx";

export interface BeheerRouteDeps {
  store: PageStore;
  gate: Gate;
  now: () => Date;
}

type C = Context<{ Variables: AuthVariables }>;

/** Refuses everyone but the beheerder before any work is done (validation, hashing, reading). */
export function beheerOnly(gate: Gate, action: "beheer" | "lees-register") {
  return async (c: C, next: () => Promise<void>) => {
    if (gate.allows({ requester: c.get("requester"), action })) return next();
    return errorPage(c, 403, {
      heading: "Geen toegang",
      message:
        action === "beheer"
          ? "Deze pagina is alleen voor de beheerder."
          : "Deze pagina is alleen voor de functionaris gegevensbescherming.",
    });
  };
}

export function registerBeheerRoutes(app: Hono<{ Variables: AuthVariables }>, deps: BeheerRouteDeps): void {
  app.use("/beheer/*", beheerOnly(deps.gate, "beheer"));
  const administer = <T,>(c: C, what: string, work: () => Promise<T>) =>
    deps.gate.administer({ requester: c.get("requester"), what }, work).then((r) => r.data);

  const page = async (
    c: C,
    notice: { error?: string; created?: { id: string; password: string } } = {},
    status: 200 | 400 = 200,
  ) => {
    const { users, organisations } = await administer(c, "gebruikers", async () => ({
      users: await deps.store.users(),
      organisations: await deps.store.organisations(),
    }));
    const csrf = c.get("session")?.csrf ?? "";
    return sendPage(
      c,
      "Gebruikers",
      <>
        <BeheerHeading
          title="Gebruikers"
          other={["/beheer/organisaties", "Naar de organisaties"]}
          error={notice.error}
        />
        {notice.created && (
          <div class="utrecht-alert utrecht-alert--ok" role="status">
            <p class="utrecht-paragraph">
              Gebruiker {notice.created.id} is toegevoegd. Het wachtwoord is{" "}
              <strong class="dh-secret">{notice.created.password}</strong>. Het wordt niet nog eens getoond:
              geef het veilig door.
            </p>
          </div>
        )}
        <div class="dh-table-scroll">
          <table class="utrecht-table dh-table">
            <caption class="utrecht-table__caption">Alle gebruikers</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                {["Inlognaam", "Naam", "Organisatie", "Rollen", "Tweede factor", "Status", "Wijzigen"].map(
                  (h) => (
                    <th class={headClass} scope="col">
                      {h}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {users.map((u) => (
                <UserRow u={u} csrf={csrf} />
              ))}
            </tbody>
          </table>
        </div>
        <h2 class="utrecht-heading-2">Nieuwe gebruiker</h2>
        <form method="post" action="/beheer/gebruikers" class="dh-form">
          <input type="hidden" name={CSRF_FIELD} value={csrf} />
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="nieuw-id">
              Inlognaam
            </label>
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              id="nieuw-id"
              name="id"
              type="text"
              required
            />
          </div>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="nieuw-naam">
              Naam
            </label>
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              id="nieuw-naam"
              name="naam"
              type="text"
              required
            />
          </div>
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="nieuw-organisatie">
              Organisatie
            </label>
            <select
              class="utrecht-select utrecht-select--html-select"
              id="nieuw-organisatie"
              name="organisatie"
            >
              <option value="">(geen: alleen voor FG of beheerder)</option>
              {organisations.map((o) => (
                <option value={o.id}>{`${o.name} (${o.kind})`}</option>
              ))}
            </select>
          </div>
          <fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">Rollen</legend>
            {ROLE_IDS.map((r) => (
              <div class="utrecht-form-field utrecht-form-field--checkbox">
                <input class="utrecht-checkbox" type="checkbox" id={`nieuw-rol-${r}`} name="rol" value={r} />
                <label class="utrecht-form-label utrecht-form-label--checkbox" for={`nieuw-rol-${r}`}>
                  {ROLES[r].naam}
                </label>
              </div>
            ))}
          </fieldset>
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Gebruiker toevoegen
          </button>
        </form>
      </>,
      status,
    );
  };

  app.get("/beheer/gebruikers", (c) => page(c));

  app.post("/beheer/gebruikers", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const text = (k: string) => formText(body, k);
    const id = text("id");
    const name = text("naam");
    const roleValues = formTexts(body, "rol");
    const roles = rolesOrProblem(roleValues);
    const organisation = (await deps.store.organisations()).find((o) => o.id === text("organisatie"));
    const problem =
      accountIdProblem(id) ??
      (name === "" ? "vul een naam in" : null) ??
      ("problem" in roles ? roles.problem : rolesFitProblem(roles.roles, organisation)) ??
      ((await deps.store.user(id)) ? `gebruiker ${id} bestaat al` : null);
    if (problem || "problem" in roles) return page(c, { error: `Niet toegevoegd: ${problem}.` }, 400);
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    await administer(c, `gebruiker-toevoegen:${id}`, () =>
      deps.store.saveUser(
        newAccount({
          id,
          name,
          organisation: organisation?.id ?? null,
          roles: roles.roles,
          passwordHash,
          createdAt: deps.now(),
        }),
      ),
    );
    return page(c, { created: { id, password } });
  });

  app.post("/beheer/gebruikers/:id/rollen", async (c) => {
    const id = c.req.param("id");
    const body = await c.req.parseBody({ all: true });
    const roles = rolesOrProblem(formTexts(body, "rol"));
    const user = await deps.store.user(id);
    const organisation = (await deps.store.organisations()).find((o) => o.id === user?.organisation);
    const problem = !user
      ? `gebruiker ${id} bestaat niet`
      : "problem" in roles
        ? roles.problem
        : rolesFitProblem(roles.roles, organisation);
    if (problem || !user || "problem" in roles) return page(c, { error: `Niet gewijzigd: ${problem}.` }, 400);
    await administer(c, `gebruiker-rollen:${id}`, () => deps.store.saveUser({ ...user, roles: roles.roles }));
    return c.redirect("/beheer/gebruikers", 303);
  });

  for (const [action, active] of [
    ["blokkeren", false],
    ["deblokkeren", true],
  ] as const) {
    app.post(`/beheer/gebruikers/:id/${action}`, async (c) => {
      const id = c.req.param("id");
      const user = await deps.store.user(id);
      if (!user) return page(c, { error: `Niet gewijzigd: gebruiker ${id} bestaat niet.` }, 400);
      if (user.id === c.get("requester").user && !active) {
        return page(c, { error: "Niet gewijzigd: u kunt uzelf niet blokkeren." }, 400);
      }
      await administer(c, `gebruiker-${action}:${id}`, () =>
        deps.store.saveUser({ ...user, active, failedLogins: 0, lockedUntil: null }),
      );
      return c.redirect("/beheer/gebruikers", 303);
    });
  }
}

/** Title, a link to the other beheer page, and the message of the last action. */
function BeheerHeading({
  title,
  other,
  error,
}: {
  title: string;
  other: [string, string];
  error?: string | null;
}) {
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link utrecht-link--html-a" href={other[0]}>
          {other[1]}
        </a>
        {" · "}
        <a class="utrecht-link utrecht-link--html-a" href="/beheer/">
          Naar het beheeroverzicht: afspraken, leveringen en importeren
        </a>
      </p>
      <Alert error={error} />
    </>
  );
}

function UserRow({ u, csrf }: { u: UserAccount; csrf: string }) {
  const rolesId = `rollen-${u.id}`;
  return (
    <tr class="utrecht-table__row">
      <th class={headClass} scope="row">
        {u.id}
      </th>
      <td class="utrecht-table__cell">{u.name}</td>
      <td class="utrecht-table__cell">{u.organisation ?? ""}</td>
      <td class="utrecht-table__cell">{u.roles.join(", ")}</td>
      <td class="utrecht-table__cell">{u.totpSecret ? "ja" : "nee"}</td>
      <td class="utrecht-table__cell">{u.active ? "actief" : "geblokkeerd"}</td>
      <td class="utrecht-table__cell">
        <form
          method="post"
          action={`/beheer/gebruikers/${encodeURIComponent(u.id)}/rollen`}
          class="dh-inline-form"
        >
          <input type="hidden" name={CSRF_FIELD} value={csrf} />
          <label class="utrecht-form-label" for={rolesId}>
            Rollen van {u.id}
          </label>
          <select class="utrecht-select utrecht-select--html-select" id={rolesId} name="rol" multiple>
            {ROLE_IDS.map((r) => (
              <option value={r} selected={u.roles.includes(r)}>
                {ROLES[r].naam}
              </option>
            ))}
          </select>
          <button class="utrecht-button utrecht-button--secondary-action" type="submit">
            Rollen opslaan
          </button>
        </form>
        <form
          method="post"
          action={`/beheer/gebruikers/${encodeURIComponent(u.id)}/${u.active ? "blokkeren" : "deblokkeren"}`}
          class="dh-inline-form"
        >
          <input type="hidden" name={CSRF_FIELD} value={csrf} />
          <button class="utrecht-button utrecht-button--secondary-action" type="submit">
            {u.active ? `Blokkeer ${u.id}` : `Deblokkeer ${u.id}`}
          </button>
        </form>
      </td>
    </tr>
  );
}

/** The organisations page: list and add (with their area of authority). */
export function registerOrganisationRoutes(
  app: Hono<{ Variables: AuthVariables }>,
  deps: BeheerRouteDeps,
): void {
  const page = async (c: C, error: string | null, status: 200 | 400 = 200) => {
    const { data: organisations } = await deps.gate.administer(
      { requester: c.get("requester"), what: "organisaties" },
      () => deps.store.organisations(),
    );
    const csrf = c.get("session")?.csrf ?? "";
    return sendPage(
      c,
      "Organisaties",
      <>
        <BeheerHeading
          title="Organisaties"
          other={["/beheer/gebruikers", "Naar de gebruikers"]}
          error={error}
        />
        <div class="dh-table-scroll">
          <table class="utrecht-table dh-table">
            <caption class="utrecht-table__caption">Alle organisaties met hun gezagsgebied</caption>
            <TableHead labels={["Id", "Naam", "Soort", "Gezagsgebied"]} />
            <tbody class="utrecht-table__body">
              {organisations.map((o) => (
                <tr class="utrecht-table__row">
                  <th class={headClass} scope="row">
                    {o.id}
                  </th>
                  <td class="utrecht-table__cell">{o.name}</td>
                  <td class="utrecht-table__cell">{o.kind}</td>
                  <td class="utrecht-table__cell">{o.authority.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2 class="utrecht-heading-2">Nieuwe organisatie</h2>
        <form method="post" action="/beheer/organisaties" class="dh-form">
          <input type="hidden" name={CSRF_FIELD} value={csrf} />
          {(
            [
              ["id", "Id (korte naam)"],
              ["naam", "Naam"],
              ["gebied", "Gezagsgebied (gebiedscodes, gescheiden door komma's)"],
            ] as const
          ).map(([name, label]) => (
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for={`org-${name}`}>
                {label}
              </label>
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                id={`org-${name}`}
                name={name}
                type="text"
                required
              />
            </div>
          ))}
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="org-soort">
              Soort
            </label>
            <select class="utrecht-select utrecht-select--html-select" id="org-soort" name="soort">
              {ORGANISATION_KINDS.map((k) => (
                <option value={k}>{k}</option>
              ))}
            </select>
          </div>
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Organisatie toevoegen
          </button>
        </form>
      </>,
      status,
    );
  };

  app.get("/beheer/organisaties", (c) => page(c, null));

  app.post("/beheer/organisaties", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const text = (k: string) => formText(body, k);
    const id = text("id");
    const kind = text("soort") as OrganisationKind;
    const area = authorityOrProblem(text("gebied"));
    const problem =
      accountIdProblem(id) ??
      (text("naam") === "" ? "vul een naam in" : null) ??
      (ORGANISATION_KINDS.includes(kind) ? null : "kies een soort") ??
      ("problem" in area ? area.problem : null) ??
      ((await deps.store.organisations()).some((o) => o.id === id) ? `organisatie ${id} bestaat al` : null);
    if (problem || "problem" in area) return page(c, `Niet toegevoegd: ${problem}.`, 400);
    await deps.gate.administer({ requester: c.get("requester"), what: `organisatie:${id}` }, () =>
      deps.store.saveOrganisation({ id, name: text("naam"), kind, authority: area.authority }),
    );
    return c.redirect("/beheer/organisaties", 303);
  });
}
