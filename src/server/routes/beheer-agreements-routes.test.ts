import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nextDeliveryDay } from "./beheer-agreements-routes.tsx";

describe("next delivery day of an agreed product", () => {
  const monthly = { cadans: "maandelijks", dagVanLevering: 3 } as const;

  it("is this month's delivery day while it is still ahead, else next month's", () => {
    // October's product on the third working day of November: Wednesday 4 November 2026.
    assert.equal(nextDeliveryDay(monthly, 20260101, 20261102), 20261104);
    assert.equal(nextDeliveryDay(monthly, 20260101, 20261104), 20261104, "today counts");
    assert.equal(nextDeliveryDay(monthly, 20260101, 20261105), 20261203);
  });

  it("skips public holidays and respects geldigVanaf", () => {
    const holiday = (d: number) => d === 20261202;
    assert.equal(nextDeliveryDay(monthly, 20260101, 20261123, holiday), 20261204);
    assert.equal(nextDeliveryDay(monthly, 20270201, 20261123), 20270203);
  });

  it("handles weeks, years and cadences without a schedule", () => {
    // Week 47 of 2026 ends Sunday 22 November; its first working day after is Monday 23 November.
    assert.equal(nextDeliveryDay({ cadans: "wekelijks", dagVanLevering: 1 }, 20260101, 20261123), 20261123);
    assert.equal(nextDeliveryDay({ cadans: "wekelijks", dagVanLevering: 1 }, 20260101, 20261124), 20261130);
    // 2026's product on the fifth working day of 2027: Friday 1 January counts without holidays.
    const yearly = { cadans: "jaarlijks", dagVanLevering: 5 } as const;
    assert.equal(nextDeliveryDay(yearly, 20260101, 20261123), 20270107);
    assert.equal(
      nextDeliveryDay(yearly, 20260101, 20261123, (d) => d === 20270101),
      20270108,
    );
    assert.equal(nextDeliveryDay({ cadans: "op-verzoek", dagVanLevering: 1 }, 20260101, 20261123), null);
  });
});
