// The beheerder's agreement pages: the current informatieafspraak of each gemeente with its
// version, parties, products, schedule, next delivery day and evaluation date (overdue and
// upcoming evaluations flagged); per agreement its check against what exists now (problems in
// Dutch) and its version history; and saving a new version from an uploaded JSON file through the
// same check as `driehoek afspraak bewaar`. Agreements hold no police data: dates, parties,
// products and user ids.

import { type Agreement, AgreementInvalid, type AgreementItem } from "../../agreements/agreement.ts";
import { agreementPermissionProblem } from "../../agreements/agreement-permission.ts";
import { agreementHistory, currentAgreements, saveAgreement } from "../../agreements/agreement-store.ts";
import { periodKindOf } from "../../agreements/cadence.ts";
import {
  addDays,
  dayLabelNl,
  type HolidayPredicate,
  isoDateToDay,
  localToday,
} from "../../agreements/calendar.ts";
import { type DueEvaluation, dueEvaluations, evaluationText } from "../../agreements/evaluations.ts";
import { isHoliday, loadHolidayConfig } from "../../agreements/holidays.ts";
import { deliveryDayOf, lastCompleteOf } from "../../agreements/schedule.ts";
import { checkAgreement } from "../../agreements/validate-agreement.ts";
import type { AreaSummary } from "../../domain/area.ts";
import { InputError } from "../../domain/errors.ts";
import { productById } from "../../products/catalog.ts";
import { Alert } from "../../render/alert.tsx";
import { headClass } from "../../render/table-classes.ts";
import { TableHead } from "../../render/table-head.tsx";
import { CSRF_FIELD } from "../middleware/csrf/csrf.ts";
import { errorPage, sendPage } from "../pages.tsx";
import {
  type BeheerApp,
  type BeheerContext,
  type BeheerDataDeps,
  BeheerNav,
  describeFailure,
  Facts,
  formFile,
} from "./beheer-data-shared.tsx";

/**
 * The next day (yyyymmdd) on or after `today` on which the item is to be delivered, or null when
 * its cadence is not scheduled ("op-verzoek" …). A delivery day before `geldigVanaf` does not count.
 */
export function nextDeliveryDay(
  item: Pick<AgreementItem, "cadans" | "dagVanLevering">,
  geldigVanaf: number,
  today: number,
  isHolidayDay?: HolidayPredicate,
): number | null {
  const kind = periodKindOf(item.cadans);
  if (!kind) return null;
  let period = lastCompleteOf(kind, today);
  for (let guard = 0; guard < 400; guard++) {
    const day = deliveryDayOf(item, period, isHolidayDay);
    if (day >= today && day >= geldigVanaf) return day;
    // The period after: the last complete one seen from the day after its end.
    let next = period;
    for (let d = addDays(period.days.to, 1); next.id === period.id; d = addDays(d, 1)) {
      next = lastCompleteOf(kind, d);
    }
    period = next;
  }
  return null;
}

/** The area's name and code, "Voorbeeldstad (GM9001)", or the code alone. */
function areaLabel(areas: readonly AreaSummary[], code: string): string {
  const a = areas.filter((x) => x.code === code).sort((x, y) => y.year - x.year)[0];
  return a ? `${a.name} (${code})` : code;
}

function itemSchedule(item: AgreementItem): string {
  return periodKindOf(item.cadans)
    ? `${item.cadans}, op de ${item.dagVanLevering}e werkdag na de periode`
    : `${item.cadans} (niet ingepland)`;
}

function EvaluationFlag({ due }: { due: DueEvaluation | undefined }) {
  if (!due) return null;
  return due.status === "verlopen" ? (
    <strong class="dh-flag dh-flag--overdue">Evaluatie verlopen ({evaluationText(due)})</strong>
  ) : (
    <strong class="dh-flag dh-flag--soon">Evaluatie binnenkort ({evaluationText(due)})</strong>
  );
}

/** The check of an agreement against the store and registry now: problems and warnings, in Dutch. */
type Check = { problems: string[]; warnings: string[] };

export function registerBeheerAgreementRoutes(app: BeheerApp, deps: BeheerDataDeps): void {
  const holiday = deps.isHoliday ?? isHoliday(loadHolidayConfig());
  const administer = <T,>(c: BeheerContext, what: string, work: () => Promise<T>) =>
    deps.gate.administer({ requester: c.get("requester"), what }, work).then((r) => r.data);

  const check = (
    agreement: Agreement,
    areas: readonly AreaSummary[],
    users: Parameters<typeof checkAgreement>[1]["users"],
  ): Check => {
    try {
      return {
        problems: [],
        warnings: checkAgreement(agreement, { registry: deps.registry, areas, users }).warnings,
      };
    } catch (err) {
      if (err instanceof AgreementInvalid)
        return {
          problems: err.problems.map((p) => `${p.path || "de afspraak"}: ${p.message}`),
          warnings: [],
        };
      throw err;
    }
  };
  const nextOf = (a: Agreement, today: number) =>
    a.producten
      .map((item) => nextDeliveryDay(item, isoDateToDay(a.geldigVanaf), today, holiday))
      .filter((d): d is number => d !== null)
      .sort((x, y) => x - y)[0] ?? null;

  type Notice = { ok?: string; error?: string; problems?: string[]; warnings?: string[] };

  const listPage = async (c: BeheerContext, notice: Notice = {}, status: 200 | 400 = 200) => {
    const { agreements, unreadable, areas, users } = await administer(c, "afspraken", async () => ({
      ...(await currentAgreements(deps.store)),
      areas: await deps.store.listAreas(),
      users: await deps.store.users(),
    }));
    const now = deps.now();
    const today = localToday(now);
    const due = new Map(
      dueEvaluations(
        agreements.map((s) => s.agreement),
        now,
      ).map((e) => [e.gemeente, e]),
    );
    const csrf = c.get("session")?.csrf ?? "";
    return sendPage(
      c,
      "Informatieafspraken",
      <>
        <BeheerNav current="/beheer/afspraken" />
        <h1 class="utrecht-heading-1">Informatieafspraken</h1>
        <Alert error={notice.error} ok={notice.ok} />
        <Problems problems={notice.problems} warnings={notice.warnings} />
        <p class="utrecht-paragraph">
          De geldende afspraak van elke gemeente: welke producten, hoe vaak en wanneer de volgende levering
          is. Een afspraak wordt geëvalueerd op de evaluatiedatum; 30 dagen ervoor staat hier
          &quot;binnenkort&quot;.
        </p>
        {unreadable.length > 0 && (
          <div class="utrecht-alert utrecht-alert--warning" role="status">
            <p class="utrecht-paragraph">Deze afspraken zijn niet meer te lezen:</p>
            <ul class="utrecht-unordered-list">
              {unreadable.map((u) => (
                <li class="utrecht-unordered-list__item">
                  {u.gemeente}: {u.reason}
                </li>
              ))}
            </ul>
          </div>
        )}
        {agreements.length === 0 ? (
          <p class="utrecht-paragraph">Er zijn nog geen informatieafspraken.</p>
        ) : (
          <div class="dh-table-scroll">
            <table class="utrecht-table dh-table dh-beheer-table">
              <caption class="utrecht-table__caption">Geldende informatieafspraken per gemeente</caption>
              <TableHead
                labels={[
                  "Gemeente",
                  "Versie",
                  "Afgesproken met",
                  "Producten en schema",
                  "Volgende levering",
                  "Evaluatie",
                  "Controle",
                ]}
              />
              <tbody class="utrecht-table__body">
                {agreements.map((s) => {
                  const a = s.agreement;
                  const next = nextOf(a, today);
                  const result = check(a, areas, users);
                  return (
                    <tr class="utrecht-table__row">
                      <th class={headClass} scope="row">
                        <a class="utrecht-link utrecht-link--html-a" href={`/beheer/afspraken/${a.gemeente}`}>
                          {areaLabel(areas, a.gemeente)}
                        </a>
                      </th>
                      <td class="utrecht-table__cell">{s.version}</td>
                      <td class="utrecht-table__cell">{a.afgesprokenMet}</td>
                      <td class="utrecht-table__cell">
                        {a.producten.length === 0 ? (
                          "geen producten"
                        ) : (
                          <ul class="utrecht-unordered-list dh-compact-list">
                            {a.producten.map((p) => (
                              <li class="utrecht-unordered-list__item">
                                {productById(p.product)?.title ?? p.product}: {itemSchedule(p)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td class="utrecht-table__cell">{next === null ? "geen" : dayLabelNl(next)}</td>
                      <td class="utrecht-table__cell">
                        {dayLabelNl(isoDateToDay(a.evaluatieOp))} <EvaluationFlag due={due.get(a.gemeente)} />
                      </td>
                      <td class="utrecht-table__cell">
                        {result.problems.length === 0
                          ? "in orde"
                          : `${result.problems.length} ${result.problems.length === 1 ? "probleem" : "problemen"}`}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <h2 class="utrecht-heading-2">Afspraak bewaren</h2>
        <p class="utrecht-paragraph">
          Bewaar een nieuwe of gewijzigde afspraak uit een JSON-bestand (zoals{" "}
          <code>driehoek afspraak toon GM9001 --json</code> het maakt). De afspraak wordt eerst gecontroleerd;
          een eerdere versie blijft altijd bewaard.
        </p>
        <form method="post" action="/beheer/afspraken" enctype="multipart/form-data" class="dh-form">
          <input type="hidden" name={CSRF_FIELD} value={csrf} />
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="afspraak-bestand">
              Afspraak (JSON-bestand)
            </label>
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              id="afspraak-bestand"
              name="bestand"
              type="file"
              accept=".json,application/json"
              required
            />
          </div>
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Afspraak bewaren
          </button>
        </form>
      </>,
      status,
    );
  };

  app.get("/beheer/afspraken", (c) => listPage(c));

  app.post("/beheer/afspraken", async (c) => {
    const file = formFile(await c.req.parseBody({ all: true }), "bestand");
    if (!file) return listPage(c, { error: "Niet bewaard: kies eerst een bestand." }, 400);
    const name = file.name || "afspraak.json";
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (err) {
      return listPage(
        c,
        { error: `Niet bewaard: ${name} is geen geldige JSON (${(err as Error).message}).` },
        400,
      );
    }
    const requester = c.get("requester");
    try {
      const user = await deps.store.user(requester.user);
      const organisation = (await deps.store.organisations()).find((o) => o.id === user?.organisation);
      const gemeente = (json as { gemeente?: unknown })?.gemeente;
      const denied =
        user && typeof gemeente === "string"
          ? agreementPermissionProblem(user, organisation, gemeente.trim().toUpperCase())
          : null;
      if (denied) return listPage(c, { error: `Niet bewaard: ${denied}` }, 400);
      const r = await administer(c, `afspraak-bewaren:${typeof gemeente === "string" ? gemeente : "?"}`, () =>
        saveAgreement(deps.store, deps.registry, json, {
          author: requester.user,
          now: deps.now(),
          file: name,
        }),
      );
      const g = r.stored.agreement.gemeente;
      return listPage(c, {
        ok: r.changed
          ? `De afspraak van ${g} is bewaard als versie ${r.stored.version}.`
          : `De afspraak van ${g} is niet veranderd; versie ${r.stored.version} blijft gelden.`,
        warnings: r.warnings,
      });
    } catch (err) {
      if (err instanceof AgreementInvalid) {
        return listPage(
          c,
          {
            error: `Niet bewaard: de afspraak in ${name} klopt niet.`,
            problems: err.problems.map((p) => `${p.path || "de afspraak"}: ${p.message}`),
          },
          400,
        );
      }
      if (err instanceof InputError)
        return listPage(c, { error: `Niet bewaard: ${describeFailure(err)}` }, 400);
      throw err;
    }
  });

  app.get("/beheer/afspraken/:gemeente", async (c) => {
    const gemeente = (c.req.param("gemeente") ?? "").toUpperCase();
    if (!/^GM\d{4}$/.test(gemeente)) return notFound(c);
    const { history, areas, users } = await administer(c, `afspraak:${gemeente}`, async () => ({
      history: await agreementHistory(deps.store, gemeente).catch((err: unknown) => {
        if (err instanceof InputError) return err;
        throw err;
      }),
      areas: await deps.store.listAreas(),
      users: await deps.store.users(),
    }));
    if (history instanceof InputError) {
      return errorPage(c, 500, {
        heading: "Deze afspraak is niet te lezen",
        message: describeFailure(history),
        link: { href: "/beheer/afspraken", label: "Naar de afspraken" },
      });
    }
    const current = history[history.length - 1];
    if (!current) return notFound(c);
    const a = current.agreement;
    const now = deps.now();
    const today = localToday(now);
    const due = dueEvaluations([a], now)[0];
    const result = check(a, areas, users);
    const dateNl = (d: Date) =>
      new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(d);
    const facts: [string, string][] = [
      ["Versie", String(current.version)],
      ["Bewaard", `${dateNl(current.savedAt)} door ${current.author}`],
      ["Geldig vanaf", dayLabelNl(isoDateToDay(a.geldigVanaf))],
      ["Evaluatie op", dayLabelNl(isoDateToDay(a.evaluatieOp))],
      ["Afgesproken met", a.afgesprokenMet],
      ...(a.grondslag ? ([["Grondslag", a.grondslag]] as [string, string][]) : []),
      ["Lokale afspraak", a.lokaleAfspraak ? "ja" : "nee"],
      ...(a.toelichting ? ([["Toelichting", a.toelichting]] as [string, string][]) : []),
    ];
    return sendPage(
      c,
      `Informatieafspraak ${areaLabel(areas, gemeente)}`,
      <>
        <BeheerNav current="/beheer/afspraken" />
        <h1 class="utrecht-heading-1">Informatieafspraak {areaLabel(areas, gemeente)}</h1>
        <p class="utrecht-paragraph">
          <EvaluationFlag due={due} />
        </p>
        <Facts facts={facts} />
        <h2 class="utrecht-heading-2">Controle</h2>
        {result.problems.length === 0 ? (
          <p class="utrecht-paragraph">
            De afspraak klopt met de gebieden, producten, grondslagen en gebruikers van nu.
          </p>
        ) : (
          <p class="utrecht-paragraph">
            De afspraak klopt niet meer met wat er nu is. Pas haar aan en bewaar een nieuwe versie.
          </p>
        )}
        <Problems problems={result.problems} warnings={result.warnings} />
        <h2 class="utrecht-heading-2">Producten</h2>
        {a.producten.length === 0 ? (
          <p class="utrecht-paragraph">Geen producten: er wordt niets bezorgd.</p>
        ) : (
          <div class="dh-table-scroll">
            <table class="utrecht-table dh-table dh-beheer-table">
              <caption class="utrecht-table__caption">
                Afgesproken producten, met de volgende levering
              </caption>
              <TableHead
                labels={[
                  "Product",
                  "Gebied",
                  "Schema",
                  "Volgende levering",
                  "Formaten",
                  "Aan",
                  "Via",
                  "Doel",
                  "Grondslag",
                ]}
              />
              <tbody class="utrecht-table__body">
                {a.producten.map((p) => {
                  const next = nextDeliveryDay(p, isoDateToDay(a.geldigVanaf), today, holiday);
                  return (
                    <tr class="utrecht-table__row">
                      <th class={headClass} scope="row">
                        {productById(p.product)?.title ?? p.product}
                      </th>
                      <td class="utrecht-table__cell">{areaLabel(areas, p.gebied)}</td>
                      <td class="utrecht-table__cell">{itemSchedule(p)}</td>
                      <td class="utrecht-table__cell">{next === null ? "geen" : dayLabelNl(next)}</td>
                      <td class="utrecht-table__cell">{p.formaten.join(", ")}</td>
                      <td class="utrecht-table__cell">{p.ontvangers.join(", ")}</td>
                      <td class="utrecht-table__cell">
                        {p.kanalen.map((k) => (k === "map" ? `map ${p.map ?? ""}` : k)).join(", ")}
                      </td>
                      <td class="utrecht-table__cell">{p.doel}</td>
                      <td class="utrecht-table__cell">{p.grondslag}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <h2 class="utrecht-heading-2">Versies</h2>
        <div class="dh-table-scroll">
          <table class="utrecht-table dh-table dh-beheer-table">
            <caption class="utrecht-table__caption">Alle versies, de nieuwste eerst</caption>
            <TableHead
              labels={["Versie", "Bewaard op", "Door", "Geldig vanaf", "Evaluatie op", "Producten"]}
            />
            <tbody class="utrecht-table__body">
              {[...history].reverse().map((s) => (
                <tr class="utrecht-table__row">
                  <th class={headClass} scope="row">
                    {s.version}
                  </th>
                  <td class="utrecht-table__cell">{dateNl(s.savedAt)}</td>
                  <td class="utrecht-table__cell">{s.author}</td>
                  <td class="utrecht-table__cell">{dayLabelNl(isoDateToDay(s.agreement.geldigVanaf))}</td>
                  <td class="utrecht-table__cell">{dayLabelNl(isoDateToDay(s.agreement.evaluatieOp))}</td>
                  <td class="utrecht-table__cell">
                    {s.agreement.producten.map((p) => p.product).join(", ") || "geen"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>,
    );
  });

  function notFound(c: BeheerContext) {
    return errorPage(c, 404, {
      heading: "Deze afspraak bestaat niet",
      message: "Deze gemeente heeft (nog) geen informatieafspraak.",
      link: { href: "/beheer/afspraken", label: "Naar de afspraken" },
    });
  }
}

function Problems({ problems = [], warnings = [] }: { problems?: string[]; warnings?: string[] }) {
  if (problems.length === 0 && warnings.length === 0) return null;
  return (
    <>
      {problems.length > 0 && (
        <div class="utrecht-alert utrecht-alert--error">
          <p class="utrecht-paragraph">Wat niet klopt:</p>
          <ul class="utrecht-unordered-list">
            {problems.map((p) => (
              <li class="utrecht-unordered-list__item">{p}</li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div class="utrecht-alert utrecht-alert--warning">
          <p class="utrecht-paragraph">Let op:</p>
          <ul class="utrecht-unordered-list">
            {warnings.map((w) => (
              <li class="utrecht-unordered-list__item">{w}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
