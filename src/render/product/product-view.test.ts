import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHTML } from "linkedom";
import { seal } from "../../disclosure/sealed.ts";
import { sampleDocument } from "../../products/sample-document.ts";
import { classBreaks } from "./map-svg.ts";
import { renderProductHtml } from "./product-html.tsx";
import { productViewHtml } from "./product-view.tsx";

describe("product HTML", () => {
  it("renders every block of the sample as accessible, self-contained HTML", async () => {
    const html = await renderProductHtml(sampleDocument());
    assert.ok(html.startsWith("<!DOCTYPE html>"));
    const { document } = parseHTML(html);
    assert.equal(document.documentElement.getAttribute("lang"), "nl");
    assert.equal(document.querySelector("h1")?.textContent, "Voorbeeldoverzicht");
    // Nothing is fetched: no external stylesheet, script or image.
    assert.equal(document.querySelectorAll("link[rel=stylesheet], script, img").length, 0);
    assert.ok((document.querySelector("style")?.textContent ?? "").includes(".utrecht-table"));
    // Text is escaped, not interpreted.
    assert.ok(html.includes("&lt;b&gt; is geen opmaak, &amp; ook niet."));
    assert.equal(document.querySelectorAll("article b").length, 0);

    const table = document.querySelector("#tabel-per-soort");
    assert.ok(table);
    assert.equal(
      table.querySelector("caption")?.textContent,
      "Registraties per soort, maart 2024 en maart 2023",
    );
    const headers = [...table.querySelectorAll("thead th")].map((th) => th.getAttribute("scope"));
    assert.deepEqual(headers, ["col", "col", "col", "col", "col", "col"]);
    const rows = [...table.querySelectorAll("tbody tr")];
    const cells = (i: number) => [...(rows[i]?.children ?? [])].map((c) => c.textContent?.trim());
    assert.deepEqual(cells(1), ["Woninginbraak", "48", "29", "+66%", "0,9", "0,012"]);
    // The withheld count reads "afgeschermd" for screen readers; the empty cells stay empty.
    assert.deepEqual(cells(2), ['Fietsdiefstal; "gestald", ja', "–afgeschermd", "3", "", "", ""]);
    assert.ok(rows[3]?.classList.contains("dh-total"));
    assert.ok(rows[1]?.querySelector("th")?.classList.contains("dh-depth-1"));

    // The chart is an image with a name, and points to its table.
    const chart = document.querySelector("figure svg[role=img]");
    assert.equal(chart?.getAttribute("aria-label"), "Registraties per soort");
    assert.equal(document.querySelector("figure figcaption a")?.getAttribute("href"), "#tabel-per-soort");
    // The map: one path per polygon feature, one circle per point, labelled values, a legend.
    const map = document.querySelector("svg.dh-map");
    assert.equal(map?.querySelectorAll("path").length, 2);
    assert.equal(map?.querySelectorAll("circle").length, 1);
    assert.ok(map?.textContent?.includes("Noord: afgeschermd"));
    assert.ok(map?.textContent?.includes("Centrum: 210"));
    assert.equal(map?.querySelectorAll("[style]").length, 0);

    const disclosure = document.querySelector("section[aria-labelledby=verstrekking-kop]")?.textContent ?? "";
    assert.match(disclosure, /Wpg art\. 19/);
    assert.match(disclosure, /nummer 42/);
    assert.match(document.querySelector(".dh-meta")?.textContent ?? "", /2 april 2024 om 10:30/);
  });

  it("renders a sealed (kept) document as it renders the same document fresh", () => {
    const fresh = productViewHtml(sampleDocument());
    assert.ok(fresh.includes("<table") && fresh.includes("<svg"));
    const sealed = seal(sampleDocument());
    assert.equal(productViewHtml(sealed), fresh);
    assert.equal(productViewHtml(sealed), fresh, "again, from what was kept");
  });

  it("makes at most five classes of equal count for the map", () => {
    assert.deepEqual(classBreaks([1, 2, 3]), [1, 2, 3]);
    assert.deepEqual(classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), [2, 4, 6, 8, 10]);
    assert.deepEqual(classBreaks([5, 5, 5, 5, 5, 5, 9]), [5, 9]);
  });
});
