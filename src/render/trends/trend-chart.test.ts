import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SHOW_ALL, type Shown } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { addMonths } from "../../domain/time.ts";
import { buildTrendModel } from "../../server/trends/trend-model.ts";
import type { MonthlyCount } from "../../store/store.ts";
import { trendChart } from "./trend-chart.ts";

function model(shown: Shown = SHOW_ALL) {
  const rows: MonthlyCount[] = [];
  for (let m = 202001; m <= 202512; m = addMonths(m, 1))
    rows.push({ month: m, inpCode: "1.1.1", count: m === 202511 ? 60 : 20, attempts: 0 });
  return buildTrendModel({
    area: { code: "GM9001", name: "Aadorp", level: "gemeente", population: 30_000 },
    type: { code: "1.1.1", label: "Diefstal/inbraak woning" },
    params: { area: "GM9001", type: "1.1.1", from: 202301, to: 202512, comparison: "vorig-jaar" },
    counts: { rows, shown, withheldTypes: [] },
    peers: null,
  });
}

describe("trendChart", () => {
  it("is an image with a title and description, without anything a strict CSP blocks", () => {
    const svg = trendChart(model());
    assert.match(svg, /^<svg[^>]*role="img"[^>]*>/);
    assert.match(
      svg,
      /<title>Aantal registraties \(diefstal\/inbraak woning\) per maand in Aadorp, januari 2023 tot en met december 2025<\/title>/,
    );
    assert.match(svg, /<desc>Lijngrafiek/);
    assert.doesNotMatch(svg, /style=|<style|<script|\son[a-z]+=/i);
  });

  it("marks the unusual month with a ring and a word, and breaks the line at a withheld month", () => {
    const plain = trendChart(model());
    assert.equal((plain.match(/>hoog</g) ?? []).length, 1);
    assert.doesNotMatch(plain, /Een onderbreking/);
    const withheld = trendChart(model((_c, from, to) => !(from <= 202406 && to >= 202406)));
    assert.match(withheld, /Een onderbreking in de lijn: afgeschermd of geen cijfers/);
    // One line path with a gap: two "M" (move) commands instead of one.
    const path = (svg: string) => /stroke="#154273" fill="none"><path d="([^"]+)"/.exec(svg)?.[1] ?? "";
    assert.equal((path(plain).match(/M/g) ?? []).length, 1);
    assert.equal((path(withheld).match(/M/g) ?? []).length, 2);
  });
});
