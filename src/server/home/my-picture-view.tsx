// Mijn beeld as a page: per own gemeente the clear changes of the last month and yesterday's
// incidents, then the agreed products that reached the user and the agreements due for
// evaluation. Plain Dutch; every figure links to the product it comes from.

import { dayLabelNl, isoDateToDay } from "../../agreements/calendar.ts";
import { evaluationText } from "../../agreements/evaluations.ts";
import { addMonths } from "../../domain/time.ts";
import { productById } from "../../products/catalog.ts";
import { formatCount } from "../../render/format-nl.ts";
import { Hidden } from "../../render/visually-hidden.tsx";
import { monthlyFiguresHref } from "../pages.tsx";
import { productHref } from "../routes/product-routes.tsx";
import { DEFAULT_MONTHS, trendsHref } from "../trends/trend-params.ts";
import type { ClearChange, GemeentePicture, Made, MyPicture } from "./my-picture.ts";

const AMSTERDAM = "Europe/Amsterdam";

const DAY = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: AMSTERDAM,
});
const TIME = new Intl.DateTimeFormat("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: AMSTERDAM });

/** "3 maart 2026 om 08:15", in Dutch local time. */
export function momentNl(d: Date): string {
  return `${DAY.format(d)} om ${TIME.format(d)}`;
}

const link = (href: string, text: string) => (
  <a class="utrecht-link utrecht-link--html-a" href={href}>
    {text}
  </a>
);

function changeLine(c: ClearChange, monthLabel: string): string {
  const when = c.span === "maand" ? `in ${monthLabel}` : "dit jaar tot nu toe";
  const more = c.verdict === "duidelijk meer" ? "duidelijk meer" : "duidelijk minder";
  return `${c.label}: ${more} ${when}, ${formatCount(c.current)} tegen ${formatCount(c.previous)} een jaar eerder.`;
}

/** A type's change leads to its trend over the last 3 years (the trends page shows single types). */
function TrendLink({ c, area, month }: { c: ClearChange; area: string; month: number }) {
  if (c.code === null || c.code.split(".").length !== 3) return null;
  const href = trendsHref({
    area,
    type: c.code,
    from: addMonths(month, -(DEFAULT_MONTHS - 1)),
    to: month,
    comparison: "vorig-jaar",
  });
  return (
    <a class="utrecht-link utrecht-link--html-a" href={href}>
      Trend<Hidden> van {c.label.toLowerCase()}</Hidden>
    </a>
  );
}

function Refused({ made, what }: { made: Made<unknown>; what: string }) {
  if (made.ok) return null;
  return (
    <>
      {made.needs === "tweede-factor" ? (
        <p class="utrecht-paragraph">
          U krijgt {what} alleen als u inlogt met een tweede factor: een code uit een app op uw telefoon. U
          bent nu ingelogd met alleen een wachtwoord. Heeft u nog geen app voor de code? Vraag de beheerder
          erom.
        </p>
      ) : (
        <p class="utrecht-paragraph">
          U krijgt {what} niet met uw rol en het doel van deze sessie.{" "}
          {link("/doel", "Kies zo nodig een ander doel")}.
        </p>
      )}
      <details class="dh-details">
        <summary>Waarom niet?</summary>
        <p class="utrecht-paragraph">{made.reason}</p>
      </details>
    </>
  );
}

function NewBadge({ show }: { show: boolean }) {
  return show ? <span class="dh-badge">nieuw</span> : null;
}

function Gemeente({ g, headingId }: { g: GemeentePicture; headingId: string }) {
  const figures = g.figures;
  const incidents = g.incidents;
  return (
    <section class="dh-picture-area" aria-labelledby={headingId}>
      <h2 class="utrecht-heading-2" id={headingId}>
        {g.area.name}
      </h2>
      <h3 class="utrecht-heading-3">
        Wat is veranderd in {g.month.label} <NewBadge show={g.newMonth} />
      </h3>
      {figures.ok ? (
        <>
          {figures.value.summary.map((s) => (
            <p class="utrecht-paragraph">{s}</p>
          ))}
          {figures.value.changes.length === 0 ? (
            <p class="utrecht-paragraph">
              Geen soort veranderde duidelijk (meer dan toeval) ten opzichte van een jaar eerder.
            </p>
          ) : (
            <ul
              class="utrecht-unordered-list dh-changes"
              aria-label={`Duidelijke veranderingen in ${g.area.name}`}
            >
              {figures.value.changes.map((c) => (
                <li class="utrecht-unordered-list__item">
                  {changeLine(c, g.month.label)} <TrendLink c={c} area={g.area.code} month={g.month.to} />
                </li>
              ))}
            </ul>
          )}
          <p class="utrecht-paragraph">
            {link(productHref("maandoverzicht", g.area.code, g.month.id), `Maandoverzicht ${g.area.name}`)}
            {" · "}
            {link(monthlyFiguresHref(g.area.code), "Maandcijfers")}
          </p>
        </>
      ) : (
        <Refused made={figures} what="de maandcijfers" />
      )}
      <h3 class="utrecht-heading-3">Incidenten van {g.day.label}</h3>
      {incidents.ok ? (
        <>
          {incidents.value.summary.map((s) => (
            <p class="utrecht-paragraph">{s}</p>
          ))}
          <p class="utrecht-paragraph">
            {link(
              productHref("dagrapport", g.area.code, g.day.id),
              `Dagrapport ${g.area.name}, ${g.day.label}`,
            )}
          </p>
        </>
      ) : (
        <Refused made={incidents} what="het dagrapport" />
      )}
    </section>
  );
}

export function MyPictureView({ p, user }: { p: MyPicture; user: string }) {
  return (
    <>
      <h1 class="utrecht-heading-1">Mijn beeld</h1>
      <p class="utrecht-paragraph">
        {p.previousVisit
          ? `Welkom terug, ${user}. U was hier het laatst op ${momentNl(p.previousVisit)}. Wat sindsdien nieuw is, staat gemarkeerd met "nieuw".`
          : `Welkom, ${user}. Dit is uw eerste bezoek aan Mijn beeld.`}
      </p>
      <p class="utrecht-paragraph">
        {p.dataLoadedAt ? (
          <>
            De politiecijfers zijn bijgewerkt op {momentNl(p.dataLoadedAt)}. <NewBadge show={p.newData} />
          </>
        ) : (
          "Er zijn nog geen politiecijfers geladen."
        )}
      </p>
      {p.gemeenten.length === 0 && (
        <p class="utrecht-paragraph">
          Uw organisatie heeft geen eigen gemeente. {link("/gemeenten", "Kies een gemeente")} of bekijk de{" "}
          {link("/producten", "producten")}.
        </p>
      )}
      {p.gemeenten.map((g, i) => (
        <Gemeente g={g} headingId={`gemeente-${i}`} />
      ))}
      {p.moreGemeenten.length > 0 && (
        <section aria-labelledby="meer-gemeenten">
          <h2 class="utrecht-heading-2" id="meer-gemeenten">
            Uw andere gemeenten
          </h2>
          <ul class="utrecht-link-list utrecht-link-list--html-ul">
            {p.moreGemeenten.map((g) => (
              <li class="utrecht-link-list__item">{link(monthlyFiguresHref(g.code), g.name)}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="bezorgd">
        <h2 class="utrecht-heading-2" id="bezorgd">
          Producten voor u {p.previousVisit ? "sinds uw vorige bezoek" : ""}
        </h2>
        {p.deliveries.length === 0 ? (
          <p class="utrecht-paragraph">Er zijn geen afgesproken producten aan u bezorgd.</p>
        ) : (
          <ul class="utrecht-link-list utrecht-link-list--html-ul">
            {p.deliveries.map((d) => (
              <li class="utrecht-link-list__item">
                {link(
                  productHref(d.product, d.gebied, d.periode),
                  `${productById(d.product)?.title ?? d.product}, ${d.gebied}, ${d.periode}`,
                )}{" "}
                (bezorgd op {momentNl(new Date(d.op))})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="evaluaties">
        <h2 class="utrecht-heading-2" id="evaluaties">
          Evaluatie van informatieafspraken
        </h2>
        {p.evaluations.length === 0 ? (
          <p class="utrecht-paragraph">
            Geen afspraak van uw gemeente hoeft binnen 30 dagen geëvalueerd te worden.
          </p>
        ) : (
          <ul class="utrecht-unordered-list">
            {p.evaluations.map((e) => (
              <li class="utrecht-unordered-list__item">
                De informatieafspraak van {e.gemeenteName} wordt geëvalueerd op{" "}
                {dayLabelNl(isoDateToDay(e.evaluatieOp))} ({evaluationText(e)})
                {e.status === "verlopen" ? ": de datum is voorbij." : "."}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p class="utrecht-paragraph">
        {link("/producten", "Alle producten")} · {link("/gemeenten", "Alle gemeenten")}
      </p>
    </>
  );
}
