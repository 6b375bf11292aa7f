import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { base32Decode, base32Encode, hotp, newTotpSecret, totpStep, totpUri, verifyTotp } from "./totp.ts";

// The shared secret of RFC 4226 Appendix D and RFC 6238 Appendix B (SHA-1): "12345678901234567890".
const KEY = new TextEncoder().encode("12345678901234567890");

describe("one-time passwords", () => {
  it("HOTP gives the values of RFC 4226 Appendix D", () => {
    const published = [
      "755224",
      "287082",
      "359152",
      "969429",
      "338314",
      "254676",
      "287922",
      "162583",
      "399871",
      "520489",
    ];
    assert.deepEqual(
      published.map((_, i) => hotp(KEY, i)),
      published,
    );
  });

  it("TOTP gives the 8-digit SHA-1 values of RFC 6238 Appendix B", () => {
    const table: [number, string][] = [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1111111111, "14050471"],
      [1234567890, "89005924"],
      [2000000000, "69279037"],
      [20000000000, "65353130"],
    ];
    for (const [seconds, code] of table)
      assert.equal(hotp(KEY, totpStep(new Date(seconds * 1000)), 8), code, String(seconds));
  });

  it("verifies a code now, one step early or late, and not two", () => {
    const secret = base32Encode(KEY);
    const now = new Date(1_700_000_000_000);
    const step = totpStep(now);
    for (const d of [-1, 0, 1]) assert.equal(verifyTotp(secret, hotp(KEY, step + d), now), step + d);
    assert.equal(verifyTotp(secret, hotp(KEY, step + 2), now), null);
    assert.equal(verifyTotp(secret, "12345", now), null);
    assert.equal(verifyTotp(secret, "abcdef", now), null);
  });

  it("base32 round-trips (RFC 4648 example) and makes 160-bit secrets", () => {
    assert.equal(base32Encode(new TextEncoder().encode("foobar")), "MZXW6YTBOI");
    assert.deepEqual(base32Decode("MZXW6YTBOI"), new TextEncoder().encode("foobar"));
    assert.equal(base32Decode(newTotpSecret()).length, 20);
    assert.match(
      totpUri("ABC", "bm.aastad"),
      /^otpauth:\/\/totp\/driehoek%3Abm\.aastad\?secret=ABC&issuer=driehoek/,
    );
  });
});
