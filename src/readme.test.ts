// The README and the documents in docs/ point only at files that exist (images such as the
// screenshots of Mijn beeld and the map, and other documents), so a moved or missing file shows.

import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DOCUMENTS = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** Local targets of Markdown links and images: no scheme, no anchor-only links. */
function localTargets(markdown: string): string[] {
  return [...markdown.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)]
    .map((m) => (m[1] ?? "").split("#")[0] ?? "")
    .filter((t) => t !== "" && !/^[a-z]+:/i.test(t));
}

describe("documentation links", () => {
  it("the README shows the screenshots of Mijn beeld and the map", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.includes("docs/schermafdrukken/mijn-beeld.png"), images.join(", "));
    assert.ok(images.includes("docs/schermafdrukken/kaart.png"), images.join(", "));
  });

  for (const doc of DOCUMENTS) {
    it(`${doc}: every local link and image exists`, () => {
      const missing = localTargets(readFileSync(join(ROOT, doc), "utf8")).filter(
        (t) => !existsSync(join(ROOT, dirname(doc), t)),
      );
      assert.deepEqual(missing, []);
    });
  }
});
