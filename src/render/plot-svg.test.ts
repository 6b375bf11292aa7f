import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as Plot from "@observablehq/plot";
import { DOMParser } from "linkedom";
import { PLOT_CLASS, plotSvg } from "./plot-svg.ts";

const data = [
  { month: 1, count: 12 },
  { month: 2, count: 30 },
  { month: 3, count: 21 },
];

function parseSvg(svg: string): Element {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = doc.documentElement;
  assert.ok(root, "no root element");
  return root as unknown as Element;
}

describe("plotSvg", () => {
  const svg = plotSvg(
    { marks: [Plot.lineY(data, { x: "month", y: "count" }), Plot.dot(data, { x: "month", y: "count" })] },
    { title: "Aantal per maand", description: "Lijngrafiek met drie maanden." },
  );

  it("returns one well-formed <svg> element with marks", () => {
    assert.match(svg, /^<svg[\s>]/);
    assert.match(svg, /<\/svg>$/);
    const root = parseSvg(svg);
    assert.equal(root.nodeName.toLowerCase(), "svg");
    assert.equal(root.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
    assert.ok(root.getAttribute("viewBox"));
    assert.ok(root.querySelectorAll("path").length > 0);
    assert.equal(root.querySelectorAll("circle").length, 3);
    assert.ok(root.getAttribute("class")?.split(" ").includes(PLOT_CLASS));
  });

  it("is an image with an accessible name: role, aria-label, <title> first, <desc>", () => {
    const root = parseSvg(svg);
    assert.equal(root.getAttribute("role"), "img");
    assert.equal(root.getAttribute("aria-label"), "Aantal per maand");
    const first = root.firstElementChild;
    assert.equal(first?.nodeName.toLowerCase(), "title");
    assert.equal(first?.textContent, "Aantal per maand");
    assert.equal(root.querySelector("desc")?.textContent, "Lijngrafiek met drie maanden.");
    // Only the image itself is labelled: labels on Plot's inner groups are not allowed there.
    assert.equal(root.querySelectorAll("[aria-label], [aria-description]").length, 0);
  });

  it("has no inline style, script or event handler (strict CSP)", () => {
    assert.doesNotMatch(svg, /<style|<script|\sstyle=|\son[a-z]+=/i);
  });

  it("escapes the title text", () => {
    const evil = plotSvg(
      { marks: [Plot.dot(data, { x: "month", y: "count" })] },
      { title: `<script>alert("x")</script> & co` },
    );
    assert.doesNotMatch(evil, /<script/);
    assert.match(evil, /aria-label="&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; co"/);
    const root = parseSvg(evil);
    assert.equal(root.querySelector("title")?.textContent, `<script>alert("x")</script> & co`);
  });

  it("drops legends instead of wrapping the chart in a <figure>", () => {
    const withLegend = plotSvg(
      {
        color: { legend: true },
        marks: [Plot.dot(data, { x: "month", y: "count", fill: (d: { month: number }) => `m${d.month}` })],
      },
      { title: "x" },
    );
    assert.match(withLegend, /^<svg[\s>]/);
    assert.doesNotMatch(withLegend, /<figure|<div|<style|\sstyle=/);
  });
});
