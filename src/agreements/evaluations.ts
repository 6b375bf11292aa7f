// Which agreements are to be evaluated (the seeds ask that agreements be evaluated regularly):
// those whose evaluation date has come ("verlopen") and, as an early warning, those whose date is
// within 30 days ("binnenkort"). Pure; dates in Dutch local time.

import type { Agreement } from "./agreement.ts";
import { daysBetween, isoDateToDay, localToday } from "./calendar.ts";

/** Days before the evaluation date from which it is announced. */
export const EVALUATION_WARNING_DAYS = 30;

export interface DueEvaluation {
  gemeente: string;
  /** JJJJ-MM-DD, as in the agreement. */
  evaluatieOp: string;
  /** "verlopen": the date has come or passed; "binnenkort": within the warning days. */
  status: "verlopen" | "binnenkort";
  /** Days until the date (0 today, negative when passed). */
  dagen: number;
}

/** The agreements to evaluate now or soon, the most overdue first. */
export function dueEvaluations(agreements: readonly Agreement[], now: Date): DueEvaluation[] {
  const today = localToday(now);
  const due: DueEvaluation[] = [];
  for (const a of agreements) {
    const dagen = daysBetween(today, isoDateToDay(a.evaluatieOp));
    if (dagen <= 0) due.push({ gemeente: a.gemeente, evaluatieOp: a.evaluatieOp, status: "verlopen", dagen });
    else if (dagen <= EVALUATION_WARNING_DAYS) {
      due.push({ gemeente: a.gemeente, evaluatieOp: a.evaluatieOp, status: "binnenkort", dagen });
    }
  }
  return due.sort((x, y) => x.dagen - y.dagen || x.gemeente.localeCompare(y.gemeente));
}

/** "vandaag", "4 dagen geleden", "over 12 dagen": when the evaluation is, for messages. */
export function evaluationText(e: DueEvaluation): string {
  if (e.dagen === 0) return "vandaag";
  if (e.dagen < 0) return `${-e.dagen} ${e.dagen === -1 ? "dag" : "dagen"} geleden`;
  return `over ${e.dagen} ${e.dagen === 1 ? "dag" : "dagen"}`;
}
