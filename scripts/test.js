#!/usr/bin/env node
// `npm test`: installs what the tests need (when missing and allowed), then type-check, lint and
// every `*.test.ts` under src/ with node:test through tsx. Exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  return r.status ?? 1;
};

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

// The browser tests (*.e2e.test.ts) need Debian's Chromium, the PDF tests also poppler's pdftotext
// and pdfinfo; install what is missing when allowed (root, e.g. in CI). Nothing else is downloaded.
// Without them those tests skip themselves.
const CHROMIUM = "/usr/bin/chromium";
const PDFTOTEXT = "/usr/bin/pdftotext";
const needed = [
  [CHROMIUM, "chromium"],
  [PDFTOTEXT, "poppler-utils"],
];
const missing = needed.filter(([file]) => !existsSync(file));
if (missing.length > 0 && process.getuid?.() === 0) {
  const packages = missing.map(([, pkg]) => pkg);
  console.log(`\n== installing ${packages.join(", ")} (${missing.map(([file]) => file).join(", ")} missing)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const ok =
    run("apt-get", ["update"], { env }) === 0 &&
    run("apt-get", ["install", "-y", ...packages], { env }) === 0;
  if (!ok) console.log(`note: ${packages.join(", ")} not installed; the tests needing them will be skipped.`);
}

const steps = [];
const filter = process.argv.slice(2);
if (filter.length === 0) {
  steps.push(["type-check", () => run("npx", ["tsc", "--noEmit", "-p", "."])]);
  steps.push(["lint", () => run("npx", ["biome", "check", "."])]);
}
const files = findTests("src").filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)));
steps.push([
  `tests (${files.length} files)`,
  () =>
    run(process.execPath, [
      "--import",
      "tsx",
      "--test",
      "--test-concurrency=2",
      "--test-reporter=spec",
      ...files,
    ]),
]);

let failed = false;
for (const [name, step] of steps) {
  console.log(`\n== ${name}`);
  const status = step();
  if (status !== 0) {
    console.error(`== ${name}: FAILED (exit ${status})`);
    failed = true;
  }
}
if (!existsSync("../shared/data")) {
  console.log("\nnote: ../shared/data is absent; tests on the real reference files were skipped.");
}
process.exit(failed ? 1 : 0);
