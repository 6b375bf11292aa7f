import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { amsterdamOffset, amsterdamToUtc } from "../domain/time.ts";
import {
  existingWall,
  formatIsoOffset,
  formatWall,
  inSpringGap,
  wallMinute,
  wallOffsetMinutes,
} from "./wall-time.ts";

describe("wall-time", () => {
  it("finds the skipped spring hour and moves times out of it", () => {
    // 2024: last Sunday of March is the 31st.
    assert.equal(inSpringGap(wallMinute(2024, 3, 31, 1, 59)), false);
    assert.equal(inSpringGap(wallMinute(2024, 3, 31, 2, 0)), true);
    assert.equal(inSpringGap(wallMinute(2024, 3, 31, 2, 59)), true);
    assert.equal(inSpringGap(wallMinute(2024, 3, 31, 3, 0)), false);
    assert.equal(inSpringGap(wallMinute(2025, 3, 30, 2, 30)), true);
    assert.equal(formatWall(existingWall(wallMinute(2024, 3, 31, 2, 15))), "2024-03-31 03:15");
    assert.equal(formatWall(existingWall(wallMinute(2024, 3, 30, 2, 15))), "2024-03-30 02:15");
  });

  it("agrees with the domain's Europe/Amsterdam rules for every hour of 2023-2025", () => {
    for (let year = 2023; year <= 2025; year++) {
      for (let day = 0; day < 366; day++) {
        for (let h = 0; h < 24; h++) {
          const d = new Date(Date.UTC(year, 0, 1 + day, h));
          if (d.getUTCFullYear() !== year) continue;
          const wall = wallMinute(year, d.getUTCMonth() + 1, d.getUTCDate(), h, 30);
          const r = amsterdamToUtc(year, d.getUTCMonth() + 1, d.getUTCDate(), h, 30);
          assert.equal(inSpringGap(wall), !r.ok, formatWall(wall));
          if (r.ok)
            assert.equal(wallOffsetMinutes(wall) * 60_000, amsterdamOffset(r.utcMs), formatWall(wall));
        }
      }
    }
  });

  it("formats ISO 8601 with the offset", () => {
    assert.equal(formatIsoOffset(wallMinute(2024, 1, 5, 9, 7), 3), "2024-01-05T09:07:03+01:00");
    assert.equal(formatIsoOffset(wallMinute(2024, 7, 5, 23, 59), 59), "2024-07-05T23:59:59+02:00");
    // The repeated autumn hour is read as summer time (its first occurrence).
    assert.equal(formatIsoOffset(wallMinute(2024, 10, 27, 2, 30), 0), "2024-10-27T02:30:00+02:00");
  });
});
