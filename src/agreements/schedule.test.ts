import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agreement, AgreementItem } from "./agreement.ts";
import type { AgreementCadence } from "./cadence.ts";
import { localToday, nthWorkingDayAfter, weekday } from "./calendar.ts";
import { isHoliday, loadHolidayConfig } from "./holidays.ts";
import { deliveryKey, dueDeliveries, lastCompleteOf, periodBefore } from "./schedule.ts";

/** The public holidays of the shipped config/feestdagen.json. */
const holidays = isHoliday(loadHolidayConfig());

function item(
  cadans: AgreementCadence,
  dagVanLevering: number,
  extra: Partial<AgreementItem> = {},
): AgreementItem {
  return {
    product: "p",
    gebied: "GM9001",
    cadans,
    dagVanLevering,
    formaten: ["xlsx"],
    ontvangers: ["burgemeester"],
    doel: "openbare-orde",
    kanalen: ["email"],
    grondslag: "wpg-16-1-c",
    lokaleAfspraak: false,
    ...extra,
  };
}

function agreement(items: AgreementItem[], geldigVanaf = "2020-01-01"): Agreement {
  return {
    gemeente: "GM9001",
    geldigVanaf,
    evaluatieOp: "2030-01-01",
    afgesprokenMet: "driehoek",
    lokaleAfspraak: false,
    producten: items,
  };
}

/** The period ids due at `iso` (UTC) for one item (with `holidays`: the shipped public holidays). */
function due(
  it: AgreementItem,
  iso: string,
  opts: { delivered?: string[]; from?: string; holidays?: boolean } = {},
): string[] {
  const keys = new Set(
    (opts.delivered ?? []).map((period) =>
      deliveryKey({ gemeente: "GM9001", product: "p", area: "GM9001", period, recipient: "burgemeester" }),
    ),
  );
  return dueDeliveries([agreement([it], opts.from)], keys, new Date(iso), {
    isHoliday: opts.holidays ? holidays : undefined,
  }).map((d) => d.period.id);
}

describe("calendar", () => {
  it("counts working days Monday to Friday, and takes today in Dutch local time", () => {
    assert.equal(weekday(20261031), 6, "31 October 2026 is a Saturday");
    assert.equal(nthWorkingDayAfter(20261031, 1), 20261102);
    assert.equal(nthWorkingDayAfter(20261031, 3), 20261104);
    assert.equal(nthWorkingDayAfter(20261030, 1), 20261102, "after a Friday comes Monday");
    assert.equal(nthWorkingDayAfter(20261231, 2, holidays), 20270105, "1 January is a holiday");
    assert.equal(nthWorkingDayAfter(20261231, 2), 20270104, "without holidays 1 January counts");
    assert.equal(nthWorkingDayAfter(20260522, 1, holidays), 20260526, "Monday 25 May is Tweede Pinksterdag");
    // Winter time (UTC+1) and summer time (UTC+2) around midnight.
    assert.equal(localToday(new Date("2026-10-31T22:59:59Z")), 20261031);
    assert.equal(localToday(new Date("2026-10-31T23:00:00Z")), 20261101);
    assert.equal(localToday(new Date("2026-03-31T21:59:59Z")), 20260331);
    assert.equal(localToday(new Date("2026-03-31T22:00:00Z")), 20260401);
  });

  it("finds the last complete period and the one before, across year ends", () => {
    assert.equal(lastCompleteOf("maand", 20270105).id, "2026-12");
    assert.equal(lastCompleteOf("kwartaal", 20261001).id, "2026-Q3");
    assert.equal(lastCompleteOf("kwartaal", 20260930).id, "2026-Q2");
    assert.equal(lastCompleteOf("halfjaar", 20270101).id, "2026-H2");
    assert.equal(lastCompleteOf("jaar", 20261231).id, "2025");
    assert.equal(lastCompleteOf("week", 20270104).id, "2026-W53", "2026 has 53 ISO weeks");
    assert.equal(lastCompleteOf("week", 20270103).id, "2026-W52", "on Sunday the week is not over yet");
    assert.equal(lastCompleteOf("dag", 20270101).id, "2026-12-31");
    assert.equal(periodBefore(lastCompleteOf("maand", 20270105)).id, "2026-11");
    assert.equal(periodBefore(lastCompleteOf("kwartaal", 20270105)).id, "2026-Q3");
    assert.equal(periodBefore(lastCompleteOf("week", 20270111)).id, "2026-W53");
    assert.equal(periodBefore(lastCompleteOf("dag", 20260301)).id, "2026-02-27");
  });
});

describe("dueDeliveries", () => {
  it("monthly: on the agreed working day after the month, not before", () => {
    const monthly = item("maandelijks", 3);
    // October 2026 ends on a Saturday: the 3rd working day is Wednesday 4 November.
    assert.deepEqual(due(monthly, "2026-11-03T12:00:00Z", { delivered: ["2026-09"] }), []);
    assert.deepEqual(due(monthly, "2026-11-04T06:00:00Z", { delivered: ["2026-09"] }), ["2026-10"]);
    assert.deepEqual(due(monthly, "2026-11-20T06:00:00Z", { delivered: ["2026-09"] }), ["2026-10"]);
    assert.deepEqual(due(monthly, "2026-11-20T06:00:00Z", { delivered: ["2026-09", "2026-10"] }), []);
  });

  it("monthly across the year end: December is due on the 3rd working day of January", () => {
    const monthly = item("maandelijks", 3);
    assert.deepEqual(due(monthly, "2027-01-04T12:00:00Z", { delivered: ["2026-11"] }), []);
    assert.deepEqual(due(monthly, "2027-01-05T08:00:00Z", { delivered: ["2026-11"] }), ["2026-12"]);
  });

  it("skips public holidays: December's 1st working day is Monday 4 January, not New Year's Day", () => {
    const monthly = item("maandelijks", 1);
    const opts = { delivered: ["2026-11"], holidays: true };
    assert.deepEqual(due(monthly, "2027-01-01T08:00:00Z", opts), [], "1 January 2027 (a Friday)");
    assert.deepEqual(due(monthly, "2027-01-03T08:00:00Z", opts), [], "Sunday 3 January");
    assert.deepEqual(due(monthly, "2027-01-04T06:00:00Z", opts), ["2026-12"]);
    // Without holidays 1 January counts as a working day.
    assert.deepEqual(due(monthly, "2027-01-01T08:00:00Z", { delivered: ["2026-11"] }), ["2026-12"]);
    const a = agreement([monthly], "2026-01-01");
    const [d] = dueDeliveries([a], new Set(), new Date("2027-01-04T08:00:00Z"), { isHoliday: holidays });
    assert.equal(d?.deliveryDay, 20270104);
  });

  it("skips public holidays: the week ending Sunday 24 May 2026 is due Tuesday 26 May (Tweede Pinksterdag)", () => {
    const weekly = item("wekelijks", 1);
    const opts = { delivered: ["2026-W20"], from: "2026-05-15", holidays: true };
    assert.deepEqual(due(weekly, "2026-05-25T08:00:00Z", opts), [], "Monday 25 May is a holiday");
    assert.deepEqual(due(weekly, "2026-05-26T06:00:00Z", opts), ["2026-W21"]);
    assert.deepEqual(due(weekly, "2026-05-25T08:00:00Z", { ...opts, holidays: false }), ["2026-W21"]);
  });

  it("quarterly, half-yearly and yearly at their boundaries", () => {
    const quarterly = item("per-kwartaal", 1);
    // 23:59 on 30 September in summer time is 21:59 UTC: the quarter is not over.
    assert.deepEqual(due(quarterly, "2026-09-30T21:59:00Z"), []);
    assert.deepEqual(due(quarterly, "2026-10-01T06:00:00Z"), ["2026-Q3"]);
    assert.deepEqual(due(quarterly, "2027-01-01T06:00:00Z", { delivered: ["2026-Q3"] }), ["2026-Q4"]);
    const halfYearly = item("halfjaarlijks", 2);
    assert.deepEqual(due(halfYearly, "2026-07-02T08:00:00Z"), ["2026-H1"]);
    assert.deepEqual(due(halfYearly, "2026-07-01T08:00:00Z"), []);
    const yearly = item("jaarlijks", 10);
    assert.deepEqual(due(yearly, "2027-01-13T08:00:00Z"), []);
    assert.deepEqual(due(yearly, "2027-01-14T08:00:00Z"), ["2026"]);
  });

  it("decides the day in Dutch local time: just after midnight the month is over, in summer and winter time", () => {
    const monthly = item("maandelijks", 1);
    // 31 March 2026 is a Tuesday; the 1st working day after is Wednesday 1 April.
    assert.deepEqual(due(monthly, "2026-03-31T21:30:00Z", { delivered: ["2026-02"] }), [], "23:30 CEST");
    assert.deepEqual(
      due(monthly, "2026-03-31T22:30:00Z", { delivered: ["2026-02"] }),
      ["2026-03"],
      "00:30 CEST",
    );
    // 30 November 2026 is a Monday; Tuesday 1 December, winter time.
    assert.deepEqual(due(monthly, "2026-11-30T22:59:00Z", { delivered: ["2026-10"] }), []);
    assert.deepEqual(due(monthly, "2026-11-30T23:00:00Z", { delivered: ["2026-10"] }), ["2026-11"]);
  });

  it("weekly across both DST changes: the week ending on the change day is due the next Monday", () => {
    const weekly = item("wekelijks", 1);
    // Clocks forward on Sunday 29 March 2026; week 13 runs 23–29 March.
    assert.deepEqual(
      due(weekly, "2026-03-29T21:59:00Z", { delivered: ["2026-W12"], from: "2026-03-20" }),
      [],
      "23:59 CEST Sunday",
    );
    assert.deepEqual(due(weekly, "2026-03-29T22:00:00Z", { delivered: ["2026-W12"], from: "2026-03-20" }), [
      "2026-W13",
    ]);
    // Clocks back on Sunday 25 October 2026; week 43 runs 19–25 October.
    assert.deepEqual(
      due(weekly, "2026-10-25T22:59:00Z", { delivered: ["2026-W42"], from: "2026-10-15" }),
      [],
      "23:59 CET Sunday",
    );
    assert.deepEqual(due(weekly, "2026-10-25T23:00:00Z", { delivered: ["2026-W42"], from: "2026-10-15" }), [
      "2026-W43",
    ]);
    // Across the year end: the 53rd week of 2026.
    assert.deepEqual(due(weekly, "2027-01-04T07:00:00Z", { delivered: ["2026-W52"], from: "2026-12-25" }), [
      "2026-W53",
    ]);
  });

  it("daily: the weekend's reports come on Monday, with Friday's", () => {
    const daily = item("dagelijks", 1);
    assert.deepEqual(due(daily, "2026-11-02T07:00:00Z", { delivered: ["2026-10-29"], from: "2026-10-30" }), [
      "2026-10-30",
      "2026-10-31",
      "2026-11-01",
    ]);
    assert.deepEqual(
      due(daily, "2026-11-01T07:00:00Z", { delivered: ["2026-10-29"], from: "2026-10-30" }),
      [],
      "Sunday",
    );
    // Sunday 25 October (25 hours long) is due on Monday like any day.
    assert.deepEqual(due(daily, "2026-10-26T05:00:00Z", { delivered: ["2026-10-22"], from: "2026-10-23" }), [
      "2026-10-23",
      "2026-10-24",
      "2026-10-25",
    ]);
  });

  it("catches up a missed delivery day for a while, not for ever", () => {
    const monthly = item("maandelijks", 3);
    // Nothing delivered yet: September's day (5 October) was 29 days ago, August's is too old.
    assert.deepEqual(due(monthly, "2026-11-03T08:00:00Z"), ["2026-09"]);
    assert.deepEqual(due(monthly, "2026-11-04T08:00:00Z"), ["2026-09", "2026-10"]);
    // In mid-December only November is still caught up.
    assert.deepEqual(due(item("maandelijks", 1), "2026-12-15T08:00:00Z"), ["2026-11"]);
  });

  it("starts with the agreement: no delivery day before geldigVanaf", () => {
    const monthly = item("maandelijks", 3);
    assert.deepEqual(due(monthly, "2026-11-05T08:00:00Z", { from: "2026-11-05" }), []);
    assert.deepEqual(due(monthly, "2026-11-05T08:00:00Z", { from: "2026-11-04" }), ["2026-10"]);
  });

  it("gives one delivery per recipient, each once, with its key and day", () => {
    const a = agreement([item("maandelijks", 3, { ontvangers: ["burgemeester", "oov"] })], "2026-11-01");
    const first = dueDeliveries([a], new Set(), new Date("2026-11-05T08:00:00Z"));
    assert.deepEqual(
      first.map((d) => [d.key, d.recipient, d.deliveryDay, d.itemIndex]),
      [
        ["GM9001|p|GM9001|2026-10|burgemeester", "burgemeester", 20261104, 0],
        ["GM9001|p|GM9001|2026-10|oov", "oov", 20261104, 0],
      ],
    );
    const again = dueDeliveries([a], new Set([first[0]?.key as string]), new Date("2026-11-05T08:00:00Z"));
    assert.deepEqual(
      again.map((d) => d.recipient),
      ["oov"],
    );
  });

  it("schedules nothing for a cadence without a fixed period", () => {
    assert.deepEqual(due(item("op-verzoek", 1), "2026-11-05T08:00:00Z"), []);
    assert.deepEqual(due(item("tweewekelijks", 1), "2026-11-05T08:00:00Z"), []);
  });
});
