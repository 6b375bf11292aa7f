import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";

describe("passwords", () => {
  it("are stored as argon2id and verified", async () => {
    const phc = await hashPassword("correct paard batterij");
    assert.match(phc, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.ok(!phc.includes("paard"));
    assert.equal(await verifyPassword(phc, "correct paard batterij"), true);
    assert.equal(await verifyPassword(phc, "correct paard batterii"), false);
    assert.equal(await verifyPassword("geen-hash", "x"), false);
    assert.notEqual(await hashPassword("correct paard batterij"), phc, "a fresh salt every time");
  });

  it("must be long enough and not trivial", () => {
    assert.match(passwordProblem("kort") ?? "", /minstens 12 tekens/);
    assert.match(passwordProblem("aaaaaaaaaaaaaaaa") ?? "", /verschillende tekens/);
    assert.match(passwordProblem(" lang genoeg maar spatie") ?? "", /spatie/);
    assert.equal(passwordProblem("correct paard batterij"), null);
  });

  it("generated passwords pass the rules and differ", () => {
    const a = generatePassword();
    assert.match(a, /^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    assert.equal(passwordProblem(a), null);
    assert.notEqual(generatePassword(), a);
  });
});
