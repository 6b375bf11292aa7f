// Sensitivity classes of what driehoek discloses, lowest to highest (DESIGN.md §4).

export const SENSITIVITIES = [
  "open",
  "aggregated",
  "incident",
  "address",
  "person",
  "criminal-procedure",
] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];
