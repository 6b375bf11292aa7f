// The beheerder's import page: upload a file of reference data (areas, population, police
// indeling, addresses, classification) or a delivery of registrations or CBS figures; it loads in
// the background (import-jobs.ts, one job per kind at a time) through the CLI's own import code,
// and its status page shows the progress: a <progress> element with text in a polite live
// region, refreshed by htmx polling, and without JavaScript by a link that reloads the page.
// When done: the counts, and a link to the delivery and its quarantine.
// The start is registered when the job ends (gate.administer around the work); a look at the
// status page is registered, and so is the poll that brings the outcome; the polls while the job
// runs (every second, a percentage and a line of text) are not, so they do not flood the register.

import type { Child } from "hono/jsx";
import { localToday } from "../../agreements/calendar.ts";
import { Alert } from "../../render/alert.tsx";
import { formatCount } from "../../render/format-nl.ts";
import { headClass } from "../../render/table-classes.ts";
import { TableHead } from "../../render/table-head.tsx";
import { formText } from "../form-fields.ts";
import { CSRF_FIELD } from "../middleware/csrf/csrf.ts";
import { errorPage, sendPage } from "../pages.tsx";
import {
  type BeheerApp,
  type BeheerContext,
  type BeheerDataDeps,
  BeheerNav,
  describeFailure,
  formFile,
  saveUpload,
} from "./beheer-data-shared.tsx";
import { createJobRegistry, type Job, percentDone } from "./import-jobs.ts";
import {
  AREA_IMPORT_LEVELS,
  IMPORT_KINDS,
  type ImportKind,
  type ImportOutcome,
  type ImportRequest,
  runImport,
} from "./import-jobs-work.ts";

/** How often the status page asks for the progress, with JavaScript. */
const POLL = "every 1s";
const SOURCE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const JOB_ID = /^[A-Za-z0-9-]{1,64}$/;

const dateTime = new Intl.DateTimeFormat("nl-NL", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "Europe/Amsterdam",
});

const isKind = (k: string): k is ImportKind => Object.hasOwn(IMPORT_KINDS, k);

interface FormValues {
  soort: string;
  bron: string;
  niveau: string;
  jaar: string;
}

/** The request the form describes, or what is wrong with it (in Dutch). */
export function importRequestOf(v: FormValues, thisYear: number): ImportRequest | { problem: string } {
  if (!isKind(v.soort)) return { problem: "kies wat u importeert" };
  const kind = v.soort;
  const year = v.jaar === "" ? null : Number(v.jaar);
  if (year !== null && !(Number.isInteger(year) && year >= 1900 && year <= 2100)) {
    return { problem: `jaar "${v.jaar}" is geen jaartal` };
  }
  switch (kind) {
    case "levering":
      return SOURCE.test(v.bron)
        ? { kind, source: v.bron }
        : {
            problem:
              "vul de bron in: kleine letters, cijfers, punt, streepje of liggend streepje, bijvoorbeeld politie-oost-nederland",
          };
    case "gebieden": {
      const level = AREA_IMPORT_LEVELS.find((l) => l === v.niveau);
      if (!level) return { problem: `kies het niveau van de gebieden (${AREA_IMPORT_LEVELS.join(", ")})` };
      if (year === null) return { problem: "vul het jaar van de gebiedsindeling in" };
      return { kind, level, year };
    }
    case "bevolking":
      return year === null ? { problem: "vul het peiljaar van de inwoneraantallen in" } : { kind, year };
    case "indeling":
      return { kind, year: year ?? thisYear };
    default:
      return { kind };
  }
}

/** The progress block: polled by htmx while the job runs; the status 286 tells htmx to stop. */
function JobProgress({ job }: { job: Job<ImportOutcome> }) {
  const pct = percentDone(job);
  return (
    <>
      <progress
        class="dh-progress"
        id="import-progress"
        max="100"
        value={String(pct)}
        aria-label="Voortgang van de import"
      >
        {pct}%
      </progress>
      <p class="utrecht-paragraph">
        <strong>
          {job.state === "bezig" ? `Bezig: ${pct}%` : job.state === "klaar" ? "Klaar" : "Mislukt"}
        </strong>
        . {job.state === "bezig" ? job.progress.text : ""}
      </p>
      {job.state === "bezig" && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link utrecht-link--html-a" href={`/beheer/import/${job.id}`}>
            Voortgang bijwerken
          </a>
        </p>
      )}
      {job.state === "mislukt" && (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <p class="utrecht-paragraph">{job.error}</p>
          <p class="utrecht-paragraph">
            {job.kind === "levering"
              ? "Alleen de mislukte levering is vastgelegd; verder is er niets veranderd."
              : "Er is niets veranderd. Verbeter het bestand en importeer het opnieuw."}
          </p>
        </div>
      )}
      {job.state === "klaar" && job.result && <JobResult result={job.result} />}
    </>
  );
}

function JobResult({ result }: { result: ImportOutcome }) {
  if (result.kind === "levering") {
    const c = result.counts;
    const link = (
      <a class="utrecht-link utrecht-link--html-a" href={`/beheer/leveringen/${result.deliveryId}`}>
        Naar levering {result.deliveryId} en de regels in quarantaine
      </a>
    );
    return result.outcome === "duplicate" ? (
      <p class="utrecht-paragraph">
        Dit bestand is al eerder geladen als levering {result.deliveryId}. Er is niets veranderd. {link}
      </p>
    ) : (
      <>
        <p class="utrecht-paragraph">
          Geladen als levering {result.deliveryId}: {formatCount(c.read)} regels gelezen,{" "}
          {formatCount(c.inserted)} nieuw, {formatCount(c.updated)} bijgewerkt, {formatCount(c.unchanged)}{" "}
          ongewijzigd
          {c.aggregates > 0 ? `, ${formatCount(c.aggregates)} tabelcellen` : ""}, {formatCount(c.quarantined)}{" "}
          in quarantaine.
        </p>
        <p class="utrecht-paragraph">{link}</p>
      </>
    );
  }
  return (
    <>
      <p class="utrecht-paragraph">
        {formatCount(result.loaded)} geladen
        {result.problems.length > 0 ? `, ${formatCount(result.problems.length)} niet geladen` : ""}.
      </p>
      {result.problems.length > 0 && (
        <ul class="utrecht-unordered-list">
          {result.problems.slice(0, 50).map((p) => (
            <li class="utrecht-unordered-list__item">{p}</li>
          ))}
          {result.problems.length > 50 && (
            <li class="utrecht-unordered-list__item">… en {formatCount(result.problems.length - 50)} meer</li>
          )}
        </ul>
      )}
    </>
  );
}

export function registerBeheerImportRoutes(app: BeheerApp, deps: BeheerDataDeps): void {
  const jobs =
    deps.importJobs ?? createJobRegistry<ImportOutcome>({ now: deps.now, describeError: describeFailure });

  const formPage = async (
    c: BeheerContext,
    values: FormValues = { soort: "", bron: "", niveau: "", jaar: "" },
    error: string | null = null,
    status: 200 | 400 | 409 = 200,
  ) => {
    const csrf = c.get("session")?.csrf ?? "";
    // The recent jobs (files, who, when, state) are a look like any other: registered.
    const { data: recent } = await deps.gate.administer(
      { requester: c.get("requester"), what: "imports" },
      async () => jobs.list().slice(0, 10),
    );
    const field = (id: string, label: string, input: Child, hint?: string) => (
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
        {hint && (
          <p class="utrecht-form-field-description" id={`${id}-uitleg`}>
            {hint}
          </p>
        )}
        {input}
      </div>
    );
    return sendPage(
      c,
      "Importeren",
      <>
        <BeheerNav current="/beheer/import" />
        <h1 class="utrecht-heading-1">Importeren</h1>
        <Alert error={error} />
        <p class="utrecht-paragraph">
          Laad referentiegegevens of een levering uit een bestand. Het laden gebeurt op de achtergrond; u ziet
          de voortgang. Regels met een fout worden niet geladen en krijgen een reden. Een bestand dat niet te
          lezen is, verandert niets.
        </p>
        <form method="post" action="/beheer/import" enctype="multipart/form-data" class="dh-form">
          <input type="hidden" name={CSRF_FIELD} value={csrf} />
          {field(
            "import-soort",
            "Wat importeert u?",
            <select
              class="utrecht-select utrecht-select--html-select"
              id="import-soort"
              name="soort"
              required
            >
              <option value="">Kies…</option>
              {(Object.entries(IMPORT_KINDS) as [ImportKind, string][]).map(([k, label]) => (
                <option value={k} selected={values.soort === k}>
                  {label}
                </option>
              ))}
            </select>,
          )}
          {field(
            "import-bron",
            "Bron (alleen bij een levering)",
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              id="import-bron"
              name="bron"
              type="text"
              value={values.bron}
              aria-describedby="import-bron-uitleg"
            />,
            "Bijvoorbeeld politie-oost-nederland of cbs.",
          )}
          {field(
            "import-niveau",
            "Niveau (alleen bij gebiedsgrenzen)",
            <select class="utrecht-select utrecht-select--html-select" id="import-niveau" name="niveau">
              <option value="">Kies…</option>
              {AREA_IMPORT_LEVELS.map((l) => (
                <option value={l} selected={values.niveau === l}>
                  {l}
                </option>
              ))}
            </select>,
          )}
          {field(
            "import-jaar",
            "Jaar (bij gebiedsgrenzen, inwoners en politie-indeling)",
            <input
              class="utrecht-textbox utrecht-textbox--html-input dh-year-input"
              id="import-jaar"
              name="jaar"
              type="text"
              inputmode="numeric"
              value={values.jaar}
              aria-describedby="import-jaar-uitleg"
            />,
            "Het jaar van de gebiedsindeling of het peiljaar (1 januari), bijvoorbeeld 2026.",
          )}
          {field(
            "import-bestand",
            "Bestand (hoogstens 50 MB)",
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              id="import-bestand"
              name="bestand"
              type="file"
              accept=".csv,.txt,.json,.geojson"
              required
            />,
          )}
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Importeren
          </button>
        </form>
        {recent.length > 0 && (
          <>
            <h2 class="utrecht-heading-2">Recente imports</h2>
            <div class="dh-table-scroll">
              <table class="utrecht-table dh-table dh-beheer-table">
                <caption class="utrecht-table__caption">
                  Imports sinds de start van de server, de nieuwste eerst
                </caption>
                <TableHead labels={["Import", "Gestart", "Door", "Status"]} />
                <tbody class="utrecht-table__body">
                  {recent.map((j) => (
                    <tr class="utrecht-table__row">
                      <th class={headClass} scope="row">
                        <a class="utrecht-link utrecht-link--html-a" href={`/beheer/import/${j.id}`}>
                          {j.label}
                        </a>
                      </th>
                      <td class="utrecht-table__cell">{dateTime.format(j.startedAt)}</td>
                      <td class="utrecht-table__cell">{j.user}</td>
                      <td class="utrecht-table__cell">
                        {j.state === "bezig" ? `bezig (${percentDone(j)}%)` : j.state}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </>,
      status,
    );
  };

  app.get("/beheer/import", (c) => formPage(c));

  app.post("/beheer/import", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const values: FormValues = {
      soort: formText(body, "soort"),
      bron: formText(body, "bron"),
      niveau: formText(body, "niveau"),
      jaar: formText(body, "jaar"),
    };
    const req = importRequestOf(values, Math.floor(localToday(deps.now()) / 10000));
    if ("problem" in req) return formPage(c, values, `Niet gestart: ${req.problem}.`, 400);
    const file = formFile(body, "bestand");
    if (!file) return formPage(c, values, "Niet gestart: kies een bestand.", 400);
    const running = jobs.list().find((j) => j.kind === req.kind && j.state === "bezig");
    if (running) {
      return formPage(
        c,
        values,
        `Niet gestart: er loopt al een import van deze soort (${running.label}).`,
        409,
      );
    }
    const upload = await saveUpload(deps.uploadDir, file);
    const requester = c.get("requester");
    const started = jobs.start(
      { kind: req.kind, label: `${upload.name} (${req.kind})`, user: requester.user },
      async (report) => {
        try {
          const { data } = await deps.gate.administer(
            { requester, what: `import-${req.kind}:${upload.name}` },
            () =>
              runImport(
                req,
                upload.path,
                { store: deps.store, now: deps.now, describe: describeFailure },
                report,
              ),
            { count: (r) => (r.kind === "levering" ? r.counts.read : r.loaded) },
          );
          // A delivery loaded before changes nothing; anything else is new data.
          if (data.kind !== "levering" || data.outcome === "loaded") deps.dataLoaded?.();
          return data;
        } catch (err) {
          // In Dutch, naming the file by its own name, the line and the field.
          throw new Error(describeFailure(err), { cause: err });
        } finally {
          await upload.remove();
        }
      },
    );
    if ("busy" in started) {
      await upload.remove();
      return formPage(
        c,
        values,
        `Niet gestart: er loopt al een import van deze soort (${started.busy.label}).`,
        409,
      );
    }
    return c.redirect(`/beheer/import/${started.started.id}`, 303);
  });

  const findJob = (c: BeheerContext) => {
    const id = c.req.param("id") ?? "";
    return JOB_ID.test(id) ? jobs.get(id) : undefined;
  };

  app.get("/beheer/import/:id", async (c) => {
    const job = findJob(c);
    if (!job) {
      return errorPage(c, 404, {
        heading: "Deze import is niet bekend",
        message:
          "Imports worden bewaard zolang de server draait. Bekijk de leveringen of begin een nieuwe import.",
        link: { href: "/beheer/import", label: "Naar importeren" },
      });
    }
    await deps.gate.administer(
      { requester: c.get("requester"), what: `import-taak:${job.id}` },
      async () => ({
        id: job.id,
        state: job.state,
      }),
    );
    const polling =
      job.state === "bezig"
        ? { "hx-get": `/beheer/import/${job.id}/voortgang`, "hx-trigger": POLL, "hx-swap": "innerHTML" }
        : {};
    return sendPage(
      c,
      `Import ${job.label}`,
      <>
        <BeheerNav current="/beheer/import" />
        <h1 class="utrecht-heading-1">Import {job.label}</h1>
        <p class="utrecht-paragraph">
          Gestart op {dateTime.format(job.startedAt)} door {job.user}.
        </p>
        <div id="import-voortgang" class="dh-job" aria-live="polite" {...polling}>
          <JobProgress job={job} />
        </div>
        <p class="utrecht-paragraph">
          <a class="utrecht-link utrecht-link--html-a" href="/beheer/import">
            Nog een bestand importeren
          </a>
        </p>
      </>,
      200,
      { htmx: true },
    );
  });

  app.get("/beheer/import/:id/voortgang", async (c) => {
    const job = findJob(c);
    c.header("Cache-Control", "no-store");
    if (!job)
      return c.html('<p class="utrecht-paragraph">Deze import is niet (meer) bekend.</p>', 286 as 200);
    if (job.state === "bezig") return c.html(<JobProgress job={job} />);
    // The last answer shows the outcome (counts, the delivery): registered, like the status page.
    await deps.gate.administer(
      { requester: c.get("requester"), what: `import-taak:${job.id}` },
      async () => ({
        id: job.id,
        state: job.state,
      }),
    );
    return c.html(<JobProgress job={job} />, 286 as 200);
  });
}
