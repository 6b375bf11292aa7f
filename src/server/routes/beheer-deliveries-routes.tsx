// The beheerder's delivery pages: every delivery (source, file, when, rows loaded and quarantined,
// hash), newest first; per delivery its quarantine (line, field, reason), paged and as CSV; and a
// reload after a fix: a corrected file is loaded as a new delivery through the same ingest code
// (good rows load, bad rows go to quarantine, a repeated file changes nothing, a failed load only
// records the failure).
// A quarantined row is a raw line of the source: for a police registration that is content
// (persons, free text). As with `driehoek quarantaine`, the beheerder sees line, field and reason;
// the raw line only a beheerder who is also police, the data's own processor.

import type { Delivery, QuarantineEntry } from "../../domain/delivery.ts";
import { hasPoliceRole } from "../../domain/roles.ts";
import { ingestFile } from "../../ingest/ingest-file.ts";
import { Alert } from "../../render/alert.tsx";
import { formatCount } from "../../render/format-nl.ts";
import { headClass, numClass, numHeadClass } from "../../render/table-classes.ts";
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
  saveUpload,
} from "./beheer-data-shared.tsx";

export const DELIVERIES_PER_PAGE = 50;
export const QUARANTINE_PER_PAGE = 100;

const dateTime = new Intl.DateTimeFormat("nl-NL", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/Amsterdam",
});

/** The file's own name, without the folder it was loaded from. */
export function shownFileName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}

/** Rows that were taken in: new, updated, unchanged registrations and table cells. */
export function rowsLoaded(d: Delivery): number {
  const c = d.counts;
  return c.inserted + c.updated + c.unchanged + c.aggregates;
}

/** "1", "2" … from ?pagina=; 1 when absent or not a page number. */
function pageParam(c: BeheerContext): number {
  const n = Number(c.req.query("pagina") ?? "1");
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

export function Pager({ page, pages, href }: { page: number; pages: number; href: (p: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav class="dh-pager" aria-label="Pagina's">
      <p class="utrecht-paragraph">
        Pagina {page} van {pages}
        {page > 1 && (
          <>
            {" · "}
            <a class="utrecht-link utrecht-link--html-a" href={href(page - 1)}>
              Vorige pagina
            </a>
          </>
        )}
        {page < pages && (
          <>
            {" · "}
            <a class="utrecht-link utrecht-link--html-a" href={href(page + 1)}>
              Volgende pagina
            </a>
          </>
        )}
      </p>
    </nav>
  );
}

/** One value of a CSV line (semicolon-separated, as Dutch spreadsheets expect). */
function csvValue(v: string | number | null): string {
  const s = v === null ? "" : String(v);
  // A leading = + - @ would be a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[;"\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function quarantineCsv(entries: readonly QuarantineEntry[], withRaw: boolean): string {
  const head = ["regel", "veld", "reden", ...(withRaw ? ["regel zoals geleverd"] : [])];
  const lines = entries.map((e) =>
    [e.line, e.field, e.reason, ...(withRaw ? [e.raw] : [])].map(csvValue).join(";"),
  );
  return `\ufeff${[head.join(";"), ...lines].join("\r\n")}\r\n`;
}

type Notice = { ok?: string; error?: string; link?: { href: string; label: string } };

export function registerBeheerDeliveryRoutes(app: BeheerApp, deps: BeheerDataDeps): void {
  const administer = <T,>(c: BeheerContext, what: string, work: () => Promise<T>, count?: (d: T) => number) =>
    deps.gate
      .administer({ requester: c.get("requester"), what }, work, count ? { count } : undefined)
      .then((r) => r.data);
  // A quarantined raw line only for a beheerder who is also police (as `driehoek ingest` shows it).
  const isPolice = (c: BeheerContext) => hasPoliceRole(c.get("requester").roles);

  app.get("/beheer/leveringen", async (c) => {
    const all = await administer(c, "leveringen", () => deps.store.deliveries());
    const list = [...all].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || b.id - a.id);
    const pages = Math.max(1, Math.ceil(list.length / DELIVERIES_PER_PAGE));
    const page = Math.min(pageParam(c), pages);
    const shown = list.slice((page - 1) * DELIVERIES_PER_PAGE, page * DELIVERIES_PER_PAGE);
    return sendPage(
      c,
      "Leveringen",
      <>
        <BeheerNav current="/beheer/leveringen" />
        <h1 class="utrecht-heading-1">Leveringen</h1>
        <p class="utrecht-paragraph">
          Elk bestand dat driehoek ontving, het nieuwste eerst. Open een levering om de regels in quarantaine
          te zien: regels die niet geladen zijn, met de reden. Een nieuw bestand laden kan via{" "}
          <a class="utrecht-link utrecht-link--html-a" href="/beheer/import">
            importeren
          </a>
          .
        </p>
        {list.length === 0 ? (
          <p class="utrecht-paragraph">Er zijn nog geen leveringen.</p>
        ) : (
          <>
            <div class="dh-table-scroll">
              <table class="utrecht-table dh-table dh-beheer-table">
                <caption class="utrecht-table__caption">
                  {formatCount(list.length)} leveringen, het nieuwste eerst
                </caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class={headClass} scope="col">
                      Nummer
                    </th>
                    <th class={headClass} scope="col">
                      Bron
                    </th>
                    <th class={headClass} scope="col">
                      Bestand
                    </th>
                    <th class={headClass} scope="col">
                      Ontvangen
                    </th>
                    <th class={headClass} scope="col">
                      Status
                    </th>
                    <th class={numHeadClass} scope="col">
                      Geladen
                    </th>
                    <th class={numHeadClass} scope="col">
                      In quarantaine
                    </th>
                    <th class={headClass} scope="col">
                      SHA-256 (begin)
                    </th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {shown.map((d) => (
                    <tr class="utrecht-table__row">
                      <th class={headClass} scope="row">
                        <a class="utrecht-link utrecht-link--html-a" href={`/beheer/leveringen/${d.id}`}>
                          Levering {d.id}
                        </a>
                      </th>
                      <td class="utrecht-table__cell">{d.source}</td>
                      <td class="utrecht-table__cell">{shownFileName(d.fileName)}</td>
                      <td class="utrecht-table__cell">{dateTime.format(d.receivedAt)}</td>
                      <td class="utrecht-table__cell">{d.status}</td>
                      <td class={numClass}>{formatCount(rowsLoaded(d))}</td>
                      <td class={numClass}>{formatCount(d.counts.quarantined)}</td>
                      <td class="utrecht-table__cell">
                        <span class="dh-code">{d.sha256.slice(0, 12)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={page} pages={pages} href={(p) => `/beheer/leveringen?pagina=${p}`} />
          </>
        )}
      </>,
    );
  });

  const deliveryPage = async (c: BeheerContext, id: number, notice: Notice = {}, status: 200 | 400 = 200) => {
    const police = isPolice(c);
    const { delivery, entries } = await administer(
      c,
      `levering:${id}`,
      async () => {
        const all = await deps.store.quarantine(id);
        return {
          delivery: await deps.store.delivery(id),
          entries: police ? all : all.map((e) => ({ ...e, raw: "" })),
        };
      },
      (d) => d.entries.length,
    );
    if (!delivery) {
      return errorPage(c, 404, {
        heading: "Deze levering bestaat niet",
        message: `Er is geen levering met nummer ${id}.`,
        link: { href: "/beheer/leveringen", label: "Naar de leveringen" },
      });
    }
    const pages = Math.max(1, Math.ceil(entries.length / QUARANTINE_PER_PAGE));
    const page = Math.min(pageParam(c), pages);
    const shown = entries.slice((page - 1) * QUARANTINE_PER_PAGE, page * QUARANTINE_PER_PAGE);
    const counts = delivery.counts;
    const facts: [string, string][] = [
      ["Bron", delivery.source],
      ["Bestand", shownFileName(delivery.fileName)],
      ["Ontvangen", dateTime.format(delivery.receivedAt)],
      ["Formaat", delivery.format],
      ["Status", delivery.status],
      ["Grootte", `${formatCount(delivery.bytes)} bytes`],
      ["SHA-256", delivery.sha256],
      ["Gelezen", formatCount(counts.read)],
      ["Nieuw", formatCount(counts.inserted)],
      ["Bijgewerkt", formatCount(counts.updated)],
      ["Ongewijzigd", formatCount(counts.unchanged)],
      ["Tabelcellen", formatCount(counts.aggregates)],
      ["In quarantaine", formatCount(counts.quarantined)],
      ["Niet in een gebied geplaatst", formatCount(counts.unplaced)],
      ...(delivery.error ? ([["Fout", delivery.error]] as [string, string][]) : []),
    ];
    const csrf = c.get("session")?.csrf ?? "";
    return sendPage(
      c,
      `Levering ${delivery.id}`,
      <>
        <BeheerNav current="/beheer/leveringen" />
        <h1 class="utrecht-heading-1">Levering {delivery.id}</h1>
        <Alert error={notice.error} ok={notice.ok} />
        {notice.link && (
          <p class="utrecht-paragraph">
            <a class="utrecht-link utrecht-link--html-a" href={notice.link.href}>
              {notice.link.label}
            </a>
          </p>
        )}
        <Facts facts={facts} />
        <h2 class="utrecht-heading-2">Regels in quarantaine</h2>
        {entries.length === 0 ? (
          <p class="utrecht-paragraph">Deze levering heeft geen regels in quarantaine.</p>
        ) : (
          <>
            <p class="utrecht-paragraph">
              {police
                ? "U ziet ook de regel zoals die geleverd is: u bent van de politie."
                : "U ziet waar de fout zit en waarom. De regel zelf ziet alleen de politie: die kan persoonsgegevens bevatten."}{" "}
              <a
                class="utrecht-link utrecht-link--html-a"
                href={`/beheer/leveringen/${delivery.id}/quarantaine.csv`}
              >
                Download alle {formatCount(entries.length)} regels als CSV
              </a>
            </p>
            <div class="dh-table-scroll">
              <table class="utrecht-table dh-table dh-beheer-table">
                <caption class="utrecht-table__caption">
                  {formatCount(entries.length)} regels in quarantaine
                  {pages > 1 ? `, pagina ${page} van ${pages}` : ""}
                </caption>
                <TableHead
                  labels={["Regel", "Veld", "Reden", ...(police ? ["Regel zoals geleverd"] : [])]}
                  numeric={["Regel"]}
                />
                <tbody class="utrecht-table__body">
                  {shown.map((e) => (
                    <tr class="utrecht-table__row">
                      <th class={numHeadClass} scope="row">
                        {e.line === 0 ? "hele bestand" : e.line}
                      </th>
                      <td class="utrecht-table__cell">{e.field ?? "hele regel"}</td>
                      <td class="utrecht-table__cell">{e.reason}</td>
                      {police && (
                        <td class="utrecht-table__cell">
                          <code class="dh-raw-line">{e.raw}</code>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={page} pages={pages} href={(p) => `/beheer/leveringen/${delivery.id}?pagina=${p}`} />
          </>
        )}
        <h2 class="utrecht-heading-2">Verbeterd bestand laden</h2>
        <p class="utrecht-paragraph">
          Is het bestand verbeterd? Laad het hier als nieuwe levering van bron {delivery.source}. Goede regels
          worden geladen, regels met een fout gaan weer in quarantaine. Een bestand dat al eerder geladen is,
          verandert niets.
        </p>
        <form
          method="post"
          action={`/beheer/leveringen/${delivery.id}/opnieuw`}
          enctype="multipart/form-data"
          class="dh-form"
        >
          <input type="hidden" name={CSRF_FIELD} value={csrf} />
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="opnieuw-bestand">
              Verbeterd bestand (CSV of JSON, hoogstens 50 MB)
            </label>
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              id="opnieuw-bestand"
              name="bestand"
              type="file"
              accept=".csv,.txt,.json"
              required
            />
          </div>
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Bestand laden
          </button>
        </form>
      </>,
      status,
    );
  };

  const deliveryId = (c: BeheerContext) => {
    const text = c.req.param("id") ?? "";
    return /^\d{1,9}$/.test(text) ? Number(text) : null;
  };
  const notFound = (c: BeheerContext) =>
    errorPage(c, 404, {
      heading: "Deze levering bestaat niet",
      message: "Kies een levering uit de lijst.",
      link: { href: "/beheer/leveringen", label: "Naar de leveringen" },
    });

  app.get("/beheer/leveringen/:id", async (c) => {
    const id = deliveryId(c);
    return id === null ? notFound(c) : deliveryPage(c, id);
  });

  app.get("/beheer/leveringen/:id/quarantaine.csv", async (c) => {
    const id = deliveryId(c);
    if (id === null) return notFound(c);
    const police = isPolice(c);
    const { delivery, entries } = await administer(
      c,
      `quarantaine-csv:${id}`,
      async () => ({ delivery: await deps.store.delivery(id), entries: await deps.store.quarantine(id) }),
      (d) => d.entries.length,
    );
    if (!delivery) return notFound(c);
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="quarantaine-levering-${id}.csv"`);
    c.header("Cache-Control", "no-store");
    return c.body(quarantineCsv(entries, police));
  });

  app.post("/beheer/leveringen/:id/opnieuw", async (c) => {
    const id = deliveryId(c);
    if (id === null) return notFound(c);
    const original = await deps.store.delivery(id);
    if (!original) return notFound(c);
    const file = formFile(await c.req.parseBody({ all: true }), "bestand");
    if (!file) return deliveryPage(c, id, { error: "Niet geladen: kies eerst een bestand." }, 400);
    const upload = await saveUpload(deps.uploadDir, file);
    try {
      const { outcome } = await administer(
        c,
        `levering-opnieuw:${id}:${upload.name}`,
        () => ingestFile(upload.path, { source: original.source }, { store: deps.store, now: deps.now }),
        (r) => (r.outcome.kind === "loaded" ? rowsLoaded(r.outcome.delivery) : 0),
      );
      const d = outcome.delivery;
      const link = { href: `/beheer/leveringen/${d.id}`, label: `Naar levering ${d.id}` };
      if (outcome.kind === "duplicate") {
        return deliveryPage(c, id, {
          ok: `Dit bestand is al geladen als levering ${d.id} (${dateTime.format(d.receivedAt)}). Er is niets veranderd.`,
          link: d.id === id ? undefined : link,
        });
      }
      if (outcome.kind === "failed") {
        return deliveryPage(
          c,
          id,
          {
            error: `Levering ${d.id} is mislukt: ${describeFailure(outcome.error)}. Er is niets geladen.`,
            link,
          },
          400,
        );
      }
      deps.dataLoaded?.();
      const cnt = d.counts;
      return deliveryPage(c, id, {
        ok:
          `${upload.name} is geladen als levering ${d.id}: ${formatCount(cnt.read)} regels gelezen, ` +
          `${formatCount(rowsLoaded(d))} geladen (${formatCount(cnt.inserted)} nieuw, ${formatCount(cnt.updated)} bijgewerkt), ` +
          `${formatCount(cnt.quarantined)} in quarantaine.`,
        link,
      });
    } finally {
      await upload.remove();
    }
  });
}
