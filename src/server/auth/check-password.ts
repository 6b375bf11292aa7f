// Checks a login name and password against the store, with lockout after repeated failures. The
// answer for an unknown name is the same, and takes as long, as for a wrong password.

import type { UserAccount } from "../../domain/account.ts";
import type { Store } from "../../store/store.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";

export interface CheckPasswordDeps {
  store: Pick<Store, "user" | "saveUser">;
  now: () => Date;
  /** Failures in a row before the account is locked; default 5. */
  maxFailures?: number;
  /** How long a lock lasts; default 15 minutes. */
  lockMs?: number;
}

export type PasswordCheck =
  | { ok: true; user: UserAccount }
  | { ok: false; reason: "onjuist" }
  | { ok: false; reason: "vergrendeld"; until: Date }
  | { ok: false; reason: "geblokkeerd" };

/** Hash of a random password, verified against for unknown names so they take as long. */
let dummyHash: Promise<string> | null = null;

export async function checkPassword(
  deps: CheckPasswordDeps,
  id: string,
  password: string,
): Promise<PasswordCheck> {
  const user = await deps.store.user(id);
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword(`geen-gebruiker-${Math.random()}`);
    await verifyPassword(await dummyHash, password);
    return { ok: false, reason: "onjuist" };
  }
  // Always the full hash check, also for a locked account: the time taken tells nothing.
  const right = await verifyPassword(user.passwordHash, password);
  const now = deps.now();
  if (user.lockedUntil && user.lockedUntil > now)
    return { ok: false, reason: "vergrendeld", until: user.lockedUntil };
  if (!right) {
    const until = await recordLoginFailure(deps, id);
    return until ? { ok: false, reason: "vergrendeld", until } : { ok: false, reason: "onjuist" };
  }
  if (!user.active) return { ok: false, reason: "geblokkeerd" };
  // With a second factor the failures are cleared only once the code is right too.
  if (!user.totpSecret) await clearLoginFailures(deps, id);
  return { ok: true, user };
}

/**
 * Counts a failed password or code; locks the account after `maxFailures` in a row. Re-reads the
 * account right before saving, so a block or role change made meanwhile is not undone.
 * Returns the end of the lock when this failure locked it.
 */
export async function recordLoginFailure(deps: CheckPasswordDeps, id: string): Promise<Date | null> {
  const fresh = await deps.store.user(id);
  if (!fresh) return null;
  const failures = fresh.failedLogins + 1;
  const locked = failures >= (deps.maxFailures ?? 5);
  const until = locked ? new Date(deps.now().getTime() + (deps.lockMs ?? 15 * 60_000)) : null;
  await deps.store.saveUser({ ...fresh, failedLogins: locked ? 0 : failures, lockedUntil: until });
  return until;
}

export async function clearLoginFailures(deps: CheckPasswordDeps, id: string): Promise<void> {
  const fresh = await deps.store.user(id);
  if (fresh && (fresh.failedLogins !== 0 || fresh.lockedUntil !== null)) {
    await deps.store.saveUser({ ...fresh, failedLogins: 0, lockedUntil: null });
  }
}

/** Attempts per client within a window; in memory, per process. */
export interface RateLimiter {
  /** Counts an attempt; false when the client is over its limit. */
  attempt(client: string): boolean;
}

export function createRateLimiter(opts: { now: () => Date; max: number; windowMs: number }): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    attempt(client) {
      const t = opts.now().getTime();
      const recent = (hits.get(client) ?? []).filter((h) => t - h < opts.windowMs);
      recent.push(t);
      hits.set(client, recent);
      if (hits.size > 10_000) {
        for (const [k, v] of hits) if (v.every((h) => t - h >= opts.windowMs)) hits.delete(k);
      }
      return recent.length <= opts.max;
    },
  };
}
