// Mijn beeld: what changed for the user's own gemeenten since the last visit. The clear changes
// come from the maandoverzicht of the last complete month and the incidents from the dagrapport of
// yesterday, both made by the product engine through the gate as this user for the session's
// purpose (a register entry each, refused where the role gets nothing); the agreed products that
// reached the user and the agreements due for evaluation come from the saved documents.

import { currentAgreements } from "../../agreements/agreement-store.ts";
import { localToday } from "../../agreements/calendar.ts";
import { DELIVERY_KIND, type DeliveryRecord } from "../../agreements/delivery-record.ts";
import { type DueEvaluation, dueEvaluations } from "../../agreements/evaluations.ts";
import { lastCompleteOf } from "../../agreements/schedule.ts";
import { areaLineage } from "../../disclosure/area-lineage.ts";
import type { Requester } from "../../disclosure/disclosure-gate.ts";
import type { AreaSummary } from "../../domain/area.ts";
import { AccessDenied } from "../../domain/errors.ts";
import { productById } from "../../products/catalog.ts";
import { placingAreas } from "../../products/parts/placing-areas.ts";
import type { ProductDocument } from "../../products/product-document.ts";
import { documentTables } from "../../products/product-document.ts";
import type { ProductPeriod } from "../../products/product-period.ts";
import { type ProductEngineDeps, runProduct } from "../../products/run-product.ts";
import type { Store } from "../../store/store.ts";

/** At most this many own gemeenten get their figures on the page; the rest are links. */
export const MAX_GEMEENTEN_SHOWN = 3;
/** At most this many deliveries to the user are listed. */
export const MAX_DELIVERIES_SHOWN = 10;

export type Verdict = "duidelijk meer" | "duidelijk minder";

/** A type whose count changed clearly (more than chance), as the maandoverzicht says. */
export interface ClearChange {
  label: string;
  code: string | null;
  /** "maand": the month against the same month last year; "jaar": the year so far. */
  span: "maand" | "jaar";
  verdict: Verdict;
  current: number;
  previous: number;
}

/** A product made for the page, or why the user does not get it. */
export type Made<T> =
  | { ok: true; value: T; registerSeq: number | null }
  | { ok: false; reason: string; needs: AccessDenied["needs"] };

export interface GemeentePicture {
  area: { code: string; name: string };
  /** The maandoverzicht of the last complete month. */
  month: ProductPeriod;
  /** The month became complete after the previous visit. */
  newMonth: boolean;
  figures: Made<{ summary: string[]; changes: ClearChange[] }>;
  /** The dagrapport of yesterday. */
  day: ProductPeriod;
  incidents: Made<{ summary: string[] }>;
}

export interface MyPicture {
  /** The visit before this session's (null: the first). */
  previousVisit: Date | null;
  /** Newest police data loaded, and whether it came after the previous visit. */
  dataLoadedAt: Date | null;
  newData: boolean;
  gemeenten: GemeentePicture[];
  /** Own gemeenten beyond MAX_GEMEENTEN_SHOWN. */
  moreGemeenten: { code: string; name: string }[];
  /** Agreed products delivered to this user since the previous visit (all, the first time). */
  deliveries: DeliveryRecord[];
  /** Agreements of the own gemeenten due for evaluation, with the gemeente's name. */
  evaluations: (DueEvaluation & { gemeenteName: string })[];
}

export interface MyPictureDeps extends ProductEngineDeps {
  store: Store;
}

/** The gemeenten (newest boundary year) the organisation's authority covers, by name. */
export function ownGemeenten(areas: readonly AreaSummary[], authority: readonly string[]): AreaSummary[] {
  if (authority.length === 0) return [];
  const lineage = areaLineage(areas);
  const year = areas.reduce((y, a) => (a.level === "gemeente" && a.year > y ? a.year : y), 0);
  const covers = new Set(authority);
  return areas
    .filter((a) => a.level === "gemeente" && a.year === year)
    .filter((g) => covers.has(g.code) || lineage(g.code).some((c) => covers.has(c)))
    .sort((a, b) => a.name.localeCompare(b.name, "nl") || a.code.localeCompare(b.code));
}

/** The clear changes in the maandoverzicht's table per type, months first, most certain first. */
export function clearChanges(doc: ProductDocument): ClearChange[] {
  const table = documentTables(doc).find((t) => t.id === "per-soort");
  if (!table) return [];
  const out: (ClearChange & { p: number })[] = [];
  for (const row of table.rows) {
    if (row.total) continue;
    const c = row.cells;
    for (const span of ["maand", "jaar"] as const) {
      const verdict = c[`${span}Verandering`];
      const current = c[span];
      const previous = c[`${span}VorigJaar`];
      const p = c[`${span}P`];
      if (verdict !== "duidelijk meer" && verdict !== "duidelijk minder") continue;
      if (typeof current !== "number" || typeof previous !== "number" || typeof p !== "number") continue;
      out.push({
        label: String(c.soort),
        code: typeof c.code === "string" ? c.code : null,
        span,
        verdict,
        current,
        previous,
        p,
      });
    }
  }
  return out
    .sort((a, b) => (a.span === b.span ? a.p - b.p : a.span === "maand" ? -1 : 1))
    .map(({ p: _p, ...rest }) => rest);
}

async function made<T>(
  make: () => Promise<ProductDocument>,
  pick: (doc: ProductDocument) => T,
): Promise<Made<T>> {
  try {
    const doc = await make();
    return { ok: true, value: pick(doc), registerSeq: doc.disclosure?.registerSeq ?? null };
  } catch (err) {
    if (err instanceof AccessDenied) return { ok: false, reason: err.message, needs: err.needs };
    throw err;
  }
}

export async function buildMyPicture(
  deps: MyPictureDeps,
  who: { requester: Requester; purpose: string | null; previousVisit: Date | null },
): Promise<MyPicture> {
  const { requester, purpose, previousVisit } = who;
  const now = deps.now();
  const today = localToday(now);
  const since = previousVisit?.getTime() ?? Number.NEGATIVE_INFINITY;

  const own = ownGemeenten(await placingAreas(deps.store), requester.organisation?.authority ?? []);
  const shown = own.slice(0, MAX_GEMEENTEN_SHOWN);
  const month = lastCompleteOf("maand", today);
  const monthBefore = previousVisit ? lastCompleteOf("maand", localToday(previousVisit)) : null;
  const day = lastCompleteOf("dag", today);
  const maandoverzicht = productById("maandoverzicht");
  const dagrapport = productById("dagrapport");
  if (!maandoverzicht || !dagrapport)
    throw new Error("maandoverzicht of dagrapport ontbreekt in de catalogus");

  const gemeenten: GemeentePicture[] = [];
  for (const g of shown) {
    const ask = { requester, purpose, area: g.code };
    gemeenten.push({
      area: { code: g.code, name: g.name },
      month,
      newMonth: monthBefore === null || monthBefore.id !== month.id,
      figures: await made(
        () => runProduct(deps, maandoverzicht, { ...ask, period: month }),
        (doc) => ({ summary: doc.summary, changes: clearChanges(doc) }),
      ),
      day,
      incidents: await made(
        () => runProduct(deps, dagrapport, { ...ask, period: day }),
        (doc) => ({ summary: doc.summary }),
      ),
    });
  }

  const loaded = (await deps.store.deliveries()).filter((d) => d.status !== "mislukt");
  const dataLoadedAt = loaded.reduce<Date | null>(
    (t, d) => (t === null || d.receivedAt > t ? d.receivedAt : t),
    null,
  );

  const deliveries = (await deps.store.documents(DELIVERY_KIND))
    .map((d) => d.body as DeliveryRecord)
    .filter((r) => r.ontvanger === requester.user && r.status === "bezorgd" && Date.parse(r.op) > since)
    .sort((a, b) => b.op.localeCompare(a.op))
    .slice(0, MAX_DELIVERIES_SHOWN);

  const ownNames = new Map(own.map((g) => [g.code, g.name]));
  const { agreements } = await currentAgreements(deps.store);
  const evaluations = dueEvaluations(
    agreements.map((a) => a.agreement).filter((a) => ownNames.has(a.gemeente)),
    now,
  ).map((e) => ({ ...e, gemeenteName: ownNames.get(e.gemeente) ?? e.gemeente }));

  return {
    previousVisit,
    dataLoadedAt,
    newData: dataLoadedAt !== null && dataLoadedAt.getTime() > since,
    gemeenten,
    moreGemeenten: own.slice(MAX_GEMEENTEN_SHOWN).map((g) => ({ code: g.code, name: g.name })),
    deliveries,
    evaluations,
  };
}
