import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Command } from "commander";
import { lastCompleteMonth, registerDemoCommand } from "../cli/demo-command.ts";

describe("driehoek demo generate", () => {
  it("takes the last complete Dutch month as default end", () => {
    assert.equal(lastCompleteMonth(new Date("2024-11-15T12:00:00Z")), 202410);
    assert.equal(lastCompleteMonth(new Date("2025-01-01T00:30:00+01:00")), 202412);
    // 31 December 23:30 UTC is already 1 January in the Netherlands.
    assert.equal(lastCompleteMonth(new Date("2024-12-31T23:30:00Z")), 202412);
  });

  it("writes the demo folder and a Dutch summary", async () => {
    const dir = mkdtempSync(join(tmpdir(), "driehoek-demo-cli-"));
    try {
      const out: string[] = [];
      const program = new Command().exitOverride();
      registerDemoCommand(program, {
        now: () => new Date("2024-03-10T10:00:00Z"),
        stdout: (t) => out.push(t),
        isTty: false,
      });
      await program.parseAsync(["demo", "generate", "--seed", "4", "--jaren", "1", "--uit", dir], {
        from: "user",
      });
      const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
      assert.equal(manifest.tot, "2024-02");
      assert.equal(manifest.seed, 4);
      assert.ok(existsSync(join(dir, "registraties-2024.csv")));
      assert.match(out.join(""), /registraties/);
      assert.match(out.join(""), /tot en met 2024-02/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects bad options with a Dutch message", async () => {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => {} });
    registerDemoCommand(program, { now: () => new Date(), isTty: false });
    await assert.rejects(
      program.parseAsync(["demo", "generate", "--seed", "1", "--tot", "2024-13"], { from: "user" }),
      /JJJJ-MM/,
    );
    await assert.rejects(
      program.parseAsync(["demo", "generate", "--seed", "1", "--omvang", "groot"], { from: "user" }),
      /klein of landelijk/,
    );
  });
});
