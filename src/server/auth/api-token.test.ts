import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SignJWT } from "jose";
import { issueApiToken, verifyApiToken } from "./api-token.ts";

const KEY = new Uint8Array(32).fill(5);
const NOW = new Date("2026-11-22T09:00:00Z");
const later = (s: number) => new Date(NOW.getTime() + s * 1000);

describe("API tokens", () => {
  it("carry user and purpose, and expire", async () => {
    const t = await issueApiToken(KEY, { user: "analist", purpose: "ivp-monitoring", seconds: 900 }, NOW);
    assert.deepEqual(await verifyApiToken(KEY, t, later(60)), {
      user: "analist",
      purpose: "ivp-monitoring",
      expiresAt: later(900),
    });
    assert.equal(await verifyApiToken(KEY, t, later(901)), null);
  });

  it("refuse another key, a changed token, a long life and a token without purpose", async () => {
    const t = await issueApiToken(KEY, { user: "analist", purpose: "ivp-monitoring", seconds: 60 }, NOW);
    assert.equal(await verifyApiToken(new Uint8Array(32).fill(6), t, NOW), null);
    const [h, p, s] = t.split(".");
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(p as string, "base64url").toString()),
        sub: "burgemeester",
      }),
    ).toString("base64url");
    assert.equal(await verifyApiToken(KEY, `${h}.${forged}.${s}`, NOW), null);
    await assert.rejects(issueApiToken(KEY, { user: "a", purpose: "b", seconds: 7200 }, NOW));
    const long = await new SignJWT({ doel: "x" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("a")
      .setIssuer("driehoek")
      .setAudience("driehoek-api")
      .setIssuedAt(0)
      .setExpirationTime(7200)
      .setJti("j")
      .sign(KEY);
    assert.equal(await verifyApiToken(KEY, long, new Date(1000)), null);
    const none = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("a")
      .setIssuer("driehoek")
      .setAudience("driehoek-api")
      .setIssuedAt(0)
      .setExpirationTime(60)
      .setJti("j")
      .sign(KEY);
    assert.equal(await verifyApiToken(KEY, none, new Date(1000)), null);
  });
});
