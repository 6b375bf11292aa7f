// `npm start` end to end: the real command in its own process, on an empty store, then again.

import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { slug } from "../demo/demo-accounts.ts";
import { TestBrowser } from "../server/test-access.ts";

const bin = fileURLToPath(new URL("../../bin/driehoek.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "driehoek-start-"));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  seconds: number;
}

function start(): Promise<Started> {
  const t0 = Date.now();
  const child = spawn(process.execPath, [bin, "start"], {
    env: { ...process.env, PORT: "0", DRIEHOEK_DB: join(dir, "driehoek.duckdb") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  child.stderr?.on("data", (d) => {
    out += String(d);
  });
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /draait op (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearInterval(timer);
        resolve({ child, url: m[1], output: () => out, seconds: (Date.now() - t0) / 1000 });
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`driehoek start stopte (code ${code}):\n${out}`));
    });
  });
}

async function stop(s: Started): Promise<void> {
  const exited = new Promise((r) => s.child.once("exit", r));
  s.child.kill("SIGTERM");
  await exited;
}

describe("driehoek start (npm start)", () => {
  it("creates and loads the demo on an empty store, serves the monthly figures, and restarts fast", async () => {
    const first = await start();
    try {
      assert.match(first.output(), /demoregio wordt gemaakt en geladen/);
      assert.match(first.output(), /registraties-\d{4}\.csv: [\d.]+ gelezen, [\d.]+ nieuw/);
      assert.doesNotMatch(first.output(), /[1-9][\d.]* in quarantaine/);
      // The demo logins: every role in two gemeenten, one password.
      const password = /Wachtwoord voor alle demogebruikers: (\S+)/.exec(first.output())?.[1];
      assert.ok(password, first.output());
      const roles = [
        "burgemeester",
        "wethouder",
        "oov-adviseur",
        "analist-gemeente",
        "teamchef",
        "districtschef",
        "politie-analist",
        "officier-van-justitie",
        "riec-analist",
        "partner",
        "fg",
        "beheerder",
      ];
      for (const role of roles) {
        const line = new RegExp(`^  ${role}\\s+(\\S+), (\\S+)$`, "m").exec(first.output());
        assert.ok(line, `two demo users with role ${role}`);
      }
      const mayor = /^ {2}burgemeester\s+(\S+),/m.exec(first.output())?.[1] ?? "";

      // Without login only the login page; as the mayor, the own gemeente's figures.
      assert.equal((await fetch(`${first.url}/`, { redirect: "manual" })).status, 303);
      const web = new TestBrowser((path, init) => fetch(`${first.url}${path}`, init));
      assert.equal((await web.login(mayor, password)).status, 303);
      assert.equal((await web.choosePurpose("openbare-orde")).status, 303);
      const list = await (await web.request("/gemeenten")).text();
      const own = [...list.matchAll(/href="(\/gemeenten\/GM\d{4}\/maandcijfers)">([^<]+)</g)].find(
        (m) => `burgemeester.${slug(m[2] ?? "")}` === mayor,
      );
      const link = own?.[1];
      assert.ok(link, "de lijst met gemeenten linkt naar de maandcijfers van de eigen gemeente");
      // Mijn beeld, the home page, is about the own gemeente and links to the same figures.
      const home = await (await web.request("/")).text();
      assert.match(home, /<h1 class="utrecht-heading-1">Mijn beeld<\/h1>/);
      assert.match(home, new RegExp(`<h2 class="utrecht-heading-2" id="gemeente-0">${own?.[2]}</h2>`));
      assert.ok(home.includes(`href="${link}"`), "Mijn beeld linkt naar de maandcijfers");
      const page = await web.request(link);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /<h1[^>]*>Maandcijfers /);
      assert.match(html, /<svg[^>]*role="img"/);
      assert.match(html, /<table/);
      assert.match(html, /Diefstal\/inbraak woning/);
      const health = await fetch(`${first.url}/health`);
      assert.deepEqual(await health.json(), { status: "ok" });
    } finally {
      await stop(first);
    }

    const second = await start();
    try {
      assert.doesNotMatch(second.output(), /demoregio wordt gemaakt/);
      assert.match(second.output(), /Bestaande database/);
      assert.ok(second.seconds < 15, `tweede start duurde ${second.seconds} s`);
      assert.match(second.output(), /Wachtwoord voor alle demogebruikers/);
      assert.equal((await fetch(`${second.url}/health`)).status, 200);
    } finally {
      await stop(second);
    }
  });
});
