import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { translateUsageError } from "./dutch-commander.ts";
import { runInProcess } from "./run-in-process.ts";

describe("the driehoek command speaks Dutch", () => {
  it("usage errors", async () => {
    const missing = await runInProcess(["analyse", "rate", "--count", "3"]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /^fout: de optie --population <n> ontbreekt/);
    assert.match(
      (await runInProcess(["analys"])).err,
      /^fout: onbekende opdracht analys \(bedoelt u analyse\?\)/,
    );
    assert.match(
      (await runInProcess(["analyse", "rate", "--count"])).err,
      /^fout: de optie --count <n> heeft een waarde nodig/,
    );
  });

  it("help: titles, standard options and defaults", async () => {
    const help = (await runInProcess(["analyse", "kde", "--help"])).out;
    for (const dutch of [
      "Gebruik: driehoek analyse kde [opties]",
      "Opties:",
      '(standaard: "50")',
      "toon de hulp bij deze opdracht",
    ]) {
      assert.ok(help.includes(dutch), `${dutch} in\n${help}`);
    }
    assert.doesNotMatch(help, /Usage|Options:|default:|display help/);
  });

  it("passes a message it does not know unchanged", () => {
    assert.equal(translateUsageError("iets anders\n"), "iets anders\n");
    assert.equal(
      translateUsageError("error: too many arguments for 'x'. Expected 1 argument but got 2.\n"),
      "fout: te veel argumenten: verwacht 1, gekregen 2\n",
    );
  });
});
