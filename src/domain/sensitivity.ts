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

/** The classes in plain Dutch, for messages and pages. */
export const SENSITIVITY_LABELS: Record<Sensitivity, string> = {
  open: "openbare cijfers",
  aggregated: "geaggregeerde cijfers",
  incident: "losse registraties",
  address: "gegevens op adresniveau",
  person: "gegevens over personen",
  "criminal-procedure": "strafvorderlijke gegevens",
};
