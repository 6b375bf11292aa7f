import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { chromium } from "playwright-core";
import { sampleDocument } from "../../products/sample-document.ts";
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from "../pdf/print-pdf.ts";
import { renderProductHtml } from "../product/product-html.tsx";
import { classesInHtml, pruneCss } from "./prune-css.ts";

const css = `@charset "UTF-8";
/* a comment with { braces } */
.a { color: red; }
.b, .c > p { color: blue; }
.missing { color: green; }
.a.missing { color: pink; }
p:not(.missing) { margin: 0; }
.a:is(.missing, .b) { padding: 1px; }
[data-x=".missing"] { border: 0; }
.a::before { content: "} .missing {"; }
@media print { .missing { x: 1; } .a { y: 2; } }
@media screen { .missing { x: 1; } }
@supports (display: grid) { @media (min-width: 1px) { .c { z: 3; } } }
@keyframes spin { from { rotate: 0; } to { rotate: 1turn; } }
@font-face { font-family: X; src: local(X); }
html { font-size: 100%; }
`;

describe("pruneCss", () => {
  const out = pruneCss(css, new Set(["a", "c"]));

  it("keeps the rules a selector of which needs only classes the document has", () => {
    for (const kept of [
      ".a { color: red; }",
      ".b, .c > p { color: blue; }",
      "p:not(.missing) { margin: 0; }",
      ".a:is(.missing, .b) { padding: 1px; }",
      '[data-x=".missing"] { border: 0; }',
      '.a::before { content: "} .missing {"; }',
      "html { font-size: 100%; }",
    ])
      assert.ok(out.includes(kept), kept);
  });

  it("drops the rules that need a class the document lacks, also inside @media and @supports", () => {
    assert.doesNotMatch(out, /^\.missing \{/m);
    assert.doesNotMatch(out, /\.a\.missing/);
    assert.doesNotMatch(out, /@media screen/, "an @media left empty goes");
    assert.match(out, /@media print \{\n\.a \{ y: 2; \}\n\}/);
    assert.match(
      out,
      /@supports \(display: grid\) \{\n@media \(min-width: 1px\) \{\n\.c \{ z: 3; \}\n\}\n\}/,
    );
    assert.doesNotMatch(out, /a comment/);
  });

  it("keeps other at-rules as they are", () => {
    assert.match(out, /@charset "UTF-8";/);
    assert.match(out, /@keyframes spin \{ from \{ rotate: 0; \} to \{ rotate: 1turn; \} \}/);
    assert.match(out, /@font-face \{ font-family: X; src: local\(X\); \}/);
  });

  it("keeps the custom properties something reads, directly or through another, and no others", () => {
    const tokens = `.theme { --used: 1px; --via: var(--deep); --deep: 2px; --unused: 3px; --in-doc: red; --x: var(--unused2); }
.a { margin: var(--used) var(--via); }
.gone { padding: var(--x); }`;
    const pruned = pruneCss(tokens, new Set(["theme", "a"]), `<svg style="fill: var(--in-doc)"></svg>`);
    assert.match(pruned, /\.theme \{ --used: 1px; --via: var\(--deep\); --deep: 2px; --in-doc: red; \}/);
    assert.doesNotMatch(pruned, /--unused|--x:/);
    assert.match(pruned, /\.a \{ margin: var\(--used\) var\(--via\); \}/);
  });

  it("reads the classes of an HTML text", () => {
    assert.deepEqual(
      [...classesInHtml(`<p class="a  b"></p><div class='c'></div><span data-class="x"></span>`)].sort(),
      ["a", "b", "c"],
    );
  });
});

const skip = existsSync(DEFAULT_CHROMIUM) ? false : `${DEFAULT_CHROMIUM} ontbreekt`;

describe("a product's HTML with only the CSS it needs", { skip }, () => {
  it("looks exactly as with all the site's CSS: every element's computed style, on screen and in print", async () => {
    const doc = sampleDocument();
    const small = await renderProductHtml(doc);
    const full = await renderProductHtml(doc, { allCss: true });
    assert.ok(small.length < full.length / 2, `${small.length} vs ${full.length}`);
    const browser = await chromium.launch({
      executablePath: DEFAULT_CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    try {
      const page = await browser.newPage();
      const styles = async (html: string) => {
        await page.setContent(html);
        return page.evaluate(() =>
          [...document.querySelectorAll("*")].map((el) => {
            const cs = getComputedStyle(el);
            const props: string[] = [];
            for (let i = 0; i < cs.length; i++) {
              const name = cs.item(i);
              // Custom properties only matter through the properties that read them (compared).
              if (!name.startsWith("--")) props.push(`${name}:${cs.getPropertyValue(name)}`);
            }
            return `${el.tagName} ${props.join(";")}`;
          }),
        );
      };
      for (const media of ["screen", "print"] as const) {
        await page.emulateMedia({ media });
        const a = await styles(full);
        const b = await styles(small);
        assert.equal(a.length, b.length);
        assert.ok(a.length > 100, `${a.length} elements`);
        for (const [i, style] of a.entries()) assert.equal(b[i], style, `${media}, element ${i}`);
      }
    } finally {
      await browser.close();
    }
  });
});
