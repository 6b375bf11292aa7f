// The "duiding" layer: analysis results in plain Dutch (B1).
export { type DescribeChangeInput, describeChange, MIN_COUNT_FOR_PERCENT } from "./change-text.ts";
export { type DescribeConcentrationInput, describeConcentration } from "./concentration-text.ts";
export { type DescribeUnusualMonthInput, describeUnusualMonth } from "./control-text.ts";
export { type DescribeGiInput, describeGi } from "./gi-text.ts";
export { type DescribeGridHotspotsInput, describeGridHotspots } from "./hotspots-text.ts";
export { type DescribeDensityInput, describeDensity } from "./kde-text.ts";
export { type DescribeKnoxInput, describeKnox, KNOX_MAX_CELLS } from "./knox-text.ts";
export { type DescribePeersInput, describePeers } from "./peers-text.ts";
export { type DescribeRateInput, describeRate } from "./rate-text.ts";
export { type DescribeRepeatPlacesInput, describeRepeatPlaces } from "./repeat-places-text.ts";
export { type DescribeSeasonInput, describeSeason } from "./season-text.ts";
export { type DescribeTimePatternInput, describeTimePattern } from "./time-pattern-text.ts";
export { type DescribeTrendInput, describeTrend, type TrendUnit } from "./trend-text.ts";
