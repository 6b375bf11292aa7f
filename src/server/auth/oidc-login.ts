// Login through a municipality's identity provider with OpenID Connect: authorization code flow
// with PKCE, state and nonce (openid-client). The provider says who someone is (issuer and
// subject); driehoek decides what they may see, through an account linked to that subject.

import * as oidc from "openid-client";

export interface OidcSettings {
  /** Issuer URL of the identity provider, e.g. https://login.gemeente.nl/ */
  issuer: string;
  clientId: string;
  /** From the environment (DRIEHOEK_OIDC_CLIENT_SECRET), never from the repository. */
  clientSecret: string;
  /** This app's callback, e.g. https://driehoek.gemeente.nl/inloggen/oidc/terug */
  redirectUri: string;
  /** Name on the login button, e.g. "Inloggen met uw gemeenteaccount". */
  label: string;
  /** Allow http:// for a provider on this machine (tests only). */
  allowInsecure?: boolean;
  /**
   * Count every login through this provider as a second factor (the provider always asks one).
   * Otherwise only when the ID token's `amr` names one (mfa, otp, hwk, swk, sms).
   */
  trustSecondFactor?: boolean;
}

/** `amr` values (RFC 8176) that mean more than a password was used. */
const SECOND_FACTOR_AMR = new Set(["mfa", "otp", "hwk", "swk", "sms", "fpt", "face", "iris"]);

/** What a login in progress keeps in the session until the provider sends the browser back. */
export interface OidcPending {
  state: string;
  nonce: string;
  verifier: string;
  back: string;
}

export interface OidcLogin {
  readonly label: string;
  /** Where to send the browser, and what to keep in the session meanwhile. */
  start(back: string): Promise<{ url: string; pending: OidcPending }>;
  /** Checks the callback (state, code, ID token with nonce) and returns who logged in, and how. */
  finish(callback: URL, pending: OidcPending): Promise<{ issuer: string; subject: string; strong: boolean }>;
}

export function createOidcLogin(settings: OidcSettings): OidcLogin {
  let config: Promise<oidc.Configuration> | null = null;
  const configuration = () => {
    config ??= oidc.discovery(
      new URL(settings.issuer),
      settings.clientId,
      settings.clientSecret,
      undefined,
      settings.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    config.catch(() => {
      config = null; // try discovery again next time
    });
    return config;
  };
  return {
    label: settings.label,
    async start(back) {
      const c = await configuration();
      const pending: OidcPending = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
        back,
      };
      const url = oidc.buildAuthorizationUrl(c, {
        redirect_uri: settings.redirectUri,
        scope: "openid",
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: "S256",
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url: url.href, pending };
    },
    async finish(callback, pending) {
      const c = await configuration();
      const tokens = await oidc.authorizationCodeGrant(c, callback, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
      });
      const claims = tokens.claims();
      if (!claims?.sub) throw new Error("het ID-token noemt geen gebruiker (sub)");
      const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
      const strong = settings.trustSecondFactor === true || amr.some((m) => SECOND_FACTOR_AMR.has(m));
      return { issuer: String(claims.iss), subject: String(claims.sub), strong };
    },
  };
}

/** The key an account is linked with: "issuer|subject". */
export const oidcSubjectKey = (issuer: string, subject: string) => `${issuer}|${subject}`;

/** OpenID Connect settings from the environment, or null when not configured. */
export function oidcSettingsFromEnv(
  env: Record<string, string | undefined>,
  publicUrl: string,
): OidcSettings | null {
  const issuer = env.DRIEHOEK_OIDC_ISSUER;
  const clientId = env.DRIEHOEK_OIDC_CLIENT_ID;
  const clientSecret = env.DRIEHOEK_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri: env.DRIEHOEK_OIDC_REDIRECT ?? `${publicUrl}/inloggen/oidc/terug`,
    label: env.DRIEHOEK_OIDC_NAAM ?? "Inloggen via uw organisatie",
    allowInsecure: env.DRIEHOEK_OIDC_HTTP === "1",
    trustSecondFactor: env.DRIEHOEK_OIDC_TWEEDE_FACTOR === "1",
  };
}
