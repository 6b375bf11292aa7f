// A product document as HTML (the content of <main>): title, area and period, the summary, each
// section with its text, tables, charts (each followed by or next to its table) and maps, and how
// it was disclosed. The same markup serves the web page and, wrapped by product-html.tsx, the
// downloadable HTML and the PDF. hono/jsx escapes all text; charts and maps are SVG strings made
// by plot-svg.ts and map-svg.ts.

import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { sealedMemo } from "../../disclosure/sealed.ts";
import { SENSITIVITY_LABELS } from "../../domain/sensitivity.ts";
import {
  type Block,
  isWithheld,
  type MapBlock,
  type ProductDocument,
  type TableBlock,
  WITHHELD_LABEL,
} from "../../products/product-document.ts";
import { headClass, numClass, numHeadClass } from "../table-classes.ts";
import { chartSvg } from "./chart-svg.ts";
import { formatCell } from "./format-cell.ts";
import { mapSvg } from "./map-svg.ts";

const dateTime = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "2 april 2024 om 10:30" (Europe/Amsterdam). */
export function madeAtNl(iso: string): string {
  return dateTime.format(new Date(iso));
}

const isNumeric = (type: string) => type !== "text";

const ESCAPES: Record<string, string> = {
  '"': "&quot;",
  "'": "&#39;",
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
};
/** Escapes text as hono/jsx does. */
const escapeHtml = (text: string) => text.replace(/[&<>'"]/g, (ch) => ESCAPES[ch] ?? ch);

/**
 * The body rows of a table as HTML, built as text: the same markup the JSX gave (the golden files
 * check it), but a tabellenboek's thousands of cells render several times faster and with far
 * less garbage. Every text from the document is escaped; the classes are constants.
 */
function bodyRows(table: TableBlock): string {
  const [first] = table.columns;
  const parts: string[] = [];
  for (const row of table.rows) {
    parts.push(`<tr class="utrecht-table__row${row.total ? " dh-total" : ""}">`);
    for (const c of table.columns) {
      const cell = row.cells[c.key];
      const text = escapeHtml(formatCell(cell, c));
      if (c === first) {
        parts.push(`<th class="${headClass} dh-depth-${row.depth ?? 0}" scope="row">${text}</th>`);
      } else if (isWithheld(cell)) {
        parts.push(
          `<td class="${numClass} dh-muted"><span aria-hidden="true">–</span><span class="dh-visually-hidden">${WITHHELD_LABEL}</span></td>`,
        );
      } else {
        parts.push(`<td class="${isNumeric(c.type) ? numClass : "utrecht-table__cell"}">${text}</td>`);
      }
    }
    parts.push("</tr>");
  }
  return parts.join("");
}

function TableMarkup({ table }: { table: TableBlock }) {
  return (
    <section class="dh-table-scroll" tabindex={0} aria-labelledby={`bijschrift-${table.id}`}>
      <table class="utrecht-table utrecht-table--html-table dh-product-table" id={`tabel-${table.id}`}>
        <caption class="utrecht-table__caption" id={`bijschrift-${table.id}`}>
          {table.caption}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {table.columns.map((c) => (
              <th class={isNumeric(c.type) ? numHeadClass : headClass} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">{raw(bodyRows(table))}</tbody>
      </table>
      {table.note && <p class="utrecht-paragraph dh-note">{table.note}</p>}
    </section>
  );
}

/** A table's HTML, kept for a sealed table (a kept document's tables are the same every request). */
const tableHtml = sealedMemo((table: TableBlock) => String(<TableMarkup table={table} />));
/** A map's SVG, kept for a sealed map. */
const keptMapSvg = sealedMemo((map: MapBlock) => mapSvg(map));

function Table({ table }: { table: TableBlock }) {
  return <>{raw(tableHtml(table))}</>;
}

function BlockView({ block, tables }: { block: Block; tables: Map<string, TableBlock> }) {
  switch (block.kind) {
    case "text":
      return (
        <div class="dh-text">
          {block.paragraphs.map((p) => (
            <p class="utrecht-paragraph">{p}</p>
          ))}
          {block.author && <p class="utrecht-paragraph dh-note">— {block.author}</p>}
        </div>
      );
    case "table":
      return <Table table={block} />;
    case "chart": {
      const table = tables.get(block.table);
      if (!table) throw new Error(`grafiek "${block.title}" verwijst naar onbekende tabel ${block.table}`);
      return (
        <figure class="dh-chart">
          {raw(chartSvg(block, table))}
          <figcaption class="utrecht-paragraph dh-note">
            {block.title}. De cijfers staan in de tabel <a href={`#tabel-${table.id}`}>{table.caption}</a>.
          </figcaption>
        </figure>
      );
    }
    case "map":
      return (
        <figure class="dh-chart">
          {raw(keptMapSvg(block))}
          <figcaption class="utrecht-paragraph dh-note">
            {block.caption}.
            {block.table && tables.has(block.table) && (
              <>
                {" "}
                De cijfers staan in de tabel{" "}
                <a href={`#tabel-${block.table}`}>{tables.get(block.table)?.caption}</a>.
              </>
            )}
          </figcaption>
        </figure>
      );
  }
}

/** `actions`: shown under the title (the web page's downloads); absent in files and PDF. */
export function ProductView({ doc, actions }: { doc: ProductDocument; actions?: Child }) {
  const tables = new Map(
    doc.sections.flatMap((s) =>
      s.blocks.filter((b): b is TableBlock => b.kind === "table").map((t) => [t.id, t]),
    ),
  );
  const d = doc.disclosure;
  return (
    <article class="dh-product" aria-labelledby="product-titel">
      <h1 class="utrecht-heading-1" id="product-titel">
        {doc.title}
      </h1>
      <p class="utrecht-paragraph dh-meta">
        {doc.area.name} ({doc.area.code}) · {doc.period.label} · gemaakt op {madeAtNl(doc.madeAt)} ·{" "}
        {SENSITIVITY_LABELS[doc.sensitivity]}
      </p>
      {actions}
      {doc.summary.length > 0 && (
        <section aria-labelledby="samenvatting-kop" class="dh-summary">
          <h2 class="utrecht-heading-2" id="samenvatting-kop">
            In het kort
          </h2>
          <ul class="utrecht-unordered-list">
            {doc.summary.map((line) => (
              <li class="utrecht-unordered-list__item">{line}</li>
            ))}
          </ul>
        </section>
      )}
      {doc.sections.map((s) => (
        <section aria-labelledby={`kop-${s.id}`} class="dh-product-section">
          <h2 class="utrecht-heading-2" id={`kop-${s.id}`}>
            {s.title}
          </h2>
          {s.blocks.map((b) => (
            <BlockView block={b} tables={tables} />
          ))}
        </section>
      ))}
      {d && (
        <section aria-labelledby="verstrekking-kop" class="dh-disclosure">
          <h2 class="utrecht-heading-2" id="verstrekking-kop">
            Verstrekking
          </h2>
          <p class="utrecht-paragraph">
            Verstrekt op grond van {d.legalBasisLabel}, voor het doel {d.purpose}. Vastgelegd in het
            verstrekkingenregister onder nummer {d.registerSeq}.
          </p>
          {d.protection && <p class="utrecht-paragraph">{d.protection}</p>}
        </section>
      )}
    </article>
  );
}

/** The product markup as an HTML fragment (for the golden files and tests). */
export function productViewHtml(doc: ProductDocument): string {
  return String(<ProductView doc={doc} />);
}
