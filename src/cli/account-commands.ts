// `driehoek organisatie …` and `driehoek gebruiker …`: the beheerder's work on the command line.
// Whoever can run these commands on the server can already read the database files, so they need
// no login; they change who may log in, never what the law allows (that is in config/ and policies/).

import type { Command } from "commander";
import { loadOrCreateKey } from "../disclosure/keys.ts";
import { loadLegalBasisRegistry, parsePurpose } from "../disclosure/legal-bases/legal-basis-registry.ts";
import { keysDir, openStoreGate, requesterFor } from "../disclosure/store-gate.ts";
import { newAccount, type Organisation, type UserAccount } from "../domain/account.ts";
import {
  accountIdProblem,
  authorityOrProblem,
  rolesFitProblem,
  rolesOrProblem,
} from "../domain/account-rules.ts";
import { InputError } from "../domain/errors.ts";
import { ORGANISATION_KINDS, type OrganisationKind, ROLES, type Role } from "../domain/roles.ts";
import { issueApiToken, MAX_TOKEN_SECONDS } from "../server/auth/api-token.ts";
import { oidcSubjectKey } from "../server/auth/oidc-login.ts";
import { generatePassword, hashPassword, passwordProblem } from "../server/auth/passwords.ts";
import { newTotpSecret, totpUri } from "../server/auth/totp.ts";
import type { Store } from "../store/store.ts";
import { type AccessOptions, administerForCli, withAccessOptions } from "./cli-access.ts";
import { type CliEffects, storePath, withStore } from "./context.ts";
import { textTable } from "./format-nl.ts";

function parseId(value: string, option: string): string {
  const problem = accountIdProblem(value);
  if (problem) throw new InputError(problem, option);
  return value;
}

function parseRoles(value: string): Role[] {
  const r = rolesOrProblem(value.split(","));
  if ("problem" in r) throw new InputError(r.problem, "--rol");
  return r.roles;
}

function checkRolesFit(roles: Role[], org: Organisation | undefined): void {
  const problem = rolesFitProblem(roles, org);
  if (problem) throw new InputError(problem, org ? "--rol" : "--organisatie");
}

async function newPassword(
  fx: CliEffects,
  fromStdin: boolean | undefined,
): Promise<{ hash: string; shown: string | null }> {
  if (!fromStdin) {
    const password = generatePassword();
    return { hash: await hashPassword(password), shown: password };
  }
  const password = (await fx.readStdin()).replace(/\r?\n$/, "");
  const problem = passwordProblem(password);
  if (problem) throw new InputError(problem, "--wachtwoord-stdin");
  return { hash: await hashPassword(password), shown: null };
}

/** A simple check, not RFC 5322: one "@", no spaces, and a dot in the domain (naam@gemeente.nl). */
function parseEmail(value: string, field = "<adres>"): string {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw new InputError(
      `"${value}" is geen geldig e-mailadres: gebruik één @, geen spaties en een punt in het domein, bijvoorbeeld naam@gemeente.nl`,
      field,
    );
  }
  return value;
}

async function existingUser(store: Store, id: string): Promise<UserAccount> {
  const user = await store.user(id);
  if (!user) throw new InputError(`gebruiker ${id} bestaat niet`, "gebruiker");
  return user;
}

/**
 * Runs an account change and records it in the verstrekkingenregister (kind "beheer"), so the FG
 * sees who changed which account or organisation, and when. The command-line operator is named
 * by the operating-system user.
 */
async function change<T>(
  fx: CliEffects,
  dbOption: string | undefined,
  what: string,
  subject: string,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const db = storePath(dbOption, fx);
  return withStore(db, async (store) => {
    // The register first: when it cannot be written, the change is not made either.
    const access = await openStoreGate({ store, dbPath: db, env: fx.env, now: fx.now });
    try {
      const result = await work(store);
      access.record({
        at: fx.now().toISOString(),
        kind: "beheer",
        user: `cli:${fx.env.USER ?? fx.env.LOGNAME ?? "onbekend"}`,
        roles: ["beheerder"],
        organisation: null,
        purpose: "beheer",
        legalBasis: null,
        policy: null,
        what: `${what}:${subject}`,
        areas: [],
        period: null,
        sensitivity: "open",
        count: 1,
        contentHash: null,
      });
      return result;
    } finally {
      await access.close();
    }
  });
}

export function registerAccountCommands(program: Command, fx: CliEffects): void {
  const out = (t: string) => fx.stdout(t);
  const org = program.command("organisatie").description("Organisaties en hun gezagsgebied");

  org
    .command("toevoegen")
    .description("Voeg een organisatie toe, of wijzig er een")
    .requiredOption("--id <id>", "korte naam, bijvoorbeeld gm9001 of politie-re90")
    .requiredOption("--naam <naam>", "volledige naam")
    .requiredOption("--soort <soort>", ORGANISATION_KINDS.join(", "))
    .requiredOption(
      "--gebied <codes>",
      "gebiedscodes van het gezagsgebied, gescheiden door komma's (GM…, RE…)",
    )
    .option("--db <pad>", "databasebestand")
    .action(async (o: { id: string; naam: string; soort: string; gebied: string; db?: string }) => {
      const kind = o.soort as OrganisationKind;
      if (!ORGANISATION_KINDS.includes(kind)) {
        throw new InputError(
          `onbekende soort ${o.soort}; kies uit ${ORGANISATION_KINDS.join(", ")}`,
          "--soort",
        );
      }
      const area = authorityOrProblem(o.gebied);
      if ("problem" in area) throw new InputError(area.problem, "--gebied");
      const { authority } = area;
      const organisation: Organisation = { id: parseId(o.id, "--id"), name: o.naam, kind, authority };
      await change(fx, o.db, "organisatie", organisation.id, async (store) => {
        // A changed kind must still fit the roles of the organisation's users.
        for (const u of (await store.users()).filter((x) => x.organisation === organisation.id)) {
          const problem = rolesFitProblem(u.roles, organisation);
          if (problem) throw new InputError(`${u.id}: ${problem}`, "--soort");
        }
        await store.saveOrganisation(organisation);
      });
      out(`Organisatie ${organisation.id} (${kind}) opgeslagen, gebied ${authority.join(", ")}.\n`);
    });

  withAccessOptions(org.command("lijst").description("Alle organisaties (alleen voor de beheerder)"))
    .option("--json", "uitvoer als JSON")
    .option("--db <pad>", "databasebestand")
    .action(async (o: AccessOptions & { json?: boolean; db?: string }) => {
      const db = storePath(o.db, fx);
      const list = await withStore(db, (store) =>
        administerForCli(store, db, fx, o, "organisaties", () => store.organisations()),
      );
      if (o.json) return out(`${JSON.stringify(list)}\n`);
      out(
        textTable(
          ["id", "naam", "soort", "gebied"],
          list.map((x) => [x.id, x.name, x.kind, x.authority.join(", ")]),
        ),
      );
    });

  const user = program.command("gebruiker").description("Gebruikers, hun organisatie en rollen");

  user
    .command("toevoegen")
    .description("Voeg een gebruiker toe; zonder --wachtwoord-stdin krijgt die een gemaakt wachtwoord")
    .requiredOption("--id <id>", "inlognaam")
    .requiredOption("--naam <naam>", "volledige naam")
    .requiredOption("--rol <rollen>", `rollen, gescheiden door komma's (${Object.keys(ROLES).join(", ")})`)
    .option("--organisatie <id>", "organisatie (nodig voor alle rollen behalve fg en beheerder)")
    .option("--email <adres>", "e-mailadres")
    .option("--wachtwoord-stdin", "lees het wachtwoord van standaardinvoer")
    .option("--db <pad>", "databasebestand")
    .action(
      async (o: {
        id: string;
        naam: string;
        rol: string;
        organisatie?: string;
        email?: string;
        wachtwoordStdin?: boolean;
        db?: string;
      }) => {
        const id = parseId(o.id, "--id");
        const roles = parseRoles(o.rol);
        const shown = await change(fx, o.db, "gebruiker-toevoegen", id, async (store) => {
          if (await store.user(id)) throw new InputError(`gebruiker ${id} bestaat al`, "--id");
          const email = o.email === undefined ? null : parseEmail(o.email, "--email");
          const organisation = o.organisatie
            ? (await store.organisations()).find((x) => x.id === o.organisatie)
            : undefined;
          if (o.organisatie && !organisation) {
            throw new InputError(`organisatie ${o.organisatie} bestaat niet`, "--organisatie");
          }
          checkRolesFit(roles, organisation);
          const password = await newPassword(fx, o.wachtwoordStdin);
          await store.saveUser(
            newAccount({
              id,
              name: o.naam,
              email,
              organisation: organisation?.id ?? null,
              roles,
              passwordHash: password.hash,
              createdAt: fx.now(),
            }),
          );
          return password.shown;
        });
        out(`Gebruiker ${id} toegevoegd met rol ${roles.join(", ")}.\n`);
        if (shown) out(`Wachtwoord (wordt niet nog eens getoond): ${shown}\n`);
      },
    );

  withAccessOptions(
    user
      .command("lijst")
      .description("Alle gebruikers met organisatie en rollen, geen wachtwoorden (alleen voor de beheerder)"),
  )
    .option("--json", "uitvoer als JSON")
    .option("--db <pad>", "databasebestand")
    .action(async (o: AccessOptions & { json?: boolean; db?: string }) => {
      const db = storePath(o.db, fx);
      const users = await withStore(db, (store) =>
        administerForCli(store, db, fx, o, "gebruikers", () => store.users()),
      );
      const rows = users.map((u) => ({
        id: u.id,
        naam: u.name,
        organisatie: u.organisation,
        rollen: u.roles,
        actief: u.active,
        tweedeFactor: u.totpSecret !== null,
      }));
      if (o.json) return out(`${JSON.stringify(rows)}\n`);
      out(
        textTable(
          ["id", "naam", "organisatie", "rollen", "actief"],
          rows.map((r) => [r.id, r.naam, r.organisatie ?? "", r.rollen.join(", "), r.actief ? "ja" : "nee"]),
        ),
      );
    });

  user
    .command("rollen <id>")
    .description("Zet de rollen van een gebruiker")
    .requiredOption("--rol <rollen>", "de nieuwe rollen, gescheiden door komma's")
    .option("--db <pad>", "databasebestand")
    .action(async (id: string, o: { rol: string; db?: string }) => {
      const roles = parseRoles(o.rol);
      await change(fx, o.db, "gebruiker-rollen", id, async (store) => {
        const u = await existingUser(store, id);
        checkRolesFit(
          roles,
          (await store.organisations()).find((x) => x.id === u.organisation),
        );
        await store.saveUser({ ...u, roles });
      });
      out(`Gebruiker ${id} heeft nu rol ${roles.join(", ")}.\n`);
    });

  user
    .command("wachtwoord <id>")
    .description("Geef een gebruiker een nieuw wachtwoord (en hef een blokkade door mislukte pogingen op)")
    .option("--wachtwoord-stdin", "lees het wachtwoord van standaardinvoer")
    .option("--db <pad>", "databasebestand")
    .action(async (id: string, o: { wachtwoordStdin?: boolean; db?: string }) => {
      const shown = await change(fx, o.db, "gebruiker-wachtwoord", id, async (store) => {
        const u = await existingUser(store, id);
        const password = await newPassword(fx, o.wachtwoordStdin);
        await store.saveUser({ ...u, passwordHash: password.hash, failedLogins: 0, lockedUntil: null });
        return password.shown;
      });
      out(`Wachtwoord van ${id} gewijzigd.\n`);
      if (shown) out(`Wachtwoord (wordt niet nog eens getoond): ${shown}\n`);
    });

  user
    .command("email <id> [adres]")
    .description("Zet het e-mailadres van een gebruiker, voor producten per e-mail")
    .option("--geen", "haal het e-mailadres weg")
    .option("--db <pad>", "databasebestand")
    .action(async (id: string, adres: string | undefined, o: { geen?: boolean; db?: string }) => {
      if (o.geen && adres !== undefined) {
        throw new InputError("geef een e-mailadres of --geen, niet allebei", "--geen");
      }
      if (!o.geen && adres === undefined) {
        throw new InputError("geef het e-mailadres, of --geen om het weg te halen", "<adres>");
      }
      const email = adres === undefined ? null : parseEmail(adres);
      await change(fx, o.db, "gebruiker-email", id, async (store) => {
        const u = await existingUser(store, id);
        await store.saveUser({ ...u, email });
      });
      out(
        email ? `E-mailadres van ${id} is nu ${email}.\n` : `Gebruiker ${id} heeft geen e-mailadres meer.\n`,
      );
    });

  user
    .command("koppel <id>")
    .description("Koppel een gebruiker aan zijn account bij de identity provider (OpenID Connect)")
    .requiredOption("--issuer <url>", "de issuer van de identity provider")
    .requiredOption("--subject <sub>", "de sub-claim van de gebruiker daar")
    .option("--db <pad>", "databasebestand")
    .action(async (id: string, o: { issuer: string; subject: string; db?: string }) => {
      await change(fx, o.db, "gebruiker-koppel", id, async (store) => {
        const u = await existingUser(store, id);
        const key = oidcSubjectKey(o.issuer, o.subject);
        const taken = (await store.users()).find((x) => x.oidcSubject === key && x.id !== id);
        if (taken) throw new InputError(`dit account is al gekoppeld aan ${taken.id}`, "--subject");
        await store.saveUser({ ...u, oidcSubject: key });
      });
      out(`Gebruiker ${id} is gekoppeld aan ${o.subject} bij ${o.issuer}.\n`);
    });

  user
    .command("tweede-factor <id>")
    .description("Zet een tweede factor aan: een code uit een app (TOTP); toont het geheim één keer")
    .option("--uit", "zet de tweede factor uit")
    .option("--db <pad>", "databasebestand")
    .action(async (id: string, o: { uit?: boolean; db?: string }) => {
      const secret = o.uit ? null : newTotpSecret();
      await change(fx, o.db, "gebruiker-tweede-factor", id, async (store) => {
        const u = await existingUser(store, id);
        await store.saveUser({ ...u, totpSecret: secret });
      });
      if (!secret) return out(`De tweede factor van ${id} staat uit.\n`);
      out(
        `Tweede factor voor ${id} staat aan. Zet dit geheim in de app voor inlogcodes (wordt niet nog eens getoond):\n` +
          `  ${secret}\n  ${totpUri(secret, id)}\n`,
      );
    });

  for (const [name, active] of [
    ["blokkeren", false],
    ["deblokkeren", true],
  ] as const) {
    user
      .command(`${name} <id>`)
      .description(
        active
          ? "Laat een geblokkeerde gebruiker weer inloggen"
          : "Blokkeer een gebruiker: inloggen kan niet meer",
      )
      .option("--db <pad>", "databasebestand")
      .action(async (id: string, o: { db?: string }) => {
        await change(fx, o.db, `gebruiker-${name}`, id, async (store) => {
          const u = await existingUser(store, id);
          await store.saveUser({ ...u, active, failedLogins: 0, lockedUntil: null });
        });
        out(`Gebruiker ${id} is ${active ? "weer actief" : "geblokkeerd"}.\n`);
      });
  }

  program
    .command("token")
    .description("Maak een kortlevend token voor de API (/api/v1), voor één gebruiker en één doel")
    .requiredOption("--als <gebruiker>", "de gebruiker namens wie de API wordt gebruikt")
    .requiredOption("--doel <doel>", "het doel, bijvoorbeeld ivp-monitoring")
    .option(
      "--geldig <seconden>",
      `hoe lang het token geldt, hooguit ${MAX_TOKEN_SECONDS}`,
      String(MAX_TOKEN_SECONDS),
    )
    .option("--db <pad>", "databasebestand")
    .action(async (o: { als: string; doel: string; geldig: string; db?: string }) => {
      const seconds = Number(o.geldig);
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_TOKEN_SECONDS) {
        throw new InputError(
          `--geldig is een aantal seconden van 1 tot en met ${MAX_TOKEN_SECONDS}`,
          "--geldig",
        );
      }
      const purpose = parsePurpose(loadLegalBasisRegistry(), o.doel, "--doel");
      const db = storePath(o.db, fx);
      // Making a token is registered (not the token itself).
      const token = await change(fx, o.db, "api-token", o.als, async (store) => {
        await requesterFor(store, o.als);
        const key = loadOrCreateKey(keysDir(db, fx.env), "api-token");
        const doel = purpose.number ? `${purpose.id}:${purpose.number}` : purpose.id;
        return issueApiToken(key, { user: o.als, purpose: doel, seconds }, fx.now());
      });
      out(`${token}\n`);
    });
}
