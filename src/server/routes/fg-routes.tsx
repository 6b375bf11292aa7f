// The privacy officer's pages: the verstrekkingenregister with filters, whether it is complete and
// unchanged, and a CSV export. Only for the FG (Cedar policy fg-register); each look is itself
// registered. No purpose is asked: supervising the register is the FG's own task.

import type { Context, Hono } from "hono";
import type { Gate } from "../../disclosure/disclosure-gate.ts";
import { readRegisterEntries, registerCsv } from "../../disclosure/register/register-csv.ts";
import type { RegisterEntry } from "../../disclosure/register/register-entry.ts";
import type { VerifyResult } from "../../disclosure/register/verify-register.ts";
import { SENSITIVITY_LABELS } from "../../domain/sensitivity.ts";
import { formatCount } from "../../render/format-nl.ts";
import { numClass } from "../../render/table-classes.ts";
import { TableHead } from "../../render/table-head.tsx";
import type { AuthVariables } from "../middleware/authentication/authentication.ts";
import { sendPage } from "../pages.tsx";
import { beheerOnly } from "./beheer-routes.tsx";

export interface FgRouteDeps {
  gate: Gate;
  /** The register file, and a check of it against the head kept in the store (on request). */
  register?: { path: string; verify: () => Promise<VerifyResult> };
}

interface Filter {
  gebruiker: string;
  wat: string;
  van: string;
  tot: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readFilter(c: Context): Filter {
  const q = (k: string) => (c.req.query(k) ?? "").trim().slice(0, 100);
  return {
    gebruiker: q("gebruiker"),
    wat: q("wat"),
    van: DAY.test(q("van")) ? q("van") : "",
    tot: DAY.test(q("tot")) ? q("tot") : "",
  };
}

function matches(e: RegisterEntry, f: Filter): boolean {
  return (!f.gebruiker || e.user === f.gebruiker) && (!f.wat || e.what === f.wat);
}

export function registerFgRoutes(app: Hono<{ Variables: AuthVariables }>, deps: FgRouteDeps): void {
  app.use("/fg/*", beheerOnly(deps.gate, "lees-register"));
  const entries = async (c: Context<{ Variables: AuthVariables }>, f: Filter) => {
    const path = deps.register?.path;
    const { data } = await deps.gate.administer(
      { requester: c.get("requester"), what: "verstrekkingenregister", action: "lees-register" },
      async () =>
        path
          ? (
              await readRegisterEntries(path, {
                from: f.van ? `${f.van}T00:00:00.000Z` : undefined,
                // "tot en met": up to the start of the next day.
                to: f.tot
                  ? new Date(Date.parse(`${f.tot}T00:00:00.000Z`) + 86_400_000).toISOString()
                  : undefined,
              })
            ).filter((e) => matches(e, f))
          : [],
    );
    return data;
  };

  app.get("/fg/register.csv", async (c) => {
    const list = await entries(c, readFilter(c));
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", 'attachment; filename="verstrekkingenregister.csv"');
    c.header("Cache-Control", "no-store");
    return c.body(registerCsv(list));
  });

  app.get("/fg/register", async (c) => {
    const f = readFilter(c);
    const list = await entries(c, f);
    // Checking reads the whole register; on request only.
    const status = deps.register && c.req.query("controleer") === "1" ? await deps.register.verify() : null;
    const shown = list.slice(-200).reverse();
    const query = new URLSearchParams(Object.entries(f).filter(([, v]) => v !== "")).toString();
    return sendPage(
      c,
      "Verstrekkingenregister",
      <>
        <h1 class="utrecht-heading-1">Verstrekkingenregister</h1>
        {status === null ? (
          <p class="utrecht-paragraph">
            <a class="utrecht-link utrecht-link--html-a" href="/fg/register?controleer=1">
              Controleer of het register volledig en ongewijzigd is
            </a>
          </p>
        ) : status.ok ? (
          <div class="utrecht-alert utrecht-alert--ok" role="status">
            <p class="utrecht-paragraph">
              Het register is in orde: {formatCount(status.entries)} regels, volledig en ongewijzigd.
            </p>
          </div>
        ) : (
          <div class="utrecht-alert utrecht-alert--error" role="alert">
            <p class="utrecht-paragraph">
              Het register is NIET in orde: {status.problem?.reason}. Tot en met volgnummer{" "}
              {formatCount(status.head.seq)} is het in orde.
            </p>
          </div>
        )}
        <form method="get" action="/fg/register" class="dh-form" aria-label="Zoeken in het register">
          {(
            [
              ["gebruiker", "Gebruiker", "text"],
              ["wat", "Wat (product of vraag)", "text"],
              ["van", "Vanaf datum", "date"],
              ["tot", "Tot en met datum", "date"],
            ] as const
          ).map(([name, label, type]) => (
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for={`fg-${name}`}>
                {label}
              </label>
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                id={`fg-${name}`}
                name={name}
                type={type}
                value={f[name]}
              />
            </div>
          ))}
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Zoeken
          </button>
        </form>
        <p class="utrecht-paragraph">
          {formatCount(list.length)} verstrekkingen gevonden
          {list.length > shown.length ? `; de nieuwste ${shown.length} staan hieronder` : ""}.{" "}
          <a class="utrecht-link utrecht-link--html-a" href={`/fg/register.csv${query ? `?${query}` : ""}`}>
            Download als CSV
          </a>
        </p>
        {shown.length > 0 && (
          <div class="dh-table-scroll">
            <table class="utrecht-table dh-table">
              <caption class="utrecht-table__caption">Verstrekkingen, nieuwste eerst</caption>
              <TableHead
                labels={[
                  "Nr.",
                  "Tijdstip (UTC)",
                  "Soort",
                  "Gebruiker",
                  "Rollen",
                  "Doel",
                  "Grondslag",
                  "Wat",
                  "Gebieden",
                  "Gevoeligheid",
                  "Aantal",
                ]}
                numeric={["Aantal"]}
              />
              <tbody class="utrecht-table__body">
                {shown.map((e) => (
                  <tr class="utrecht-table__row">
                    <td class={numClass}>{e.seq}</td>
                    <td class="utrecht-table__cell">{e.at.slice(0, 19).replace("T", " ")}</td>
                    <td class="utrecht-table__cell">{e.kind}</td>
                    <td class="utrecht-table__cell">{e.user}</td>
                    <td class="utrecht-table__cell">{e.roles.join(", ")}</td>
                    <td class="utrecht-table__cell">{e.purpose ?? ""}</td>
                    <td class="utrecht-table__cell">{e.legalBasis ?? ""}</td>
                    <td class="utrecht-table__cell">{e.what}</td>
                    <td class="utrecht-table__cell">{e.areas.join(", ")}</td>
                    <td class="utrecht-table__cell">{SENSITIVITY_LABELS[e.sensitivity] ?? e.sensitivity}</td>
                    <td class={numClass}>{formatCount(e.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>,
    );
  });
}
