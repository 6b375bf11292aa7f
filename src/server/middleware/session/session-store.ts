// Sessions in memory: a random id (256 bits) per browser, an anti-forgery token, the logged-in user
// and the purpose chosen for this session. A restart logs everyone out, which is safe.

import { randomBytes } from "node:crypto";

export interface Session {
  readonly id: string;
  /** Null until the password (and second factor) are accepted. */
  userId: string | null;
  /** Logged in with a second factor (TOTP) or through the identity provider. */
  strong: boolean;
  /** The user id whose password was accepted, while the second factor is still asked. */
  pendingUserId: string | null;
  /** Synchronizer token: every form posts it back. */
  readonly csrf: string;
  /** Doelbinding: chosen once per session; no purpose, no data. */
  purpose: string | null;
  /** A login through the identity provider in progress (state, nonce, PKCE verifier). */
  oidc: { state: string; nonce: string; verifier: string; back: string } | null;
  /**
   * The user's visit to Mijn beeld before this session (null: the first ever), looked up and
   * replaced by this session's on its first view of Mijn beeld; undefined until then.
   */
  previousVisit?: Date | null;
  readonly createdAt: number;
  lastSeenAt: number;
}

export interface SessionStoreOptions {
  now: () => Date;
  /** A session unused this long ends; default 30 minutes. */
  idleMs?: number;
  /** A session ends this long after it began, used or not; default 12 hours. */
  absoluteMs?: number;
}

export interface SessionStore {
  /** A new session; never reuses an id. */
  create(): Session;
  /** The live session with this id (and marks it used), or undefined. */
  get(id: string | undefined): Session | undefined;
  /** Ends the session. */
  destroy(id: string): void;
  /**
   * A fresh session carrying `from`'s purpose for `userId`, and `from` destroyed: at login the id
   * changes, so an id planted before login is worthless (session fixation).
   */
  rotate(from: Session, userId: string | null, strong?: boolean): Session;
  size(): number;
}

const token = () => randomBytes(32).toString("base64url");

export function createSessionStore(opts: SessionStoreOptions): SessionStore {
  const idleMs = opts.idleMs ?? 30 * 60_000;
  const absoluteMs = opts.absoluteMs ?? 12 * 3_600_000;
  const sessions = new Map<string, Session>();
  const now = () => opts.now().getTime();

  const create = (): Session => {
    // Drop ended sessions now and then, so memory stays bounded by the live ones.
    if (sessions.size > 0 && sessions.size % 1000 === 0) {
      const t = now();
      for (const [id, s] of sessions) if (expired(s, t)) sessions.delete(id);
    }
    const t = now();
    const s: Session = {
      id: token(),
      userId: null,
      strong: false,
      pendingUserId: null,
      csrf: token(),
      purpose: null,
      oidc: null,
      createdAt: t,
      lastSeenAt: t,
    };
    sessions.set(s.id, s);
    return s;
  };
  const expired = (s: Session, t: number) => t - s.lastSeenAt > idleMs || t - s.createdAt > absoluteMs;

  return {
    create,
    get(id) {
      if (!id) return undefined;
      const s = sessions.get(id);
      if (!s) return undefined;
      const t = now();
      if (expired(s, t)) {
        sessions.delete(id);
        return undefined;
      }
      s.lastSeenAt = t;
      return s;
    },
    destroy(id) {
      sessions.delete(id);
    },
    rotate(from, userId, strong = false) {
      sessions.delete(from.id);
      const s = create();
      s.userId = userId;
      s.strong = userId !== null && strong;
      // The purpose stays only when the same user goes on (a second factor after the password).
      s.purpose = userId !== null && userId === (from.userId ?? from.pendingUserId) ? from.purpose : null;
      return s;
    },
    size: () => sessions.size,
  };
}
