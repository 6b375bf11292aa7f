// The "duiding" layer: analysis results in plain Dutch (B1).
export { type DescribeChangeInput, describeChange, MIN_COUNT_FOR_PERCENT } from "./change-text.ts";
export { type DescribeTrendInput, describeTrend, type TrendUnit } from "./trend-text.ts";
