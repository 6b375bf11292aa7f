// The product catalog in the web app: the list of products (/producten), a product as a page for an
// area and period (/producten/ID?gebied=…&periode=…) and each format as a download
// (/producten/ID/bestand?…&formaat=pdf). Every page and every download is made through the gate as
// the logged-in user for the session's purpose (a register entry each), exactly as the CLI, the
// batch and the scheduled delivery make it.

import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import { localToday } from "../../agreements/calendar.ts";
import { lastCompleteOf } from "../../agreements/schedule.ts";
import type { Gate, Requester } from "../../disclosure/disclosure-gate.ts";
import type { LegalBasisRegistry } from "../../disclosure/legal-bases/legal-basis-registry.ts";
import { AREA_LEVEL_LABELS } from "../../domain/area.ts";
import { InputError } from "../../domain/errors.ts";
import { CATALOG, productById } from "../../products/catalog.ts";
import type { ProductDefinition, ProductStore } from "../../products/product-definition.ts";
import { documentMaps, type ProductDocument } from "../../products/product-document.ts";
import { PERIOD_KIND_LABELS, type ProductPeriod, parsePeriod } from "../../products/product-period.ts";
import { runProduct } from "../../products/run-product.ts";
import type { PdfPrinter } from "../../render/pdf/print-pdf.ts";
import { ProductView } from "../../render/product/product-view.tsx";
import { isProductFormat, type ProductFormat, renderProduct } from "../../render/product/render-product.ts";
import type { AuthVariables } from "../middleware/authentication/authentication.ts";
import type { Session } from "../middleware/session/session-store.ts";
import { errorPage, sendPage } from "../pages.tsx";

export interface ProductRouteDeps {
  products: {
    store: ProductStore;
    /** Chromium for PDF downloads, started on first use; absent: no PDF. */
    pdf?: () => Promise<PdfPrinter>;
    /** Key for registration pseudonyms in record-level products. */
    recordKey?: Uint8Array;
  };
  gate: Gate;
  registry: LegalBasisRegistry;
  now: () => Date;
}

type Env = { Variables: AuthVariables };

/** Formats offered as downloads, with their Dutch names. */
const DOWNLOADS: { format: ProductFormat; label: string }[] = [
  { format: "pdf", label: "PDF (om te lezen en te printen)" },
  { format: "xlsx", label: "Excel (XLSX)" },
  { format: "csv", label: "CSV" },
  { format: "geojson", label: "GeoJSON (kaartlagen)" },
  { format: "json", label: "JSON" },
  { format: "html", label: "HTML (één bestand)" },
];

export const productHref = (id: string, area?: string, period?: string, format?: string) => {
  const q = new URLSearchParams();
  if (area) q.set("gebied", area);
  if (period) q.set("periode", period);
  if (format) q.set("formaat", format);
  const path = `/producten/${encodeURIComponent(id)}${format ? "/bestand" : ""}`;
  return q.size > 0 ? `${path}?${q}` : path;
};

/** The period a product shows by default: the last complete one of its first kind. */
function defaultPeriod(def: ProductDefinition, now: Date): ProductPeriod {
  return lastCompleteOf(def.periodKinds[0] ?? "maand", localToday(now));
}

/** The first area of the user's organisation, as a starting point for an area field. */
export function ownArea(requester: Requester | undefined): string {
  return requester?.organisation?.authority[0] ?? "";
}

/** A required text field with its label and a help text under it. */
function TextField(p: { id: string; name: string; label: string; value: string; children: Child }) {
  return (
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for={p.id}>
        {p.label}
      </label>
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        id={p.id}
        name={p.name}
        value={p.value}
        required
        autocomplete="off"
        aria-describedby={`${p.id}-uitleg`}
      />
      <p class="utrecht-form-field-description" id={`${p.id}-uitleg`}>
        {p.children}
      </p>
    </div>
  );
}

function ProductForm({ def, area, period }: { def: ProductDefinition; area: string; period: string }) {
  const id = def.id;
  return (
    <form method="get" action={productHref(id)} class="dh-product-form">
      <TextField id={`gebied-${id}`} name="gebied" label="Gebied (code, bijvoorbeeld GM0363)" value={area}>
        Kan: {def.levels.map((l) => AREA_LEVEL_LABELS[l]).join(", ")}.
      </TextField>
      <TextField id={`periode-${id}`} name="periode" label="Periode" value={period}>
        {def.periodKinds.map((k) => PERIOD_KIND_LABELS[k]).join(", ")}: bijvoorbeeld 2026-09, 2026-Q3,
        2026-H1, 2026, 2026-W36 of 2026-09-05.
      </TextField>
      <button class="utrecht-button utrecht-button--primary-action" type="submit">
        Bekijk
      </button>
    </form>
  );
}

function CatalogPage({ area, now }: { area: string; now: Date }) {
  return (
    <>
      <h1 class="utrecht-heading-1">Producten</h1>
      <p class="utrecht-paragraph">
        Kies een product, een gebied en een periode. U ziet het product hier en kunt het downloaden. Wat u mag
        zien, hangt af van uw rol en het doel dat u koos; elke keer wordt vastgelegd in het
        verstrekkingenregister.
      </p>
      {CATALOG.map((def) => (
        <section class="dh-catalog-entry" aria-labelledby={`product-${def.id}`}>
          <h2 class="utrecht-heading-2" id={`product-${def.id}`}>
            {def.title}
          </h2>
          <p class="utrecht-paragraph">{def.description}</p>
          <ProductForm def={def} area={area} period={defaultPeriod(def, now).id} />
        </section>
      ))}
    </>
  );
}

function ProductPage({ doc }: { doc: ProductDocument }) {
  const hasMap = documentMaps(doc).length > 0;
  const downloads = (
    <nav aria-labelledby="downloads-kop" class="dh-downloads">
      <h2 class="utrecht-heading-2" id="downloads-kop">
        Downloaden
      </h2>
      <ul class="utrecht-link-list utrecht-link-list--html-ul">
        {DOWNLOADS.filter((d) => d.format !== "geojson" || hasMap).map((d) => (
          <li class="utrecht-link-list__item">
            <a
              class="utrecht-link utrecht-link--html-a"
              href={productHref(doc.product, doc.area.code, doc.period.id, d.format)}
              download
            >
              {d.label}
            </a>
          </li>
        ))}
        <li class="utrecht-link-list__item">
          <a class="utrecht-link utrecht-link--html-a" href={productHref(doc.product, doc.area.code)}>
            Ander gebied of andere periode
          </a>
        </li>
      </ul>
    </nav>
  );
  return <ProductView doc={doc} actions={downloads} />;
}

export function registerProductRoutes(app: Hono<Env>, deps: ProductRouteDeps): void {
  /** The product for the asked area and period, through the gate; or the page that says why not. */
  const make = async (
    c: Context<Env>,
  ): Promise<{ doc: ProductDocument; def: ProductDefinition } | Response> => {
    const def = productById(c.req.param("id") ?? "");
    if (!def)
      return errorPage(c, 404, {
        heading: "Dit product kennen we niet",
        message: "Kies een product uit de lijst.",
        link: { href: "/producten", label: "Naar de producten" },
      });
    const area = (c.req.query("gebied") ?? "").trim().toUpperCase();
    const periodText = (c.req.query("periode") ?? "").trim();
    if (area === "" || periodText === "")
      return sendPage(
        c,
        def.title,
        <>
          <h1 class="utrecht-heading-1">{def.title}</h1>
          <p class="utrecht-paragraph">{def.description}</p>
          <ProductForm
            def={def}
            area={area || ownArea(c.get("requester"))}
            period={periodText || defaultPeriod(def, deps.now()).id}
          />
        </>,
      );
    try {
      const period = parsePeriod(periodText);
      const session = c.get("session") as Session | undefined;
      const doc = await runProduct(
        {
          store: deps.products.store,
          gate: deps.gate,
          registry: deps.registry,
          now: deps.now,
          recordKey: deps.products.recordKey,
        },
        def,
        { requester: c.get("requester"), purpose: session?.purpose ?? null, area, period },
      );
      return { doc, def };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return errorPage(c, 400, {
        heading: "Dit product kan zo niet worden gemaakt",
        message: err.message,
        link: { href: productHref(def.id), label: "Gebied of periode aanpassen" },
      });
    }
  };

  app.get("/producten", (c) =>
    sendPage(c, "Producten", <CatalogPage area={ownArea(c.get("requester"))} now={deps.now()} />),
  );

  app.get("/producten/:id", async (c) => {
    const made = await make(c);
    if (made instanceof Response) return made;
    return sendPage(c, made.doc.title, <ProductPage doc={made.doc} />);
  });

  app.get("/producten/:id/bestand", async (c) => {
    const format = c.req.query("formaat") ?? "";
    if (!isProductFormat(format))
      return errorPage(c, 400, {
        heading: "Dit formaat kennen we niet",
        message: `Kies een van: ${DOWNLOADS.map((d) => d.format).join(", ")}.`,
      });
    if (format === "pdf" && !deps.products.pdf)
      return errorPage(c, 503, {
        heading: "PDF kan nu niet",
        message: "Op deze server is geen Chromium om PDF te maken. Kies een ander formaat.",
      });
    const made = await make(c);
    if (made instanceof Response) return made;
    const file = await renderProduct(made.doc, format, { pdf: await deps.products.pdf?.() });
    c.header("Cache-Control", "no-store");
    c.header("Content-Disposition", `attachment; filename="${file.fileName}"`);
    return c.body(new Uint8Array(file.content), 200, { "Content-Type": file.mediaType });
  });
}
