// Short-lived API tokens: a JWT (HS256, key in the key folder outside the store) naming the user
// and the purpose, valid at most one hour. The bearer still passes the gate as that user, for
// that purpose; a blocked user's token stops working at once.

import { randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

export const MAX_TOKEN_SECONDS = 3600;
const ISSUER = "driehoek";
const AUDIENCE = "driehoek-api";

export interface ApiTokenClaims {
  user: string;
  purpose: string;
  expiresAt: Date;
}

/** A token for `user` and `purpose`, valid `seconds` (1…3600) from `now`. */
export async function issueApiToken(
  key: Uint8Array,
  claims: { user: string; purpose: string; seconds: number },
  now: Date,
): Promise<string> {
  if (!Number.isInteger(claims.seconds) || claims.seconds < 1 || claims.seconds > MAX_TOKEN_SECONDS) {
    throw new RangeError(`a token lives 1…${MAX_TOKEN_SECONDS} seconds, asked ${claims.seconds}`);
  }
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ doel: claims.purpose })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.user)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + claims.seconds)
    .setJti(randomUUID())
    .sign(key);
}

/** The claims of a valid token, or null (bad signature, expired, too long-lived, wrong audience). */
export async function verifyApiToken(
  key: Uint8Array,
  token: string,
  now: Date,
): Promise<ApiTokenClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
      requiredClaims: ["sub", "exp", "iat", "jti"],
    });
    const exp = payload.exp as number;
    const iat = payload.iat as number;
    if (exp - iat > MAX_TOKEN_SECONDS || typeof payload.doel !== "string" || !payload.sub) return null;
    return { user: payload.sub, purpose: payload.doel, expiresAt: new Date(exp * 1000) };
  } catch {
    return null;
  }
}
