// Renders an Observable Plot chart on the server to an SVG string, using linkedom's document.
// The SVG is an image for assistive technology (role="img", <title>, aria-label) and carries
// no <script>, no <style> element, no style attribute and no event handler attribute, so a strict
// Content-Security-Policy (no inline scripts or styles) holds. Plot's default inline <style> is
// replaced by rules for the class PLOT_CLASS in the site's own stylesheet.

import * as Plot from "@observablehq/plot";
import { DOMParser } from "linkedom";

/** Class on every chart's <svg>; the stylesheet styles it instead of Plot's inline <style>. */
export const PLOT_CLASS = "dh-plot";

const SVG_NS = "http://www.w3.org/2000/svg";

export interface PlotSvgText {
  /** Short accessible name of the chart, e.g. "Totaal per maand, 2024 en 2023". */
  title: string;
  /** Optional longer description (becomes <desc>). */
  description?: string;
}

/**
 * Options that would make Plot return a <figure> (with inline styles) instead of an <svg>, or that
 * plotSvg sets itself. Legends are dropped (figure: false): put a legend in the HTML instead.
 */
type FigureOptions = "title" | "subtitle" | "caption" | "figure" | "className" | "document" | "style";

export type PlotSvgOptions = Omit<Plot.PlotOptions, FigureOptions>;

/** Strips what a strict CSP would block or what could run code. */
function sanitize(root: Element): void {
  for (const el of [...root.querySelectorAll("style, script, foreignObject")]) el.remove();
  for (const el of [root, ...root.querySelectorAll("*")]) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name === "style" || name.startsWith("on") || value.startsWith("javascript:")) {
        el.removeAttribute(attr.name);
      }
    }
  }
}

/** Renders a Plot chart to an SVG string with role="img", <title>, aria-label and optional <desc>. */
export function plotSvg(options: PlotSvgOptions, text: PlotSvgText): string {
  // An XML (SVG) document, not an HTML one: linkedom then escapes <, > and & in attribute values
  // too, and the result is well-formed XML as well as valid inline SVG in HTML.
  const document = new DOMParser().parseFromString(
    `<svg xmlns="${SVG_NS}"></svg>`,
    "image/svg+xml",
  ) as unknown as Document;
  const node = Plot.plot({
    ...options,
    figure: false,
    className: PLOT_CLASS,
    document,
  });
  if (node.nodeName.toLowerCase() !== "svg") {
    throw new Error(`plotSvg: Plot gaf <${node.nodeName.toLowerCase()}> terug in plaats van <svg>`);
  }
  const svg = node as unknown as Element;
  sanitize(svg);
  // One image for assistive technology (with a table beside it): Plot's labels on its inner
  // groups ("line", "rule", …) are not allowed on elements without a role (WCAG 4.1.2, axe
  // aria-prohibited-attr) and say nothing useful.
  for (const el of [...svg.querySelectorAll("[aria-label], [aria-description]")]) {
    el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  }
  svg.removeAttribute("aria-description");
  svg.setAttribute("xmlns", SVG_NS);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", text.title);
  svg.setAttribute("focusable", "false");

  const first = svg.firstChild;
  const title = document.createElementNS(SVG_NS, "title");
  title.textContent = text.title;
  svg.insertBefore(title, first);
  if (text.description) {
    const desc = document.createElementNS(SVG_NS, "desc");
    desc.textContent = text.description;
    svg.insertBefore(desc, first);
  }
  return svg.outerHTML;
}
