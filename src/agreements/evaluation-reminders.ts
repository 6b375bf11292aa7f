// Mails the reminders that agreements are to be evaluated to the gemeente's OOV-adviseurs: once
// when the date is within 30 days, once when it has come. A reminder that could not be sent (no
// mail server set up, no adviser with an e-mail address, the server refused) is tried again on
// the next run. It holds no police data: only the agreement's dates and parties.

import type { MailEffects } from "../delivery/mailer.ts";
import type { UserAccount } from "../domain/account.ts";
import { findArea } from "../products/run-product.ts";
import type { Store } from "../store/store.ts";
import type { StoredAgreement } from "./agreement-store.ts";
import { evaluationMail } from "./delivery-mail.ts";
import { type DueEvaluation, dueEvaluations } from "./evaluations.ts";

export const REMINDER_KIND = "herinnering";

export interface ReminderResult extends DueEvaluation {
  /** sent now, sent before, or not sent (see problem). */
  outcome: "verzonden" | "eerder-verzonden" | "niet-verzonden";
  /** User ids it went to. */
  to: string[];
  problem: string | null;
}

export interface ReminderDeps {
  store: Pick<Store, "documents" | "saveDocument" | "users" | "organisations" | "listAreas">;
  now: () => Date;
  mail?: MailEffects;
  mailFrom?: string;
}

/** Active OOV-advisers of an organisation of the gemeente. */
export async function oovAdvisers(
  store: Pick<Store, "users" | "organisations">,
  gemeente: string,
): Promise<UserAccount[]> {
  const orgs = new Set(
    (await store.organisations())
      .filter((o) => o.kind === "gemeente" && o.authority.includes(gemeente))
      .map((o) => o.id),
  );
  return (await store.users()).filter(
    (u) =>
      u.active && u.roles.includes("oov-adviseur") && u.organisation !== null && orgs.has(u.organisation),
  );
}

export async function sendEvaluationReminders(
  deps: ReminderDeps,
  agreements: readonly StoredAgreement[],
): Promise<ReminderResult[]> {
  const now = deps.now();
  const due = dueEvaluations(
    agreements.map((a) => a.agreement),
    now,
  );
  if (due.length === 0) return [];
  const sent = new Set((await deps.store.documents(REMINDER_KIND)).map((d) => d.key));
  const results: ReminderResult[] = [];
  for (const e of due) {
    const key = `${e.gemeente}|${e.evaluatieOp}|${e.status}`;
    if (sent.has(key)) {
      results.push({ ...e, outcome: "eerder-verzonden", to: [], problem: null });
      continue;
    }
    const notSent = (problem: string) => results.push({ ...e, outcome: "niet-verzonden", to: [], problem });
    if (!deps.mail) {
      notSent("e-mail is niet ingesteld (DRIEHOEK_SMTP_HOST)");
      continue;
    }
    const advisers = (await oovAdvisers(deps.store, e.gemeente)).filter((u) => u.email);
    if (advisers.length === 0) {
      notSent(`gemeente ${e.gemeente} heeft geen adviseur openbare orde en veiligheid met een e-mailadres`);
      continue;
    }
    const stored = agreements.find((a) => a.agreement.gemeente === e.gemeente) as StoredAgreement;
    try {
      await deps.mail.send(
        evaluationMail({
          from: deps.mailFrom ?? "",
          to: advisers.map((u) => u.email as string),
          evaluation: e,
          gemeenteName: (await findArea(deps.store, e.gemeente))?.name ?? e.gemeente,
          agreementVersion: stored.version,
          afgesprokenMet: stored.agreement.afgesprokenMet,
        }),
      );
    } catch (err) {
      notSent((err as Error).message);
      continue;
    }
    const to = advisers.map((u) => u.id);
    await deps.store.saveDocument({
      kind: REMINDER_KIND,
      key,
      body: { ...e, afspraakVersie: stored.version, aan: to, op: now.toISOString() },
      author: "systeem",
      savedAt: now,
    });
    results.push({ ...e, outcome: "verzonden", to, problem: null });
  }
  return results;
}
